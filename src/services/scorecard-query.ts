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
  /** A3 on the DfE's basis: the share of the A1 population whose A1 is under 426 days. */
  a3PercentA1Basis: number | null;
  /** A10 split into its segments, averaged over the children with every date of them (in A1 and A2). */
  segments: A10Segments;
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
  /** The A1 population split by A1 under 426 days or not (A3 on the DfE's basis). */
  a3A1: boolean;
  /** The children in both A1 and A2 (the segments' population). */
  segments: boolean;
}

/**
 * A10 in segments: entered care → placement order → match → moved in. Averages (whole days, halves up) over the
 * children in both A1 and A2, unclamped, so for each child the three add up to its A10 before the max(0, ...); a match
 * before the placement order shows as a negative middle segment.
 */
export interface A10Segments {
  count: number;
  enteredCareToPlacementOrderDays: number | null;
  placementOrderToMatchDays: number | null;
  matchToMovedInDays: number | null;
}

/** The window for `yearEnding` Y: 1 April Y-3 to 31 March Y, both days included. */
export function scorecardWindow(yearEnding: number): { from: string; to: string } {
  return { from: `${yearEnding - 3}-04-01`, to: `${yearEnding}-03-31` };
}

const small = (column: string): string => `${column} BETWEEN 1 AND ${SMALL_NUMBER_MAX}`;
const average = (column: string): string =>
  `floor((2 * sum(${column}) + count(${column}))::numeric / NULLIF(2 * count(${column}), 0))::int`;

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
                THEN GREATEST(0, c.matched_on - c.placement_order_on) END AS a2,
           c.placement_order_on - c.entered_care_on AS seg1, c.matched_on - c.placement_order_on AS seg2,
           COALESCE(c.moved_in_on, c.placed_on) - c.matched_on AS seg3
      FROM child c
     WHERE c.authority = ${authority}
       AND c.adoption_order_on BETWEEN ${from} AND ${to}
  ), years AS (
    SELECT count(*) FILTER (WHERE a1 IS NULL AND a2 IS NULL) AS g00, count(*) FILTER (WHERE a1 IS NULL AND a2 IS NOT NULL) AS g01,
           count(*) FILTER (WHERE a1 IS NOT NULL AND a2 IS NULL) AS g10, count(*) FILTER (WHERE a1 IS NOT NULL AND a2 IS NOT NULL) AS g11,
           count(a1) AS n1, count(a2) AS n2,
           count(*) FILTER (WHERE a10 < ${A10_THRESHOLD_DAYS}) AS under, count(*) FILTER (WHERE a10 >= ${A10_THRESHOLD_DAYS}) AS over,
           count(*) FILTER (WHERE a1 < ${A10_THRESHOLD_DAYS}) AS under_a1, count(*) FILTER (WHERE a1 >= ${A10_THRESHOLD_DAYS}) AS over_a1
      FROM adopted GROUP BY fy
  ), segmented AS (
    SELECT * FROM adopted WHERE a1 IS NOT NULL AND a2 IS NOT NULL
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
         (SELECT COALESCE(bool_or(${small('under')} OR ${small('over')}), false) FROM years) AS a3_small,
         (floor((2000 * count(*) FILTER (WHERE a1 < ${A10_THRESHOLD_DAYS}) + count(a1))::numeric
                / NULLIF(2 * count(a1), 0)) / 10)::float8 AS a3_a1_percent,
         (SELECT COALESCE(bool_or(${small('under_a1')} OR ${small('over_a1')}), false) FROM years) AS a3_a1_small,
         (SELECT COALESCE(bool_or(${small('g11')}), false) FROM years) AS segments_small,
         (SELECT count(*)::int FROM segmented) AS seg_count,
         (SELECT ${average('seg1')} FROM segmented) AS seg1_days,
         (SELECT ${average('seg2')} FROM segmented) AS seg2_days,
         (SELECT ${average('seg3')} FROM segmented) AS seg3_days
    FROM adopted`;
}

const SCORECARD_SQL = scorecardSql('$1', '$2::date', '$3::date');

/** One row of `scorecardSql`, as PostgreSQL returns it. */
export interface ScorecardRow {
  adopted_count: number; a1_count: number; a1_days: number | null; a10_count: number; a10_days: number | null;
  a2_count: number; a2_days: number | null; a3_percent: number | null;
  counts_small: boolean; a1_small: boolean; a2_small: boolean; a3_small: boolean;
  a3_a1_percent: number | null; a3_a1_small: boolean; segments_small: boolean;
  seg_count: number; seg1_days: number | null; seg2_days: number | null; seg3_days: number | null;
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
    a3PercentA1Basis: r.a3_a1_percent,
    segments: { count: r.seg_count, enteredCareToPlacementOrderDays: r.seg1_days, placementOrderToMatchDays: r.seg2_days, matchToMovedInDays: r.seg3_days },
    smallGroups: { counts: r.counts_small, a1: r.a1_small, a2: r.a2_small, a3: r.a3_small, a3A1: r.a3_a1_small, segments: r.segments_small },
  };
}
