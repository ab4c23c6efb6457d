import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { MIN_CHILDREN_FOR_AVERAGE, suppressCount } from '../policy/aggregate-policy';
import { badInput } from '../policy/errors';
import { InferenceControl, SuppressionReason } from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { authorityKeys } from './aggregate-grid';
import { today } from './clock';
import {
  A10_THRESHOLD_DAYS, A10Segments, A2_THRESHOLD_DAYS, figuresOf, ScorecardFigures, ScorecardRow, scorecardSql,
} from './scorecard-query';

/** A scorecard as a viewer receives it: figures (null where suppressed or empty), thresholds and verdicts. */
export interface ScorecardView {
  authority: string;
  yearEnding: number;
  windowFrom: string;
  windowTo: string;
  adoptedCount: number | null;
  a1Count: number | null;
  a1Days: number | null;
  a10Count: number | null;
  a10Days: number | null;
  a2Count: number | null;
  a2Days: number | null;
  a3Percent: number | null;
  a10ThresholdDays: number;
  a2ThresholdDays: number;
  meetsA1: boolean | null;
  meetsA10: boolean | null;
  meetsA2: boolean | null;
  /** True when any figure is withheld. */
  suppressed: boolean;
  /** Names of the figures withheld (docs/access-policy.md, docs/inference-control.md). */
  suppressedFields: string[];
  /** A3 on the DfE's basis (the A1 population); `a3Percent` is the hub's (the A10 population). */
  a3PercentA1Basis: number | null;
  /** A10 in segments over the children in both A1 and A2. */
  a10Segments: Omit<A10Segments, 'count'> & { count: number | null };
  /** Which period the figures cover. */
  period: ScorecardPeriod;
  /** True when the period's last day is before today (a projection is not). */
  complete: boolean;
  /** For a three-year window: the single financial year ending 31 March yearEnding. */
  singleYear: ScorecardView | null;
  /** For a three-year window: the next window (years ending yearEnding+1) from the children adopted in it so far. */
  projection: ScorecardView | null;
  /** The rule the figures were published under. */
  inferenceControl: InferenceControl;
  /** Why figures are withheld: a year inside with a small group, or else a small number; null when none is. */
  suppressionReason: SuppressionReason | null;
}

/**
 * The periods a scorecard is computed over for one `yearEnding` Y (one statement computes all three):
 * THREE_YEARS: 1 April Y-3 to 31 March Y (docs/scorecard.md); SINGLE_YEAR: 1 April Y-1 to 31 March Y;
 * NEXT_WINDOW: 1 April Y-2 to 31 March Y+1, the next window as far as its children are adopted (the projection).
 */
export type ScorecardPeriod = 'THREE_YEARS' | 'SINGLE_YEAR' | 'NEXT_WINDOW';
const PERIODS: Record<ScorecardPeriod, { back: number; ahead: number }> = {
  THREE_YEARS: { back: 3, ahead: 0 }, SINGLE_YEAR: { back: 1, ahead: 0 }, NEXT_WINDOW: { back: 2, ahead: 1 },
};

/** The most years one trend may span. */
export const MAX_TREND_YEARS = 20;

/**
 * Applies inference control SCORECARD_YEAR_GROUPS (inference-control-policy.ts) for a controlled viewer: a figure is
 * withheld when some financial year inside the window has a group of 1 to 4 children among those it rests on (the
 * counts together, since subtracting one from another gives a group; each average its own population; A3 the
 * children under and over 426 days); and, as before, counts 1–4 and averages over fewer than 5. Each published figure
 * is then a function of year groups of 0 or at least 5 only, so no combination of windows reaches a smaller group
 * (docs/inference-control.md). Verdicts are "at or below the threshold"; null when the average is empty or hidden.
 */
export function scorecardView(f: ScorecardFigures, suppress: boolean, period: ScorecardPeriod = 'THREE_YEARS'): ScorecardView {
  const hidden: string[] = [];
  let yearGroups = false;
  const count = (name: string, n: number): number | null => {
    if (suppress && f.smallGroups.counts) { yearGroups = true; hidden.push(name); return null; }
    const s = suppressCount(n, suppress);
    if (s.suppressed) hidden.push(name);
    return s.count;
  };
  const average = (name: string, value: number | null, over: number, smallYear: boolean): number | null => {
    if (value === null) return null;
    if (suppress && smallYear) { yearGroups = true; hidden.push(name); return null; }
    if (suppress && over < MIN_CHILDREN_FOR_AVERAGE) { hidden.push(name); return null; }
    return value;
  };
  const { back, ahead } = PERIODS[period];
  const from = `${f.yearEnding - back}-04-01`;
  const to = `${f.yearEnding + ahead}-03-31`;
  const g = f.smallGroups;
  const seg = f.segments;
  const v = {
    authority: f.authority, yearEnding: f.yearEnding, windowFrom: from, windowTo: to,
    adoptedCount: count('adoptedCount', f.adoptedCount),
    a1Count: count('a1Count', f.a1Count), a1Days: average('a1Days', f.a1Days, f.a1Count, g.a1),
    a10Count: count('a10Count', f.a10Count), a10Days: average('a10Days', f.a10Days, f.a10Count, g.a1),
    a2Count: count('a2Count', f.a2Count), a2Days: average('a2Days', f.a2Days, f.a2Count, g.a2),
    a3Percent: average('a3Percent', f.a3Percent, f.a10Count, g.a1 || g.a3),
    a3PercentA1Basis: average('a3PercentA1Basis', f.a3PercentA1Basis, f.a1Count, g.a1 || g.a3A1),
    a10Segments: {
      count: count('a10Segments.count', seg.count),
      enteredCareToPlacementOrderDays: average('a10Segments.enteredCareToPlacementOrderDays', seg.enteredCareToPlacementOrderDays, seg.count, g.segments),
      placementOrderToMatchDays: average('a10Segments.placementOrderToMatchDays', seg.placementOrderToMatchDays, seg.count, g.segments),
      matchToMovedInDays: average('a10Segments.matchToMovedInDays', seg.matchToMovedInDays, seg.count, g.segments),
    },
    a10ThresholdDays: A10_THRESHOLD_DAYS, a2ThresholdDays: A2_THRESHOLD_DAYS,
  };
  const meets = (days: number | null, threshold: number): boolean | null => (days === null ? null : days <= threshold);
  const reason: SuppressionReason | null = hidden.length === 0 ? null : yearGroups ? 'SMALL_GROUP_IN_A_YEAR' : 'SMALL_NUMBER';
  return {
    ...v, meetsA1: meets(v.a1Days, A10_THRESHOLD_DAYS), meetsA10: meets(v.a10Days, A10_THRESHOLD_DAYS),
    meetsA2: meets(v.a2Days, A2_THRESHOLD_DAYS), suppressed: hidden.length > 0, suppressedFields: hidden,
    inferenceControl: suppress ? 'SCORECARD_YEAR_GROUPS' : 'NONE', suppressionReason: reason,
    period, complete: to < today(), singleYear: null, projection: null,
  };
}

function checkYear(year: number, name: string): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput(`${name} must be a year between 1990 and 2100.`);
}

/**
 * `scorecard(authority, yearEnding)` for this viewer, with its single year and projection: FORBIDDEN outside its
 * aggregate scope. One statement.
 */
export async function scorecardFor(sql: Sql, viewer: Viewer, authority: string, yearEnding: number): Promise<ScorecardView> {
  authorityKeys(viewer, authority);
  checkYear(yearEnding, 'yearEnding');
  const [one] = await scorecardTrend(sql, viewer, { authority, fromYear: yearEnding, toYear: yearEnding });
  return one;
}

/**
 * The scorecard for each year ending `fromYear`..`toYear`, each with its single year and projection, in one statement
 * (a LATERAL over years × periods). Without years: the five years up to the one holding the authority's latest
 * adoption order (or the current one).
 */
export async function scorecardTrend(sql: Sql, viewer: Viewer,
  args: { authority: string; fromYear?: number | null; toYear?: number | null }): Promise<ScorecardView[]> {
  const scope = authorityKeys(viewer, args.authority);
  if (args.fromYear != null) checkYear(args.fromYear, 'fromYear');
  if (args.toYear != null) checkYear(args.toYear, 'toYear');
  if (args.fromYear != null && args.toYear != null && (args.toYear < args.fromYear || args.toYear - args.fromYear >= MAX_TREND_YEARS)) {
    throw badInput(`fromYear must not be after toYear, and a trend spans at most ${MAX_TREND_YEARS} years.`);
  }
  const p = new SqlParams();
  const authority = p.add(args.authority);
  const fromArg = p.add(args.fromYear ?? null);
  const toArg = p.add(args.toYear ?? null);
  const periods = Object.entries(PERIODS).map(([name, { back, ahead }]) => `('${name}', ${back}, ${ahead})`).join(', ');
  // A date's financial year ends in the calendar year of the date plus nine months (April 2020 -> 2021).
  const yearOf = (d: string): string => `extract(year from (${d} + interval '9 months'))::int`;
  const latest = `(SELECT max(c.adoption_order_on) FROM child c WHERE c.authority = ${authority}::text AND c.adoption_order_on IS NOT NULL)`;
  const text = `
    WITH span AS (
      SELECT COALESCE(${toArg}::int, ${fromArg}::int + 4, ${yearOf(`COALESCE(${latest}, ${p.add(today())}::date)`)}) AS to_year
    ), years AS (
      SELECT generate_series(COALESCE(${fromArg}::int, span.to_year - 4), span.to_year) AS year_ending FROM span
    )
    SELECT y.year_ending, p.period, s.* FROM years y
     CROSS JOIN (VALUES ${periods}) AS p(period, back, ahead)
     CROSS JOIN LATERAL (${scorecardSql(`${authority}::text`, `make_date(y.year_ending - p.back, 4, 1)`, `make_date(y.year_ending + p.ahead, 3, 31)`)}) s
     ORDER BY y.year_ending`;
  const rows = await sql.query<ScorecardRow & { year_ending: number; period: ScorecardPeriod }>(text, p.values);
  const suppress = scope.suppressed.includes(args.authority);
  const views = rows.map((r) => scorecardView(figuresOf(r, args.authority, r.year_ending), suppress, r.period));
  const windows = views.filter((v) => v.period === 'THREE_YEARS');
  for (const w of windows) {
    w.singleYear = views.find((v) => v.period === 'SINGLE_YEAR' && v.yearEnding === w.yearEnding) ?? null;
    w.projection = views.find((v) => v.period === 'NEXT_WINDOW' && v.yearEnding === w.yearEnding) ?? null;
  }
  return windows;
}
