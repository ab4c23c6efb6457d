import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { daysWaitingSql } from '../policy/child-policy';
import { policeRow, rowScope, selectList } from '../policy/enforce';
import { householdSuggestionPolicy } from '../policy/household-policy';
import { SqlParams } from '../policy/sql-params';
import { HOUSEHOLD_FIELDS, HouseholdRow } from '../services/household-query';
import { excludedSql, householdTakenSql, MatchFlags, matchAgeSql, PLACING_STAGES, scoreColumns, scoreOf, scoreSelectSql } from './match-scoring-sql';
import { childScope, MemberRow, membersOf, unitAggregates } from './placing-unit-sql';

/** One scored household for a child, before its reasons are written. */
export interface ScoredHousehold {
  household: HouseholdRow;
  score: number;
  flags: MatchFlags;
  excluded: boolean;
}

/** The child's placing unit (itself, or its siblings to be placed together) and the households scored for it. */
export interface HouseholdsForChild {
  members: MemberRow[];
  households: ScoredHousehold[];
}

/**
 * The unit: the child, plus, when its sibling group is to be placed together, its siblings still to be placed that
 * the viewer can reach (a sibling outside the viewer's scope is never counted or shown).
 */
function unitCtes(viewer: Viewer, p: SqlParams, childId: string): string {
  return `target AS (
    SELECT c.id, c.sibling_group_id,
      EXISTS (SELECT 1 FROM sibling_group g WHERE g.id = c.sibling_group_id AND g.place_together) AS together
    FROM child c WHERE c.id = ${p.add(childId)}::uuid AND ${childScope(viewer, p, 'c')}
  ),
  unit AS (
    SELECT m.*, ${matchAgeSql('m')} AS match_age, ${daysWaitingSql('m')} AS days_waiting
    FROM target t JOIN child m ON m.id = t.id
      OR (t.together AND m.sibling_group_id = t.sibling_group_id AND m.stage = ANY(${p.add(PLACING_STAGES)}::text[])
          AND ${childScope(viewer, p, 'm')})
  ),
  want AS (
    SELECT ${unitAggregates(viewer, p, 'm')},
      COALESCE((SELECT array_agg(DISTINCT nd) FROM unit u, unnest(u.needs) nd), '{}') AS needs
    FROM unit m
  )`;
}

/**
 * The scoring statement: approved households not yet matched, in the viewer's suggestion scope
 * (householdSuggestionPolicy), scored against the child's unit, best first (`_rank`). No row when the child is absent
 * or outside the viewer's scope (the same answer either way). The read compiler runs it as a CTE of one statement
 * with the audit of the unit's children (src/compiler/suggestion-compiler.ts).
 */
export function householdsForChildSql(viewer: Viewer, p: SqlParams, args: { childId: string; first: number; includeExcluded: boolean }): string {
  const order = `${excludedSql('sc')}, sc.score DESC, sc.approved_on ASC NULLS LAST, sc.id`;
  return `WITH ${unitCtes(viewer, p, args.childId)},
  scored AS (
    SELECT h.*, ${scoreColumns('h', 'w')}
    FROM adopter_household h CROSS JOIN want w
    WHERE ${rowScope(householdSuggestionPolicy, viewer, p, 'h')} AND h.stage = 'APPROVED' AND NOT ${householdTakenSql(p, 'h')}
  )
  SELECT w.members AS "_members", s._rank AS "_rank", ${scoreSelectSql('s')},
    ${selectList(householdSuggestionPolicy, viewer, p, 's', HOUSEHOLD_FIELDS)}
  FROM target t CROSS JOIN want w
  LEFT JOIN LATERAL (
    SELECT sc.*, ${excludedSql('sc')} AS excluded, row_number() OVER (ORDER BY ${order}) AS _rank FROM scored sc
    WHERE ${p.add(args.includeExcluded)}::boolean OR NOT ${excludedSql('sc')}
    ORDER BY ${order}
    LIMIT ${p.add(args.first)}
  ) s ON true`;
}

/** Reads the rows of `householdsForChildSql` (best first); null when there are none (child out of scope). */
export function householdsForChildRows(rows: Record<string, unknown>[]): HouseholdsForChild | null {
  if (!rows.length) return null;
  return {
    members: membersOf(rows[0]._members),
    households: rows.filter((r) => r._score !== null && r._score !== undefined).map(scoredHousehold),
  };
}

/** `householdsForChildSql` as a statement of its own (the matching benchmark's path). */
export async function householdsForChild(
  sql: Sql, viewer: Viewer, args: { childId: string; first: number; includeExcluded: boolean },
): Promise<HouseholdsForChild | null> {
  const p = new SqlParams();
  return householdsForChildRows(await sql.query<Record<string, unknown>>(householdsForChildSql(viewer, p, args), p.values));
}

function scoredHousehold(r: Record<string, unknown>): ScoredHousehold {
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!k.startsWith('_')) own[k] = v;
  const household = policeRow(own) as HouseholdRow;
  // The household's adopters, when the compiled statement served them with the suggestions.
  if (Array.isArray(r._adopters)) (household as Record<string, unknown>).adopters = r._adopters;
  return { household, ...scoreOf(r) };
}
