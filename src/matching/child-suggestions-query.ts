import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { daysWaitingSql } from '../policy/child-policy';
import { policeRow, rowScope, selectList } from '../policy/enforce';
import { householdPolicy } from '../policy/household-policy';
import { SqlParams } from '../policy/sql-params';
import { HOUSEHOLD_FIELDS, HouseholdRow } from '../services/household-query';
import { childTakenSql, excludedSql, matchAgeSql, PLACING_STAGES, scoreColumns, scoreOf, scoreSelectSql } from './match-scoring-sql';
import { ScoredHousehold } from './match-suggestions-query';
import { childScope, MemberRow, membersOf, unitAggregates } from './placing-unit-sql';

/** One scored unit (a child, or siblings to be placed together) for a household. */
export interface ScoredUnit {
  siblingGroupId: string | null;
  members: MemberRow[];
  score: number;
  flags: ScoredHousehold['flags'];
  excluded: boolean;
}

/** The household as served, and the units scored for it. */
export interface ChildrenForHousehold {
  household: HouseholdRow;
  units: ScoredUnit[];
}

/**
 * Units in the viewer's child scope still to be placed and not matched: a sibling group to be placed together is one
 * unit of its in-scope members; any other child is a unit of its own.
 */
function unitsCte(viewer: Viewer, p: SqlParams): string {
  return `members AS (
    SELECT c.*, ${matchAgeSql('c')} AS match_age, ${daysWaitingSql('c')} AS days_waiting,
      CASE WHEN g.place_together THEN g.id END AS together_group
    FROM child c LEFT JOIN sibling_group g ON g.id = c.sibling_group_id
    WHERE ${childScope(viewer, p, 'c')} AND c.stage = ANY(${p.add(PLACING_STAGES)}::text[]) AND NOT ${childTakenSql(p, 'c')}
  ),
  unit_needs AS (
    SELECT COALESCE(m.together_group, m.id) AS unit_id, array_agg(DISTINCT nd) AS needs
    FROM members m, unnest(m.needs) nd GROUP BY 1
  ),
  units AS (
    SELECT COALESCE(m.together_group, m.id) AS unit_id, min(m.together_group::text)::uuid AS group_id,
      ${unitAggregates(viewer, p, 'm')}
    FROM members m GROUP BY 1
  ),
  want AS (
    SELECT u.*, COALESCE(un.needs, '{}') AS needs FROM units u LEFT JOIN unit_needs un ON un.unit_id = u.unit_id
  )`;
}

/**
 * The scoring statement: children and sibling groups that fit one household, best first (`_rank`; ties: longest
 * waiting child first). No row when the household is absent or outside the viewer's scope. The read compiler runs it
 * as a CTE of one statement with the suggested children, their groups and their audit (src/compiler/suggestion-compiler.ts).
 */
export function childrenForHouseholdSql(viewer: Viewer, p: SqlParams, args: { householdId: string; first: number; includeExcluded: boolean }): string {
  const order = `${excludedSql('sc')}, sc.score DESC, sc.longest_wait DESC NULLS LAST, sc.unit_id`;
  return `WITH ${unitsCte(viewer, p)},
  target AS (SELECT h.* FROM adopter_household h WHERE h.id = ${p.add(args.householdId)}::uuid AND ${rowScope(householdPolicy, viewer, p, 'h')}),
  scored AS (SELECT w.unit_id, w.group_id, w.members, w.longest_wait, ${scoreColumns('h', 'w')} FROM target h CROSS JOIN want w)
  SELECT s.group_id AS "_group", s.members AS "_members", s._rank AS "_rank", ${scoreSelectSql('s')},
    ${selectList(householdPolicy, viewer, p, 'h', HOUSEHOLD_FIELDS)}
  FROM target h
  LEFT JOIN LATERAL (
    SELECT sc.*, ${excludedSql('sc')} AS excluded, row_number() OVER (ORDER BY ${order}) AS _rank FROM scored sc
    WHERE ${p.add(args.includeExcluded)}::boolean OR NOT ${excludedSql('sc')}
    ORDER BY ${order}
    LIMIT ${p.add(args.first)}
  ) s ON true`;
}

/** Reads the rows of `childrenForHouseholdSql` (best first); null when there are none (household out of scope). */
export function childrenForHouseholdRows(rows: Record<string, unknown>[]): ChildrenForHousehold | null {
  if (!rows.length) return null;
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rows[0])) if (!k.startsWith('_')) own[k] = v;
  return { household: policeRow(own) as HouseholdRow, units: rows.filter((r) => r._score !== null && r._score !== undefined).map(scoredUnit) };
}

/** `childrenForHouseholdSql` as a statement of its own (the matching benchmark's path). */
export async function childrenForHousehold(
  sql: Sql, viewer: Viewer, args: { householdId: string; first: number; includeExcluded: boolean },
): Promise<ChildrenForHousehold | null> {
  const p = new SqlParams();
  return childrenForHouseholdRows(await sql.query<Record<string, unknown>>(childrenForHouseholdSql(viewer, p, args), p.values));
}

function scoredUnit(r: Record<string, unknown>): ScoredUnit {
  return {
    siblingGroupId: (r._group as string | null) ?? null,
    members: membersOf(r._members),
    ...scoreOf(r),
  };
}
