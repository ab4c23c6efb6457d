import { Day } from './demo-dates';
import { CarePeriod, daysBetween, EpisodeStep, fosterMove } from './demo-episodes';
import { SeededRandom } from './seeded-random';

/** A child's milestone dates as day numbers (null when not reached); the same meanings as the child table's columns. */
export interface Milestones {
  entered: Day | null;
  decision: Day | null;
  placementOrder: Day | null;
  /** Start of a fostering-for-adoption placement with carers who may adopt (U5): the day the child moved in with them. */
  ffa: Day | null;
  matched: Day | null;
  placed: Day | null;
  adoptionOrder: Day | null;
  planChanged: Day | null;
  /** The day care ended other than by adoption (with `leftRec`). */
  left: Day | null;
  leftRec: string | null;
}

/** Milestones with nothing reached yet. */
export function noMilestones(): Milestones {
  return { entered: null, decision: null, placementOrder: null, ffa: null, matched: null, placed: null, adoptionOrder: null, planChanged: null, left: null, leftRec: null };
}

/**
 * The period of care of a child on an adoption pathway, consistent with its milestones: RNE S at entry (interim care
 * order, foster care), perhaps a foster move, a U5 placement from the fostering-for-adoption date, legal status E1 from
 * the placement order, and an A5 (same carers) or A6 placement from the placed date, ending E11/E12 at the adoption order.
 */
export function adoptionPathwayPeriod(rng: SeededRandom, m: Milestones): CarePeriod {
  if (m.entered === null) throw new Error('an adoption pathway period needs an entry date');
  const steps: EpisodeStep[] = [];
  let ls = rng.chance(0.85) ? 'C1' : 'V2';
  const ffaAtEntry = m.ffa !== null && m.ffa === m.entered;
  steps.push({ start: m.entered, rne: 'S', legalStatus: ls, place: ffaAtEntry ? 'U5' : rng.pick(['U6', 'U6', 'U3']) });
  const firstChange = [m.ffa, m.placementOrder, m.placed, m.planChanged, m.left, m.adoptionOrder]
    .filter((d): d is Day => d !== null && d > m.entered!).reduce((a, b) => Math.min(a, b), Infinity);
  // A foster move before anything else happens, for some children.
  if (!ffaAtEntry && firstChange !== Infinity && firstChange - m.entered > 60 && rng.chance(0.35)) {
    for (const d of daysBetween(rng, m.entered + 20, firstChange - 20, 1)) steps.push(fosterMove(d, ls));
  }
  if (m.ffa !== null && !ffaAtEntry) steps.push({ start: m.ffa, rne: 'P', legalStatus: ls, place: 'U5' });
  const carer = () => steps[steps.length - 1].place;
  if (m.placementOrder !== null && m.placementOrder > m.entered) {
    ls = 'E1';
    steps.push({ start: m.placementOrder, rne: 'L', legalStatus: 'E1', place: carer() });
  }
  if (m.planChanged !== null) {
    ls = 'C2';
    steps.push({ start: m.planChanged, rne: 'B', legalStatus: 'C2', place: 'U4' });
  }
  if (m.placed !== null) {
    const withCarers = carer() === 'U5';
    const place = ls === 'E1' ? (withCarers ? 'A5' : 'A6') : (withCarers ? 'A3' : 'A4');
    steps.push({ start: m.placed, rne: withCarers ? 'T' : 'P', legalStatus: ls, place });
  }
  if (m.adoptionOrder !== null) return { steps, end: m.adoptionOrder, rec: rng.chance(0.6) ? 'E11' : 'E12' };
  if (m.left !== null) return { steps, end: m.left, rec: m.leftRec };
  return { steps, end: null, rec: null };
}

const LEAVING_RECS_YOUNG: Record<string, number> = { E4A: 8, E13: 2, E41: 1, E45: 2, E46: 1, E47: 1, E48: 1, E3: 0.5, E8: 0.5 };
const LEAVING_RECS_ADULT: Record<string, number> = { E17: 3, E5: 4, E6: 1, E8: 1, E4A: 1 };

function firstPlaceFor(rng: SeededRandom, age: number): string {
  if (age < 10) return rng.weighted({ U6: 6, U3: 2, U4: 1, R3: 0.3, P1: 0.3 });
  if (age < 16) return rng.weighted({ U6: 5, U4: 2, U3: 1, K2: 2, S1: 0.3 });
  return rng.weighted({ U6: 3, K2: 2, H5: 3, U4: 1 });
}

function nextStep(rng: SeededRandom, prev: EpisodeStep, start: Day, age: number): EpisodeStep {
  const legalChange = prev.legalStatus !== 'C2' && rng.chance(0.3);
  const legalStatus = legalChange ? 'C2' : prev.legalStatus;
  const kind = rng.weighted({ P: 7, T: 1.5, B: legalChange ? 1.5 : 0, U: legalChange ? 0.5 : 0, L: legalChange ? 2 : 0 });
  if (kind === 'L') return { start, rne: 'L', legalStatus, place: prev.place };
  if (kind === 'T' || kind === 'U') return { start, rne: kind, legalStatus, place: prev.place === 'U6' ? 'U4' : prev.place };
  return { start, rne: kind, legalStatus, place: firstPlaceFor(rng, age) };
}

/**
 * The care history of a child not on an adoption pathway: perhaps an earlier period that ended with a return home,
 * then the current period from `entered`, with a change of placement or legal status every `meanDays` days or so,
 * open at `today` or ended at `left` (with a reason that fits the child's age).
 */
export function ordinaryCarePeriods(rng: SeededRandom, dob: Day, entered: Day, left: Day | null, today: Day, meanDays: number): CarePeriod[] {
  const periods: CarePeriod[] = [];
  if (entered - dob > 1100 && rng.chance(0.2)) {
    const start = dob + rng.int(180, entered - dob - 600);
    const end = Math.min(start + rng.int(30, 400), entered - 60);
    periods.push({ steps: [{ start, rne: 'S', legalStatus: 'V2', place: firstPlaceFor(rng, (start - dob) / 365) }], end, rec: 'E4A' });
  }
  const limit = left ?? today + 1;
  const steps: EpisodeStep[] = [];
  const age0 = (entered - dob) / 365.25;
  steps.push({ start: entered, rne: 'S', legalStatus: age0 >= 10 && rng.chance(0.05) ? 'J1' : rng.weighted({ C1: 5, V2: 5, L2: 0.5 }), place: firstPlaceFor(rng, age0) });
  for (let d = entered + rng.int(10, 2 * meanDays); d < limit; d += rng.int(10, 2 * meanDays)) {
    steps.push(nextStep(rng, steps[steps.length - 1], d, (d - dob) / 365.25));
  }
  const ageAtEnd = ((left ?? today) - dob) / 365.25;
  periods.push({ steps, end: left, rec: left === null ? null : rng.weighted(ageAtEnd >= 17.5 ? LEAVING_RECS_ADULT : LEAVING_RECS_YOUNG) });
  return periods;
}
