import { Day, financialYearEnd, financialYearStart } from './demo-dates';
import { Milestones, noMilestones } from './demo-journeys';
import { AdoptionYearPlan } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** One adopted child's scorecard days: A10 and A2 exactly as scorecard.md computes them from its dates. */
export interface AdoptionDays {
  fosterCarer: boolean;
  matchedBeforeOrder: boolean;
  a10: number;
  a2: number;
}

// Days an ordinary (non foster-carer) adoption needs beyond its A2: court proceedings before the placement order,
// then the weeks between match and placement.
const MIN_A10_OVER_A2 = 100;

/** `total` split into `n` whole numbers of similar size (±50%) that add up to it exactly. */
function spread(rng: SeededRandom, total: number, n: number): number[] {
  if (n === 0) return [];
  const weights = Array.from({ length: n }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i] += 1;
  return parts;
}

/** Moves A2 days from children too close to their A10 to children with room, keeping the total. */
function repairMargins(kids: AdoptionDays[]): void {
  const room = (k: AdoptionDays) => k.a10 - MIN_A10_OVER_A2 - k.a2;
  for (const k of kids) {
    while (room(k) < 0) {
      const donor = kids.filter((d) => d !== k && room(d) > 0).sort((a, b) => room(b) - room(a))[0];
      if (!donor) throw new Error('adoption plan infeasible: A2 days too large for the A10 days');
      const move = Math.min(-room(k), room(donor));
      k.a2 -= move;
      donor.a2 += move;
    }
  }
}

/**
 * The days of each child adopted in one year of a plan. Pinned years (a10Sum/a2Sum) hit their sums exactly:
 * foster-carer adoptions are drawn first (small A10, ordinary A2), the others share what is left, larger A2 going
 * with larger A10 so every child's dates can be laid out.
 */
export function adoptionDays(rng: SeededRandom, plan: AdoptionYearPlan): AdoptionDays[] {
  const fc: AdoptionDays[] = [];
  const avg2 = plan.a2Sum !== undefined ? plan.a2Sum / plan.count : rng.int(120, 300);
  for (let i = 0; i < plan.fosterCarer; i++) {
    fc.push({ fosterCarer: true, matchedBeforeOrder: false, a10: rng.chance(0.3) ? 0 : rng.int(10, 200), a2: Math.round(avg2 * (0.8 + rng.next() * 0.5)) });
  }
  const others = plan.count - plan.fosterCarer;
  const mbo = plan.matchedBeforeOrder ?? 0;
  if (plan.a10Sum === undefined || plan.a2Sum === undefined) {
    const kids = Array.from({ length: others }, (_, i) => {
      const a10 = rng.int(250, 800);
      return { fosterCarer: false, matchedBeforeOrder: i < mbo, a10, a2: i < mbo ? 0 : rng.int(40, Math.min(400, a10 - MIN_A10_OVER_A2)) };
    });
    return rng.shuffle([...fc, ...kids]);
  }
  const a10s = spread(rng, plan.a10Sum - fc.reduce((s, k) => s + k.a10, 0), others).sort((a, b) => b - a);
  const a2s = spread(rng, plan.a2Sum - fc.reduce((s, k) => s + k.a2, 0), others - mbo).sort((a, b) => b - a);
  const kids: AdoptionDays[] = a10s.map((a10, i) => ({ fosterCarer: false, matchedBeforeOrder: i >= others - mbo, a10, a2: a2s[i] ?? 0 }));
  repairMargins(kids.filter((k) => !k.matchedBeforeOrder));
  return rng.shuffle([...fc, ...kids]);
}

/**
 * Dates for one adopted child that give exactly `days`: adoption order in the financial year ending `yearEnding`
 * (not after `today`), placed some months before, matched a few weeks before that, the placement order A2 days
 * before the match (or shortly after it), care entered A10 days before the move to the adopters.
 */
export function adoptionMilestones(rng: SeededRandom, days: AdoptionDays, yearEnding: number, today: Day): Milestones {
  const m = noMilestones();
  const last = Math.min(financialYearEnd(yearEnding), today);
  m.adoptionOrder = rng.int(financialYearStart(yearEnding), last);
  m.placed = m.adoptionOrder - rng.int(100, 330);
  m.matched = m.placed - rng.int(7, 40);
  if (days.matchedBeforeOrder) {
    m.placementOrder = m.matched + rng.int(1, m.placed - m.matched - 1);
  } else {
    m.placementOrder = m.matched - days.a2;
  }
  if (days.fosterCarer) {
    m.ffa = m.placementOrder - rng.int(20, 250);
    m.entered = m.ffa - days.a10;
  } else {
    m.entered = m.placed - days.a10;
  }
  const decisionBy = Math.min(m.placementOrder, m.matched);
  m.decision = m.entered + Math.floor((decisionBy - m.entered) * (0.3 + rng.next() * 0.5));
  return m;
}
