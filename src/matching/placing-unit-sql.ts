import { Viewer } from '../auth/viewer';
import { ChildField, childPolicy } from '../policy/child-policy';
import { PolicedRow, policeRow, rowScope, selectList } from '../policy/enforce';
import { SqlParams } from '../policy/sql-params';
import { earlyStageSql } from './match-scoring-sql';
import { UnitMember } from './match-reasons';

/** The child fields a suggestion's reasons may draw on; served through the child policy like any other read. */
export const MEMBER_FIELDS: readonly ChildField[] = ['id', 'authority', 'firstName', 'ageMonths', 'stage', 'needs', 'daysWaiting'];

/** A member of a placing unit as served, with its owner for the audit trail. */
export type MemberRow = PolicedRow<UnitMember & { id: string; authority: string | null; _owner: string }>;

/**
 * The aggregate columns of a placing unit over its members `m` (which carry `match_age`): how many children,
 * youngest and oldest age, whether any is at an early-permanence stage, the owning LA, and the members themselves
 * as served to this viewer (JSON). `needs` is added separately (a union over members).
 */
export function unitAggregates(viewer: Viewer, p: SqlParams, m: string): string {
  return `count(*)::int AS n, min(${m}.match_age) AS min_age, max(${m}.match_age) AS max_age,
    bool_or(${earlyStageSql(p, m)}) AS early, min(${m}.authority) AS authority,
    max(${m}.days_waiting) AS longest_wait,
    json_agg(${policedJson(viewer, p, m)} ORDER BY ${m}.match_age DESC NULLS LAST, ${m}.id) AS members`;
}

/** One member as a JSON object of its policed fields (refused fields null, with `allow:` flags). */
function policedJson(viewer: Viewer, p: SqlParams, m: string): string {
  return `(SELECT to_json(pm) FROM (SELECT ${selectList(childPolicy, viewer, p, m, MEMBER_FIELDS)}, ${m}.authority AS "_owner") pm)`;
}

/** Reads the members JSON of `unitAggregates` into policed rows. */
export function membersOf(json: unknown): MemberRow[] {
  return ((json as Record<string, unknown>[] | null) ?? []).map((r) => policeRow(r) as MemberRow);
}

/** The viewer's child row scope over alias `a` (kept here so both directions of matching share it). */
export function childScope(viewer: Viewer, p: SqlParams, a: string): string {
  return rowScope(childPolicy, viewer, p, a);
}
