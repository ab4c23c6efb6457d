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
}

/** The window for `yearEnding` Y: 1 April Y-3 to 31 March Y, both days included. */
export function scorecardWindow(yearEnding: number): { from: string; to: string } {
  return { from: `${yearEnding - 3}-04-01`, to: `${yearEnding}-03-31` };
}

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
           c.placed_on - c.entered_care_on AS a1,
           CASE WHEN c.placed_on IS NOT NULL AND c.entered_care_on IS NOT NULL
                THEN GREATEST(0, COALESCE(c.moved_in_on, c.placed_on) - c.entered_care_on) END AS a10,
           CASE WHEN c.placed_on IS NOT NULL AND c.matched_on IS NOT NULL AND c.placement_order_on IS NOT NULL
                THEN GREATEST(0, c.matched_on - c.placement_order_on) END AS a2
      FROM child c
     WHERE c.authority = ${authority}
       AND c.adoption_order_on BETWEEN ${from} AND ${to}
  )
  SELECT count(*)::int AS adopted_count,
         count(a1)::int AS a1_count,
         floor((2 * sum(a1) + count(a1))::numeric / NULLIF(2 * count(a1), 0))::int AS a1_days,
         count(a10)::int AS a10_count,
         floor((2 * sum(a10) + count(a10))::numeric / NULLIF(2 * count(a10), 0))::int AS a10_days,
         count(a2)::int AS a2_count,
         floor((2 * sum(a2) + count(a2))::numeric / NULLIF(2 * count(a2), 0))::int AS a2_days,
         (floor((2000 * count(*) FILTER (WHERE a10 < ${A10_THRESHOLD_DAYS}) + count(a10))::numeric
                / NULLIF(2 * count(a10), 0)) / 10)::float8 AS a3_percent
    FROM adopted`;
}

const SCORECARD_SQL = scorecardSql('$1', '$2::date', '$3::date');

/** One row of `scorecardSql`, as PostgreSQL returns it. */
export interface ScorecardRow {
  adopted_count: number; a1_count: number; a1_days: number | null; a10_count: number; a10_days: number | null;
  a2_count: number; a2_days: number | null; a3_percent: number | null;
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
  };
}
