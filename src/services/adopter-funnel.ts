import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { FURTHEST_STEP_SQL, householdGroupsSql } from '../policy/household-groups-policy';
import { InferenceControl, MIN_GROUP, SuppressionReason } from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { agencyKeys } from './aggregate-grid';
import { quarterLabelSql, quarterRange, quarterSeriesSql } from './quarters';
import { today } from './clock';

/** A figure under HOUSEHOLD_GROUPS: shown, or withheld because it counts a household of a group of 1 to 4. */
export interface PeriodControl {
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  inferenceControl: InferenceControl;
}

/**
 * The control of a figure for a viewer controlled (`suppress`) or not; `small` says whether the figure counts a
 * household whose group (household-groups-policy.ts) holds 1 to 4.
 */
export function periodControl(suppress: boolean, small: boolean): PeriodControl {
  const hidden = suppress && small;
  return { suppressed: hidden, suppressionReason: hidden ? 'SMALL_HOUSEHOLD_GROUP' : null, inferenceControl: suppress ? 'HOUSEHOLD_GROUPS' : 'NONE' };
}

/** A share as a percentage with one decimal, halves up; null over nobody. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}

/** One cohort of the funnel: the households whose first enquiry fell in one calendar quarter, and how far they got. */
export interface FunnelCohort extends PeriodControl {
  agency: string;
  quarter: string;
  quarterStart: string;
  enquiries: number | null;
  stageOne: number | null;
  stageTwo: number | null;
  approved: number | null;
  matched: number | null;
  stageOnePercent: number | null;
  stageTwoPercent: number | null;
  approvedPercent: number | null;
  matchedPercent: number | null;
}

interface QuarterArgs { agency?: string | null; fromQuarter?: string | null; toQuarter?: string | null }

/**
 * Conversion from enquiry to stage 1, stage 2, approval and match, per agency and cohort (calendar quarter of the
 * first enquiry). Each household counts once, at the furthest step it reached (a later step implies the earlier).
 * Under inference control (HOUSEHOLD_GROUPS) a cohort is shown only when every household in it is in a group of 5 or more.
 * Without a range: the 8 quarters up to the latest enquiry in scope. One statement.
 */
export async function adopterFunnel(sql: Sql, viewer: Viewer, args: QuarterArgs): Promise<FunnelCohort[]> {
  const scope = agencyKeys(viewer, args.agency);
  const range = quarterRange(args.fromQuarter, args.toQuarter);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const latest = `(SELECT max(h.enquiry_on) FROM adopter_household h WHERE h.agency = ANY(${keys}::text[]))`;
  const { first, last } = quarterSeriesSql(p.add(range.from), p.add(range.to), latest, p.add(today()));
  const rows = await sql.query<{ agency: string; quarter: string; quarter_start: string; f: number[]; small: boolean }>(`
    WITH quarters AS (SELECT generate_series(${first}, ${last}, interval '3 months')::date AS q),
    cohort AS (
      SELECT h.agency, date_trunc('quarter', h.enquiry_on)::date AS q, ${FURTHEST_STEP_SQL} AS furthest, hg.group_n
        FROM adopter_household h JOIN (${householdGroupsSql(keys)}) hg ON hg.id = h.id
       WHERE h.agency = ANY(${keys}::text[]) AND h.enquiry_on >= ${first} AND h.enquiry_on < ${last} + interval '3 months'
    )
    SELECT k.key AS agency, ${quarterLabelSql('q.q')} AS quarter, to_char(q.q, 'YYYY-MM-DD') AS quarter_start,
           ARRAY[${[0, 1, 2, 3, 4].map((i) => `count(c.furthest) FILTER (WHERE c.furthest = ${i})::int`).join(', ')}] AS f,
           COALESCE(bool_or(c.group_n < ${MIN_GROUP}), false) AS small
      FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, key_order)
     CROSS JOIN quarters q
      LEFT JOIN cohort c ON c.agency = k.key AND c.q = q.q
     GROUP BY k.key, k.key_order, q.q
     ORDER BY k.key_order, q.q`, p.values);
  return rows.map((r) => {
    const control = periodControl(scope.suppressed.includes(r.agency), r.small);
    const reached = (step: number): number => r.f.slice(step).reduce((s, n) => s + n, 0);
    const shown = (n: number): number | null => (control.suppressed ? null : n);
    const share = (step: number): number | null => (control.suppressed ? null : percent(reached(step), reached(0)));
    return {
      agency: r.agency, quarter: r.quarter, quarterStart: r.quarter_start, ...control,
      enquiries: shown(reached(0)), stageOne: shown(reached(1)), stageTwo: shown(reached(2)), approved: shown(reached(3)), matched: shown(reached(4)),
      stageOnePercent: share(1), stageTwoPercent: share(2), approvedPercent: share(3), matchedPercent: share(4),
    };
  });
}

/** The steps of an assessment timed against their norms (docs: asglb.md "Norms the funnel is read against"). */
export const TIMELINESS_MEASURES = {
  STAGE_ONE: { from: 'stage1_started_on', to: 'stage1_ended_on', normMonths: 2, norm: 'Stage 1 in about 2 months' },
  STAGE_TWO: { from: 'stage2_started_on', to: 'stage2_ended_on', normMonths: 4, norm: 'Stage 2 in about 4 months' },
  REGISTRATION_TO_APPROVAL: { from: 'stage1_started_on', to: 'approved_on', normMonths: 6, norm: 'Approval within 6 months of registration' },
  APPROVAL_TO_MATCH: { from: 'approved_on', to: 'matched_on', normMonths: 3, norm: 'Matched within 3 months of approval' },
} as const;
export type TimelinessMeasure = keyof typeof TIMELINESS_MEASURES;

/** One step's timeliness for the households that finished it in one quarter. */
export interface TimelinessRow extends PeriodControl {
  agency: string;
  quarter: string;
  quarterStart: string;
  measure: TimelinessMeasure;
  normMonths: number;
  norm: string;
  households: number | null;
  averageDays: number | null;
  withinNorm: number | null;
  withinNormPercent: number | null;
}

/**
 * Per agency, quarter (of the step's end) and step: how many households finished it, their average days, and how many
 * within the norm (end on or before start + the norm's months). Under inference control (HOUSEHOLD_GROUPS) a row is
 * shown only when every household it counts is in a group of 5 or more. One statement.
 */
export async function adopterTimeliness(sql: Sql, viewer: Viewer, args: QuarterArgs): Promise<TimelinessRow[]> {
  const scope = agencyKeys(viewer, args.agency);
  const range = quarterRange(args.fromQuarter, args.toQuarter);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const entries = Object.entries(TIMELINESS_MEASURES) as [TimelinessMeasure, (typeof TIMELINESS_MEASURES)[TimelinessMeasure]][];
  const ends = entries.map(([, m]) => `h.${m.to}`).join(', ');
  const latest = `(SELECT max(GREATEST(${ends})) FROM adopter_household h WHERE h.agency = ANY(${keys}::text[]))`;
  const { first, last } = quarterSeriesSql(p.add(range.from), p.add(range.to), latest, p.add(today()));
  const steps = entries.map(([name, m], i) => `SELECT h.agency, '${name}' AS measure, ${i} AS measure_order,
      date_trunc('quarter', h.${m.to})::date AS q, h.${m.to} - h.${m.from} AS days,
      h.${m.to} <= h.${m.from} + interval '${m.normMonths} months' AS within, hg.group_n
      FROM adopter_household h JOIN groups hg ON hg.id = h.id WHERE h.agency = ANY(${keys}::text[]) AND h.${m.from} IS NOT NULL AND h.${m.to} IS NOT NULL
       AND h.${m.to} >= h.${m.from} AND h.${m.to} >= ${first} AND h.${m.to} < ${last} + interval '3 months'`).join('\n UNION ALL ');
  const measures = entries.map(([name], i) => `('${name}', ${i})`).join(', ');
  const rows = await sql.query<{ agency: string; quarter: string; quarter_start: string; measure: TimelinessMeasure; n: number; within: number; average: number | null; small: boolean }>(`
    WITH quarters AS (SELECT generate_series(${first}, ${last}, interval '3 months')::date AS q),
    groups AS (${householdGroupsSql(keys)}),
    steps AS (${steps})
    SELECT k.key AS agency, ${quarterLabelSql('q.q')} AS quarter, to_char(q.q, 'YYYY-MM-DD') AS quarter_start, m.measure,
           count(s.days)::int AS n, count(s.days) FILTER (WHERE s.within)::int AS within,
           floor((2 * sum(s.days) + count(s.days))::numeric / NULLIF(2 * count(s.days), 0))::int AS average,
           COALESCE(bool_or(s.group_n < ${MIN_GROUP}), false) AS small
      FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, key_order)
     CROSS JOIN quarters q
     CROSS JOIN (VALUES ${measures}) AS m(measure, measure_order)
      LEFT JOIN steps s ON s.agency = k.key AND s.q = q.q AND s.measure = m.measure
     GROUP BY k.key, k.key_order, q.q, m.measure, m.measure_order
     ORDER BY k.key_order, q.q, m.measure_order`, p.values);
  return rows.map((r) => {
    const control = periodControl(scope.suppressed.includes(r.agency), r.small);
    const m = TIMELINESS_MEASURES[r.measure];
    const shown = <T>(v: T): T | null => (control.suppressed ? null : v);
    return {
      agency: r.agency, quarter: r.quarter, quarterStart: r.quarter_start, measure: r.measure, normMonths: m.normMonths, norm: m.norm,
      ...control, households: shown(r.n), averageDays: shown(r.average), withinNorm: shown(r.within), withinNormPercent: shown(percent(r.within, r.n)),
    };
  });
}
