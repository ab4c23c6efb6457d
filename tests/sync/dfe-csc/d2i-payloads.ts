// Payloads as Data to Insight's SQL builds them (sql_json_query/populate_ssd_api_data_staging_*.sql: every field
// present, null where unknown, purge false) and the partial and deletion payloads its payload.py derives from them.

/** A placement of a full payload. */
export interface PlacementSeed {
  id: string; start: string; reason: string; type: string; postcode?: string | null; end?: string | null; endReason?: string | null;
}

/** What varies between test children. */
export interface ChildSeed {
  id: string;
  firstName?: string;
  surname?: string;
  dob?: string | null;
  sex?: string;
  ethnicity?: string | null;
  disabilities?: string[];
  placements?: PlacementSeed[];
  adoption?: { decision?: string | null; matched?: string | null; placed?: string | null } | null;
}

/** A full payload, shaped as the D2I SQL emits it. */
export function fullPayload(c: ChildSeed): Record<string, unknown> {
  return {
    la_child_id: c.id, mis_child_id: `Supplier-${c.id}`, purge: false,
    child_details: {
      first_name: c.firstName ?? 'Sam', surname: c.surname ?? 'Taylor', unique_pupil_number: 'A12345678901B'.slice(0, 13),
      former_unique_pupil_number: null, unique_pupil_number_unknown_reason: null,
      date_of_birth: c.dob === undefined ? '2021-03-04' : c.dob, expected_date_of_birth: null, sex: c.sex ?? 'F',
      ethnicity: c.ethnicity === undefined ? 'WBRI' : c.ethnicity, disabilities: c.disabilities ?? [], postcode: 'RM10 7BS',
      uasc_flag: false, uasc_end_date: null, purge: false,
    },
    health_and_wellbeing: { sdq_assessments: [{ date: '2024-01-05', score: 14 }], purge: false },
    social_care_episodes: [{
      social_care_episode_id: `REF-${c.id}`, referral_date: '2021-05-01', referral_source: '10',
      referral_no_further_action_flag: false,
      care_worker_details: [{ worker_id: 'SW0001', start_date: '2021-05-01', end_date: null }],
      child_and_family_assessments: [{ child_and_family_assessment_id: `CFA-${c.id}`, start_date: '2021-05-02',
        authorisation_date: '2021-05-20', factors: ['1C', '4A'], purge: false }],
      child_in_need_plans: [], section_47_assessments: [], child_protection_plans: [],
      child_looked_after_placements: (c.placements ?? []).map((p) => ({
        child_looked_after_placement_id: p.id, start_date: p.start, start_reason: p.reason, placement_type: p.type,
        postcode: p.postcode ?? 'IG11 7LU', end_date: p.end ?? null, end_reason: p.endReason ?? null, change_reason: null, purge: false,
      })),
      adoption: c.adoption === undefined || c.adoption === null ? null : {
        initial_decision_date: c.adoption.decision ?? null, matched_date: c.adoption.matched ?? null,
        placed_date: c.adoption.placed ?? null, purge: false,
      },
      care_leavers: null, closure_date: null, closure_reason: null, purge: false,
    }],
  };
}

/** config.py's REQUIRED_FIELDS and ALLOWED_PURGE_BLOCKS. */
const REQUIRED_FIELDS = ['la_child_id', 'mis_child_id', 'child_details'];
const ALLOWED_PURGE_BLOCKS = ['social_care_episodes', 'child_protection_plans', 'child_in_need_plans', 'health_and_wellbeing', 'care_leavers'];

type J = any;
const isDict = (v: unknown): v is Record<string, J> => typeof v === 'object' && v !== null && !Array.isArray(v);
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** payload.generate_partial_payload(current, previous). */
export function partialPayload(current: Record<string, J>, previous: Record<string, J>): Record<string, J> {
  const partial: Record<string, J> = {};
  for (const k of REQUIRED_FIELDS) if (k in current) partial[k] = current[k];
  const diff = recursiveDiff(current, previous);
  for (const [k, v] of Object.entries(diff)) if (!(k in partial)) partial[k] = v;
  return partial;
}

/** payload.generate_deletion_payload(previous). */
export function deletionPayload(previous: Record<string, J>): Record<string, J> {
  return { la_child_id: previous.la_child_id ?? null, mis_child_id: previous.mis_child_id ?? null, purge: true };
}

function recursiveDiff(curr: J, prev: J): J {
  if (isDict(curr) && isDict(prev)) {
    const diff: Record<string, J> = {};
    for (const key of Object.keys(curr)) {
      if (!(key in prev) || !equal(curr[key], prev[key])) {
        if (isDict(curr[key]) && isDict(prev[key])) {
          const nested = recursiveDiff(curr[key], prev[key]);
          if (isDict(nested) ? Object.keys(nested).length : nested !== undefined) diff[key] = nested;
        } else if (Array.isArray(curr[key]) && Array.isArray(prev[key])) {
          if (!equal(curr[key], prev[key])) diff[key] = pruneUnchangedList(curr[key], prev[key], key);
        } else diff[key] = curr[key];
      }
    }
    return diff;
  }
  return equal(curr, prev) ? {} : curr;
}

function pruneUnchangedList(currList: J[], prevList: J[], parentKey: string): J[] {
  const result: J[] = [];
  for (const currItem of currList) {
    const idKey = isDict(currItem) ? Object.keys(currItem).find((k) => k.endsWith('_id')) : undefined;
    const matched = idKey ? prevList.find((p) => isDict(p) && equal(p[idKey], currItem[idKey])) : undefined;
    if (matched) {
      const itemDiff = recursiveDiff(currItem, matched);
      if (idKey) itemDiff[idKey] = currItem[idKey];
      if (Object.keys(itemDiff).length) {
        if (ALLOWED_PURGE_BLOCKS.includes(parentKey)) itemDiff.purge = false;
        result.push(itemDiff);
      }
    } else result.push(currItem);
  }
  return result;
}
