import { Day } from './demo-dates';
import { Milestones, noMilestones } from './demo-journeys';
import { PipelinePosition } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** Milestones of a sibling unit at a pipeline position on the snapshot day, plus the date a link began. */
export interface PipelineDates {
  m: Milestones;
  linkedOn: Day | null;
  planChangedReason: string | null;
}

const PLAN_CHANGED_REASONS = {
  'RD1: the child\'s needs changed after the decision': 2,
  'RD2: the court did not make a placement order': 3,
  'RD3: prospective adopters could not be found': 2,
  'RD4: a family member was assessed positively as a special guardian': 3,
};

/** Days before `today` when the placement order was made, for children still waiting: most recent, some long waits. */
function orderAge(rng: SeededRandom): number {
  return rng.weighted({ recent: 6, year: 3, long: 1 }) === 'recent' ? rng.int(14, 250) : rng.chance(0.75) ? rng.int(250, 550) : rng.int(550, 900);
}

/** Court work before a placement order: entry, then the ADM decision, then the order. */
function beforeOrder(rng: SeededRandom, m: Milestones, order: Day): void {
  m.placementOrder = order;
  m.decision = order - rng.int(30, 150);
  m.entered = m.decision - rng.int(40, 250);
}

/** A fostering-for-adoption move strictly between entry and `before`, or at entry. */
function maybeFfa(rng: SeededRandom, m: Milestones, before: Day, p: number): void {
  if (m.entered === null || !rng.chance(p) || before - m.entered < 3) return;
  m.ffa = rng.chance(0.4) ? m.entered : m.entered + rng.int(1, Math.min(120, before - m.entered - 1));
}

/** Milestones for a unit at `position` on day `today` (all of them on or before it). */
export function pipelineDates(rng: SeededRandom, position: PipelinePosition, today: Day): PipelineDates {
  const m = noMilestones();
  let linkedOn: Day | null = null;
  let reason: string | null = null;
  switch (position) {
    case 'UNBORN': break;
    case 'EARLY_MONITORING':
      if (rng.chance(0.5)) m.entered = today - rng.int(7, 200);
      break;
    case 'PARALLEL_PLANNING':
      m.entered = today - rng.int(30, 330);
      maybeFfa(rng, m, today, 0.3);
      break;
    case 'ADM_DECISION':
      m.entered = today - rng.int(150, 450);
      m.decision = today - rng.int(3, 60);
      break;
    case 'FAMILY_FINDING':
      beforeOrder(rng, m, today - orderAge(rng));
      maybeFfa(rng, m, m.placementOrder!, 0.15);
      break;
    case 'PROGRESS_TO_MATCH':
      beforeOrder(rng, m, today - rng.int(60, 450));
      linkedOn = today - rng.int(5, 50);
      break;
    case 'MATCHED':
      m.matched = today - rng.int(3, 45);
      beforeOrder(rng, m, m.matched - rng.int(40, 380));
      linkedOn = m.matched - rng.int(20, 60);
      break;
    case 'PLACED':
      m.placed = today - rng.int(14, 330);
      m.matched = m.placed - rng.int(7, 40);
      beforeOrder(rng, m, m.matched - rng.int(40, 380));
      maybeFfa(rng, m, m.placementOrder!, 0.2);
      linkedOn = m.matched - rng.int(20, 60);
      break;
    case 'PLAN_CHANGED':
      m.entered = today - rng.int(300, 900);
      m.decision = m.entered + rng.int(60, 200);
      m.planChanged = m.decision + rng.int(60, Math.max(61, Math.min(400, today - m.decision - 30)));
      reason = rng.weighted(PLAN_CHANGED_REASONS);
      if (rng.chance(0.4)) {
        m.left = m.planChanged + rng.int(1, today - m.planChanged - 1);
        m.leftRec = rng.pick(['E45', 'E46', 'E47', 'E41']);
      }
      break;
  }
  return { m, linkedOn, planChangedReason: reason };
}

/** Age in years on the snapshot day of the youngest child at `position`: active children mostly 1 to 4, some up to 9. */
export function youngestAgeYears(rng: SeededRandom, position: PipelinePosition): number {
  if (position === 'EARLY_MONITORING' || position === 'PARALLEL_PLANNING') return Number(rng.weighted({ 0: 5, 1: 3, 2: 2, 3: 1, 4: 1 } as Record<string, number>));
  if (position === 'PLAN_CHANGED') return rng.int(2, 8);
  return Number(rng.weighted({ 0: 8, 1: 24, 2: 20, 3: 14, 4: 9, 5: 6, 6: 5, 7: 3, 8: 2, 9: 1.5 } as Record<string, number>));
}
