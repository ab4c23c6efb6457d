import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { HOUSEHOLD_LEFT_REASONS } from '../domain/links';
import { badInput } from '../policy/errors';
import { FURTHEST_BY_DATES_SQL, householdGroupsSql } from '../policy/household-groups-policy';
import { MIN_GROUP } from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { AggregateCell, agencyKeys, gridSql } from './aggregate-grid';
import { PeriodControl, percent, periodControl } from './adopter-funnel';
import { quarterLabelSql, quarterRange, quarterSeriesSql } from './quarters';
import { today } from './clock';

/** ASGLB A11, A12 and A13 of one agency for one calendar quarter (docs: asglb.md, "Derived"). */
export interface AdopterIndicatorRow {
  agency: string;
  quarter: string;
  quarterStart: string;
  quarterEnd: string;
  a11: number | null;
  a11Suppressed: boolean;
  a12Matched: number | null;
  a12WaitedThreeMonths: number | null;
  a12Percent: number | null;
  a12: PeriodControl;
  a13: number | null;
  a13Suppressed: boolean;
}

/**
 * Per agency and quarter:
 * - A11, approved families waiting to be matched at the quarter's end: approved by then and still approved now, or
 *   matched, placed, adopted or gone only after it (the population of `approvedAdopterWaits` on that day);
 * - A12, of the families matched in the quarter (with an approval date), how many waited at least 3 months from
 *   approval, and the percentage;
 * - A13, applications still to be assessed at the quarter's end: applied by then, not approved and not gone by then.
 * Under inference control (HOUSEHOLD_GROUPS) each of A11, A12 and A13 is shown only when every household it counts is
 * in a group of 5 or more (household-groups-policy.ts). One statement.
 */
export async function adopterIndicators(sql: Sql, viewer: Viewer,
  args: { agency?: string | null; fromQuarter?: string | null; toQuarter?: string | null }): Promise<AdopterIndicatorRow[]> {
  const scope = agencyKeys(viewer, args.agency);
  const range = quarterRange(args.fromQuarter, args.toQuarter);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const latest = `(SELECT max(GREATEST(h.approved_on, h.matched_on, h.application_on)) FROM adopter_household h WHERE h.agency = ANY(${keys}::text[]))`;
  const { first, last } = quarterSeriesSql(p.add(range.from), p.add(range.to), latest, p.add(today()));
  const e = `(q.q + interval '3 months' - interval '1 day')::date`;
  const movedOn = `LEAST(h.matched_on, h.placed_on, h.adoption_order_on, h.left_on)`;
  const a11 = `h.approved_on <= ${e} AND ((${movedOn} IS NULL AND h.stage = 'APPROVED') OR ${movedOn} > ${e})`;
  const matchedIn = `h.approved_on IS NOT NULL AND h.matched_on >= q.q AND h.matched_on < q.q + interval '3 months'`;
  const a13 = `h.application_on <= ${e}
    AND (h.approved_on > ${e} OR (h.approved_on IS NULL AND h.stage IN ('ENQUIRY', 'STAGE_ONE', 'STAGE_TWO', 'WITHDRAWN')))
    AND (h.left_on > ${e} OR (h.left_on IS NULL AND h.stage <> 'WITHDRAWN'))`;
  const rows = await sql.query<{ agency: string; quarter: string; quarter_start: string; quarter_end: string; a11: number; matched: number; waited: number; a13: number; a11_small: boolean; a12_small: boolean; a13_small: boolean }>(`
    WITH quarters AS (SELECT generate_series(${first}, ${last}, interval '3 months')::date AS q),
    households AS (SELECT h.*, hg.group_n < ${MIN_GROUP} AS small FROM adopter_household h JOIN (${householdGroupsSql(keys)}) hg ON hg.id = h.id)
    SELECT k.key AS agency, ${quarterLabelSql('q.q')} AS quarter, to_char(q.q, 'YYYY-MM-DD') AS quarter_start, to_char(${e}, 'YYYY-MM-DD') AS quarter_end,
           count(h.id) FILTER (WHERE ${a11})::int AS a11, COALESCE(bool_or(h.small) FILTER (WHERE ${a11}), false) AS a11_small,
           count(h.id) FILTER (WHERE ${matchedIn})::int AS matched, COALESCE(bool_or(h.small) FILTER (WHERE ${matchedIn}), false) AS a12_small,
           count(h.id) FILTER (WHERE ${matchedIn} AND h.matched_on >= h.approved_on + interval '3 months')::int AS waited,
           count(h.id) FILTER (WHERE ${a13})::int AS a13, COALESCE(bool_or(h.small) FILTER (WHERE ${a13}), false) AS a13_small
      FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, key_order)
     CROSS JOIN quarters q
      LEFT JOIN households h ON h.agency = k.key
     GROUP BY k.key, k.key_order, q.q
     ORDER BY k.key_order, q.q`, p.values);
  return rows.map((r) => {
    const suppress = scope.suppressed.includes(r.agency);
    const a12 = periodControl(suppress, r.a12_small);
    const a11Hidden = suppress && r.a11_small;
    const a13Hidden = suppress && r.a13_small;
    return {
      agency: r.agency, quarter: r.quarter, quarterStart: r.quarter_start, quarterEnd: r.quarter_end,
      a11: a11Hidden ? null : r.a11, a11Suppressed: a11Hidden,
      a12Matched: a12.suppressed ? null : r.matched, a12WaitedThreeMonths: a12.suppressed ? null : r.waited,
      a12Percent: a12.suppressed ? null : percent(r.waited, r.matched), a12,
      a13: a13Hidden ? null : r.a13, a13Suppressed: a13Hidden,
    };
  });
}

/** Reasons a household left, as coded (src/domain/links.ts), and NOT_RECORDED for a leaver without a code. */
export const LEAVING_REASONS = [...HOUSEHOLD_LEFT_REASONS, 'NOT_RECORDED'] as const;
/** The furthest step a household reached before it left. */
export const LEAVING_STAGES = ['ENQUIRY', 'STAGE_ONE', 'STAGE_TWO', 'APPROVED', 'MATCHED'] as const;
/** The most financial years one query may span. */
export const MAX_LEAVING_YEARS = 20;

/**
 * Households that left the process (a leaving date), per agency, financial year of leaving (by its year ending),
 * coded reason and the furthest step reached. Bands are 'YYYY|REASON|STAGE'; under inference control a cell is shown
 * only when every household it counts is in a group of 5 or more (HOUSEHOLD_GROUPS), the same whatever is asked for. Approvals rescinded are
 * the APPROVAL_RESCINDED cells. Without years: the three years up to the latest leaving in scope. One statement.
 */
export async function householdsLeaving(sql: Sql, viewer: Viewer,
  args: { agency?: string | null; fromYear?: number | null; toYear?: number | null }): Promise<AggregateCell[]> {
  const scope = agencyKeys(viewer, args.agency);
  for (const [name, y] of [['fromYear', args.fromYear], ['toYear', args.toYear]] as const) {
    if (y != null && (!Number.isInteger(y) || y < 1990 || y > 2100)) throw badInput(`${name} must be a year between 1990 and 2100.`);
  }
  if ((args.fromYear == null) !== (args.toYear == null)) throw badInput('Give both fromYear and toYear, or neither.');
  if (args.fromYear != null && args.toYear != null && (args.toYear < args.fromYear || args.toYear - args.fromYear >= MAX_LEAVING_YEARS)) {
    throw badInput(`fromYear must not be after toYear, and the range at most ${MAX_LEAVING_YEARS} years.`);
  }
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const yearOf = (d: string): string => `extract(year from (${d} + interval '9 months'))::int`;
  const latest = `(SELECT max(h.left_on) FROM adopter_household h WHERE h.agency = ANY(${keys}::text[]))`;
  const to = `COALESCE(${p.add(args.toYear ?? null)}::int, ${yearOf(`COALESCE(${latest}, ${p.add(today())}::date)`)})`;
  const from = `COALESCE(${p.add(args.fromYear ?? null)}::int, ${to} - 2)`;
  const reasons = p.add(LEAVING_REASONS);
  const stages = p.add(LEAVING_STAGES);
  const bands = `SELECT array_agg(y::text || '|' || r.r || '|' || s.s ORDER BY y, r.o, s.o)
    FROM generate_series(${from}, ${to}) y CROSS JOIN unnest(${reasons}::text[]) WITH ORDINALITY r(r, o)
    CROSS JOIN unnest(${stages}::text[]) WITH ORDINALITY s(s, o)`;
  const counts = `SELECT h.agency AS key, ${yearOf('h.left_on')}::text || '|' || COALESCE(h.left_reason_code, 'NOT_RECORDED') || '|' || ${FURTHEST_BY_DATES_SQL} AS band,
      count(*)::int AS n, bool_or(hg.group_n < ${MIN_GROUP}) AS small FROM adopter_household h JOIN (${householdGroupsSql(keys)}) hg ON hg.id = h.id
     WHERE h.agency = ANY(${keys}::text[]) AND h.left_on IS NOT NULL AND ${yearOf('h.left_on')} BETWEEN ${from} AND ${to}
     GROUP BY 1, 2`;
  return sql.query<AggregateCell>(gridSql(p, keys, scope, { sql: bands }, counts, { householdGroups: true }), p.values);
}
