import { isoOf } from './demo-dates';
import { RaaContext } from './demo-households';

/**
 * The RAA's adoption support cases, by LA of residence and type as its plan says; about half belong to a family the
 * RAA placed with (an ADOPTION_ORDER household living there), the rest to families adopted elsewhere.
 */
export function generateSupportCases(ctx: RaaContext): void {
  const { rng, today, plan } = ctx;
  const families = new Map<string, string[]>();
  for (const h of ctx.out.households) {
    if (h.stage !== 'ADOPTION_ORDER' || h.livesIn === null) continue;
    families.set(h.livesIn, [...(families.get(h.livesIn) ?? []), h.id]);
  }
  for (const { livesIn, type, count } of plan.supportCases) {
    const local = rng.shuffle([...(families.get(livesIn) ?? [])]);
    for (let i = 0; i < count; i++) {
      ctx.seq.supportCase += 1;
      const opened = today - (type === 'LETTERBOX_CONTACT' || type === 'DIRECT_CONTACT' ? rng.int(30, 1800) : rng.int(5, 400));
      ctx.out.supportCases.push({
        id: rng.uuid(), agency: plan.raa.code, sourceId: `${plan.raa.code}-S${String(ctx.seq.supportCase).padStart(5, '0')}`,
        livesIn, type, householdId: local.length > 0 && rng.chance(0.5) ? local.pop()! : null,
        openedOn: isoOf(opened), closedOn: null,
      });
    }
  }
}
