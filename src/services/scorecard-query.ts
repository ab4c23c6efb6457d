import { SMALL_NUMBER_MAX } from '../policy/inference-control-policy';
import { Sql } from '../db/sql';

/** DfE threshold for A1/A10: an average at or below 426 days (14 months) meets it. */
export const A10_THRESHOLD_DAYS = 426;
/** DfE threshold for A2: an average at or below 121 days meets it. */
export const A2_THRESHOLD_DAYS = 121;

/** One authority's scorecard over a three-year window (docs/scorecard.md), before any suppression. */
export interface ScorecardFigures {
  authority: string;
  yearEnding: number;
  adoptedCount: number;
  a1Count: number;
  a1Days: number | null;
  a10Count: number;
  a10Days: number | null;
  a2Count: number;
  a2Days: number | null;
  a3Percent: number | null;
  /** Per financial year inside the window, whether some group of children is 1 to 4 (inference-control-policy.ts). */
  smallGroups: SmallYearGroups;
}

/**
 * Whether some financial year inside the window has a group of 1 to 4 children among those a figure rests on:
 * counts: the adopted children split by in A1 (placed) or not and in A2 (matched) or not; a1: the A1/A10 population;
 * a2: the A2 population; a3: the A10 population split by under 426 days or not.
 */
export interface SmallYearGroups {
  counts: boolean;
  a1: boolean;
  a2: boolean;
  a3: boolean;
}

/** The window for `yearEnding` Y: 1 April Y-3 to 31 March Y, both days included. */
export function scorecardWindow(yearEnding: number): { from: string; to: string } {
  return { from: `${yearEnding - 3}-04-01`, to: `${yearEnding}-03-31` };
}

const small = (column: string): string => `${column} BETWEEN 1 AND ${SMALL_NUMBER_MAX}`;

// Per child, in whole days. A child never placed for adoption is left out of A1, A10, A2 and A3 (but is adopted).
// GREATEST ignores NULLs in PostgreSQL, hence the explicit CASE guards: a missing date leaves the child out, never 0.
// Averages round half up exactly: floor((2·sum + n) / 2n) in numeric, so no float ever decides a half.
/**
 * The scorecard statement over the children of authority `authority` adopted between `from` and `to` (SQL
 * expressions, e.g. placeholders or a LATERAL's columns), so the year-by-year trend runs the same definition.
 */
export function scorecardSql(authority: string, from: string, to: string): string {
  return `
  WITH adopted AS (
    SELECT c.placed_on IS NOT NULL AS placed,
           extract(year from c.adoption_order_on + interval '9 months')::int AS fy,
           c.placed_on - c.entered_care_on AS a1,
           CASE WHEN c.placed_on IS NOT NULL AND c.entered_care_on IS NOT NULL
                THEN GREATEST(0, COALESCE(c.moved_in_on, c.placed_on) - c.entered_care_on) END AS a10,
           CASE WHEN c.placed_on IS NOT NULL AND c.matched_on IS NOT NULL AND c.placement_order_on IS NOT NULL
                THEN GREATEST(0, c.matched_on - c.placement_order_on) END AS a2
      FROM child c
     WHERE c.authority = ${authority}
       AND c.adoption_order_on BETWEEN ${from} AND ${to}
  ), years AS (
    SELECT count(*) FILTER (WHERE a1 IS NULL AND a2 IS NULL) AS g00, count(*) FILTER (WHERE a1 IS NULL AND a2 IS NOT NULL) AS g01,
           count(*) FILTER (WHERE a1 IS NOT NULL AND a2 IS NULL) AS g10, count(*) FILTER (WHERE a1 IS NOT NULL AND a2 IS NOT NULL) AS g11,
           count(a1) AS n1, count(a2) AS n2,
           count(*) FILTER (WHERE a10 < ${A10_THRESHOLD_DAYS}) AS under, count(*) FILTER (WHERE a10 >= ${A10_THRESHOLD_DAYS}) AS over
      FROM adopted GROUP BY fy
  )
  SELECT count(*)::int AS adopted_count,
         count(a1)::int AS a1_count,
         floor((2 * sum(a1) + count(a1))::numeric / NULLIF(2 * count(a1), 0))::int AS a1_days,
         count(a10)::int AS a10_count,
         floor((2 * sum(a10) + count(a10))::numeric / NULLIF(2 * count(a10), 0))::int AS a10_days,
         count(a2)::int AS a2_count,
         floor((2 * sum(a2) + count(a2))::numeric / NULLIF(2 * count(a2), 0))::int AS a2_days,
         (floor((2000 * count(*) FILTER (WHERE a10 < ${A10_THRESHOLD_DAYS}) + count(a10))::numeric
                / NULLIF(2 * count(a10), 0)) / 10)::float8 AS a3_percent,
         (SELECT COALESCE(bool_or(${small('g00')} OR ${small('g01')} OR ${small('g10')} OR ${small('g11')}), false) FROM years) AS counts_small,
         (SELECT COALESCE(bool_or(${small('n1')}), false) FROM years) AS a1_small,
         (SELECT COALESCE(bool_or(${small('n2')}), false) FROM years) AS a2_small,
         (SELECT COALESCE(bool_or(${small('under')} OR ${small('over')}), false) FROM years) AS a3_small
    FROM adopted`;
}

const SCORECARD_SQL = scorecardSql('$1', '$2::date', '$3::date');

/** One row of `scorecardSql`, as PostgreSQL returns it. */
export interface ScorecardRow {
  adopted_count: number; a1_count: number; a1_days: number | null; a10_count: number; a10_days: number | null;
  a2_count: number; a2_days: number | null; a3_percent: number | null;
  counts_small: boolean; a1_small: boolean; a2_small: boolean; a3_small: boolean;
}

/** The scorecard of `authority` for the three years ending 31 March `yearEnding`, in one SQL statement. */
export async function scorecardFigures(sql: Sql, authority: string, yearEnding: number): Promise<ScorecardFigures> {
  const { from, to } = scorecardWindow(yearEnding);
  const [r] = await sql.query<ScorecardRow>(SCORECARD_SQL, [authority, from, to]);
  return figuresOf(r, authority, yearEnding);
}

/** A `scorecardSql` row as ScorecardFigures. */
export function figuresOf(r: ScorecardRow, authority: string, yearEnding: number): ScorecardFigures {
  return {
    authority, yearEnding,
    adoptedCount: r.adopted_count,
    a1Count: r.a1_count, a1Days: r.a1_days,
    a10Count: r.a10_count, a10Days: r.a10_days,
    a2Count: r.a2_count, a2Days: r.a2_days,
    a3Percent: r.a3_percent,
    smallGroups: { counts: r.counts_small, a1: r.a1_small, a2: r.a2_small, a3: r.a3_small },
  };
}
