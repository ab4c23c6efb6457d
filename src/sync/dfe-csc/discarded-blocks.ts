// The parts of the payload the hub does not keep (referrals' details, assessments, plans, SDQ scores, care leavers,
// EHC plans): checked for shape so a malformed payload is refused, then discarded.
import { FieldReader, isObject } from './field-reader';

type Kind = 'string' | 'date' | 'boolean' | 'number' | 'stringList';
type Shape = Record<string, Kind>;

const CHILD_LISTS: Record<string, Shape> = {
  education_health_care_plans: {
    education_health_care_plan_id: 'string', request_received_date: 'date', request_outcome_date: 'date',
    assessment_outcome_date: 'date', plan_start_date: 'date', purge: 'boolean',
  },
};

const EPISODE_LISTS: Record<string, Shape> = {
  care_worker_details: { worker_id: 'string', start_date: 'date', end_date: 'date' },
  child_and_family_assessments: {
    child_and_family_assessment_id: 'string', start_date: 'date', authorisation_date: 'date', factors: 'stringList', purge: 'boolean',
  },
  child_in_need_plans: { child_in_need_plan_id: 'string', start_date: 'date', end_date: 'date', purge: 'boolean' },
  section_47_assessments: {
    section_47_assessment_id: 'string', start_date: 'date', icpc_required_flag: 'boolean', icpc_date: 'date', end_date: 'date', purge: 'boolean',
  },
  child_protection_plans: { child_protection_plan_id: 'string', start_date: 'date', end_date: 'date', purge: 'boolean' },
};

const CARE_LEAVERS: Shape = { contact_date: 'date', activity: 'string', accommodation: 'string', purge: 'boolean' };
const SDQ: Shape = { date: 'date', score: 'number' };

function checkShape(r: FieldReader, shape: Shape): void {
  for (const [key, kind] of Object.entries(shape)) {
    if (kind === 'stringList') {
      (r.list(key) ?? []).forEach((v, i) => { if (typeof v !== 'string') r.fail(`${key}.${i}`, 'must be a string'); });
    } else r[kind](key);
  }
}

function checkList(r: FieldReader, key: string, shape: Shape): void {
  (r.list(key) ?? []).forEach((item, i) => {
    if (!isObject(item)) r.fail(`${key}.${i}`, 'must be an object');
    else checkShape(r.at(item, `${key}.${i}`), shape);
  });
}

/** Checks the child-level blocks the hub discards (health and wellbeing, EHC plans). */
export function checkDiscardedChildBlocks(r: FieldReader): void {
  const health = r.object('health_and_wellbeing');
  if (health) {
    const h = r.at(health, 'health_and_wellbeing');
    h.boolean('purge');
    checkList(h, 'sdq_assessments', SDQ);
  }
  for (const [key, shape] of Object.entries(CHILD_LISTS)) checkList(r, key, shape);
}

/** Checks the episode-level blocks the hub discards (workers, assessments, plans, care leavers). */
export function checkDiscardedEpisodeBlocks(e: FieldReader): void {
  for (const [key, shape] of Object.entries(EPISODE_LISTS)) checkList(e, key, shape);
  const leavers = e.object('care_leavers');
  if (leavers) checkShape(e.at(leavers, 'care_leavers'), CARE_LEAVERS);
}
