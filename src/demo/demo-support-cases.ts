import { isoOf } from './demo-dates';
import { RaaContext } from './demo-households';

/** A family the RAA placed with: its household and the day its adoption order was made. */
interface Family { id: string; adoptedOn: string }

/**
 * The RAA's adoption support cases, by LA of residence and type as its plan says; about half belong to a family the
 * RAA placed with (an ADOPTION_ORDER household living there, its order made by the day the case opened), the rest to
 * families adopted elsewhere.
 */
export function generateSupportCases(ctx: RaaContext): void {
  const { rng, today, plan } = ctx;
  const families = new Map<string, Family[]>();
  for (const h of ctx.out.households) {
    if (h.stage !== 'ADOPTION_ORDER' || h.livesIn === null || h.adoptionOrderOn === null) continue;
    families.set(h.livesIn, [...(families.get(h.livesIn) ?? []), { id: h.id, adoptedOn: h.adoptionOrderOn }]);
  }
  for (const { livesIn, type, count } of plan.supportCases) {
    const local = rng.shuffle([...(families.get(livesIn) ?? [])]);
    for (let i = 0; i < count; i++) {
      ctx.seq.supportCase += 1;
      const opened = isoOf(today - (type === 'LETTERBOX_CONTACT' || type === 'DIRECT_CONTACT' ? rng.int(30, 1800) : rng.int(5, 400)));
      const ours = rng.chance(0.5) ? local.findIndex((f) => f.adoptedOn <= opened) : -1;
      ctx.out.supportCases.push({
        id: rng.uuid(), agency: plan.raa.code, sourceId: `${plan.raa.code}-S${String(ctx.seq.supportCase).padStart(5, '0')}`,
        livesIn, type, householdId: ours >= 0 ? local.splice(ours, 1)[0].id : null,
        openedOn: opened, closedOn: null,
      });
    }
  }
}
