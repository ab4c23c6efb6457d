import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { ADOPTER_STAGES } from '../domain/stages';
import { badInput } from '../policy/errors';
import { householdGroupsSql } from '../policy/household-groups-policy';
import { MIN_GROUP } from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { AggregateCell, AsOfCells, agencyKeys, asOfFor, gridSql } from './aggregate-grid';
import { today } from './clock';

/** Households per agency in scope and stage (all eight stages, zeros included). One statement. */
export async function adopterPipeline(sql: Sql, viewer: Viewer, agency?: string | null): Promise<AggregateCell[]> {
  const scope = agencyKeys(viewer, agency);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const counts = `SELECT h.agency AS key, h.stage AS band, count(*)::int AS n, bool_or(hg.group_n < ${MIN_GROUP}) AS small
    FROM adopter_household h JOIN (${householdGroupsSql(keys)}) hg ON hg.id = h.id
    WHERE h.agency = ANY(${keys}::text[]) GROUP BY 1, 2`;
  return sql.query<AggregateCell>(gridSql(p, keys, scope, ADOPTER_STAGES, counts, { householdGroups: true }), p.values);
}

/** Bands of time since approval for households approved and waiting for a match. */
export const WAIT_BANDS = ['Under 3 months', '3-6 months', '6-12 months', '12 months or more', 'Not known'] as const;

/**
 * Approved households waiting for a match, per agency and time since approval. Without `asOf` (and not under
 * inference control): today's households at stage APPROVED. With a day: the households approved on or before it and
 * still approved now, or matched, placed, adopted or gone only after it. Bands count back from the day after `asOf` in whole months, so on a
 * quarter's last day each band is whole quarters of approval. A viewer under inference control gets the latest
 * quarter end on or before the day asked (default today): see inference-control-policy.ts. One statement.
 */
export async function approvedAdopterWaits(sql: Sql, viewer: Viewer, args: { agency?: string | null; asOf?: string | null }): Promise<AsOfCells> {
  const scope = agencyKeys(viewer, args.agency);
  const day = asOfFor(scope, 'approvedAdopterWaits', args.asOf);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const asOf = `${p.add(day.asOf)}::date`; // the hub's today (clock.ts) when none was asked
  const next = `(${asOf} + 1)`;
  const band = `CASE WHEN h.approved_on IS NULL OR h.approved_on > ${asOf} THEN 'Not known'
    WHEN h.approved_on >= ${next} - interval '3 months' THEN 'Under 3 months'
    WHEN h.approved_on >= ${next} - interval '6 months' THEN '3-6 months'
    WHEN h.approved_on >= ${next} - interval '12 months' THEN '6-12 months' ELSE '12 months or more' END`;
  // As at a day: approved by then and either still approved now or moved on only after it; a household approved now
  // with no approval date is "Not known" (it is approved; since when is unknown, so it says nothing about the day).
  const movedOn = `LEAST(h.matched_on, h.placed_on, h.adoption_order_on, h.left_on)`;
  const population = day.asked
    ? `((h.approved_on <= ${asOf} AND ((${movedOn} IS NULL AND h.stage = 'APPROVED') OR ${movedOn} > ${asOf}))
        OR (h.approved_on IS NULL AND h.stage = 'APPROVED'))`
    : `h.stage = 'APPROVED'`;
  const counts = `SELECT h.agency AS key, ${band} AS band, count(*)::int AS n, bool_or(hg.group_n < ${MIN_GROUP}) AS small
    FROM adopter_household h JOIN (${householdGroupsSql(keys)}) hg ON hg.id = h.id
    WHERE h.agency = ANY(${keys}::text[]) AND ${population} GROUP BY 1, 2`;
  const cells = await sql.query<AggregateCell>(gridSql(p, keys, scope, WAIT_BANDS, counts, { householdGroups: true }), p.values);
  return { asOf: day.asOf, cells };
}

/** The most months one per-month query may span. */
export const MAX_MONTHS = 120;

/** A month range from 'YYYY-MM' arguments: both or neither (then the 12 months up to the latest with data). */
export function monthRange(from?: string | null, to?: string | null): { from: string | null; to: string | null } {
  if (!from && !to) return { from: null, to: null };
  if (!from || !to) throw badInput('Give both from and to (YYYY-MM), or neither for the latest 12 months.');
  const parse = (m: string, name: string): number => {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(m);
    if (!match) throw badInput(`${name} must be a month as YYYY-MM.`);
    return Number(match[1]) * 12 + Number(match[2]) - 1;
  };
  const span = parse(to, 'to') - parse(from, 'from') + 1;
  if (span < 1 || span > MAX_MONTHS) throw badInput(`from must not be after to, and the range at most ${MAX_MONTHS} months.`);
  return { from: `${from}-01`, to: `${to}-01` };
}

/**
 * Per agency and month ('YYYY-MM'): how many rows of `table` have `dateColumn` in that month. Without a range, the
 * 12 months up to the latest month with data in scope (or this month), so a historical load still shows its year.
 * The grid spans whole calendar years and suppression is decided per calendar quarter (inference-control-policy.ts),
 * so a month is shown or withheld alike whatever range is asked for; only the months asked for are returned.
 */
async function perMonth(sql: Sql, viewer: Viewer, table: 'adopter_household' | 'adoption_match', keyColumn: string,
  dateColumn: string, args: { agency?: string | null; from?: string | null; to?: string | null }): Promise<AggregateCell[]> {
  const scope = agencyKeys(viewer, args.agency);
  const range = monthRange(args.from, args.to);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const latest = `(SELECT max(t.${dateColumn}) FROM ${table} t WHERE t.${keyColumn} = ANY(${keys}::text[]))`;
  const to = `COALESCE(${p.add(range.to)}::date, date_trunc('month', COALESCE(${latest}, ${p.add(today())}::date))::date)`;
  const from = `COALESCE(${p.add(range.from)}::date, (${to} - interval '11 months')::date)`;
  const yearFrom = `date_trunc('year', ${from})::date`;
  const yearTo = `(date_trunc('year', ${to}) + interval '11 months')::date`;
  const months = `SELECT array_agg(to_char(m, 'YYYY-MM') ORDER BY m) FROM generate_series(${yearFrom}, ${yearTo}, interval '1 month') m`;
  // Each enquiry is a household, each match belongs to one: the cell is withheld when it counts one of a small group.
  const household = table === 'adopter_household' ? 't.id' : 't.household_id';
  const counts = `SELECT t.${keyColumn} AS key, to_char(t.${dateColumn}, 'YYYY-MM') AS band, count(*)::int AS n,
      bool_or(hg.group_n < ${MIN_GROUP}) AS small
    FROM ${table} t JOIN (${householdGroupsSql(keys)}) hg ON hg.id = ${household}
    WHERE t.${keyColumn} = ANY(${keys}::text[]) AND t.${dateColumn} >= ${yearFrom} AND t.${dateColumn} < ${yearTo} + interval '1 month'
    GROUP BY 1, 2`;
  const keep = `band BETWEEN to_char(${from}, 'YYYY-MM') AND to_char(${to}, 'YYYY-MM')`;
  return sql.query<AggregateCell>(gridSql(p, keys, scope, { sql: months }, counts, { keep, householdGroups: true }), p.values);
}

/** Households' first enquiries per agency and month. One statement. */
export function enquiriesPerMonth(sql: Sql, viewer: Viewer, args: { agency?: string | null; from?: string | null; to?: string | null }): Promise<AggregateCell[]> {
  return perMonth(sql, viewer, 'adopter_household', 'agency', 'enquiry_on', args);
}

/** Matches made (the match decision's date; a sibling group's match counts once) per agency and month. One statement. */
export function matchesPerMonth(sql: Sql, viewer: Viewer, args: { agency?: string | null; from?: string | null; to?: string | null }): Promise<AggregateCell[]> {
  return perMonth(sql, viewer, 'adoption_match', 'authority', 'matched_on', args);
}
