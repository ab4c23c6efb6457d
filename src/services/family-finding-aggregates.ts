import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { activeFamilyFindingSql, siblingNeedSql } from '../domain/active-family-finding';
import { PERMANENCE_STAGES, PermanenceStage } from '../domain/stages';
import { SqlParams } from '../policy/sql-params';
import { AggregateCell, AsOfCells, asOfFor, authorityKeys, gridSql } from './aggregate-grid';

/**
 * The rows of ALE's family-finding tracker (docs/domain.md): every stage but ADOPTED. An adoption order closes the
 * record for family finding, and adopted children pile up year after year, so they are counted by the scorecard
 * (`adoptedCount`) instead. PLAN_CHANGED stays: the report's table has it ("adoption no longer the plan").
 */
export const TRACKER_STAGES: readonly PermanenceStage[] = PERMANENCE_STAGES.filter((s) => s !== 'ADOPTED');

/** Children per LA in scope and tracker stage, zeros included, small numbers suppressed. One statement. */
export async function familyFindingSummary(sql: Sql, viewer: Viewer, authority?: string | null): Promise<AggregateCell[]> {
  const scope = authorityKeys(viewer, authority);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const stages = p.add(TRACKER_STAGES);
  const counts = `SELECT c.authority AS key, c.stage AS band, count(*)::int AS n FROM child c
    WHERE c.authority = ANY(${keys}::text[]) AND c.stage = ANY(${stages}::text[]) GROUP BY 1, 2`;
  return sql.query<AggregateCell>(gridSql(p, keys, scope, TRACKER_STAGES, counts), p.values);
}

/** How children in active family finding can be broken down. */
export type BreakdownDimension = 'AGE_BAND' | 'SIBLING_NEED' | 'ETHNIC_GROUP';

/** The bands of each dimension, in the order a table shows them. */
export const BREAKDOWN_BANDS: Record<BreakdownDimension, readonly string[]> = {
  AGE_BAND: ['Under 1', '1-2', '3-4', '5-9', '10+', 'Not known'],
  SIBLING_NEED: ['Solo', 'With one sibling', 'With two or more siblings'],
  ETHNIC_GROUP: ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Not known'],
};

/** codes.ts `ethnicGroup` as SQL: the first letter of the DfE code, C and O both "Other"; refused/not obtained unknown. */
export function ethnicGroupSql(column: string): string {
  return `CASE WHEN ${column} IS NULL OR ${column} IN ('REFU', 'NOBT') THEN 'Not known'
    ELSE CASE left(${column}, 1) WHEN 'W' THEN 'White' WHEN 'M' THEN 'Mixed' WHEN 'A' THEN 'Asian' WHEN 'B' THEN 'Black'
      WHEN 'C' THEN 'Other' WHEN 'O' THEN 'Other' ELSE 'Not known' END END`;
}

function bandSql(dimension: BreakdownDimension, asOf: string): string {
  if (dimension === 'ETHNIC_GROUP') return ethnicGroupSql('c.ethnicity');
  if (dimension === 'SIBLING_NEED') {
    const need = siblingNeedSql('c', 'sg');
    return `CASE WHEN ${need} = 1 THEN 'Solo' WHEN ${need} = 2 THEN 'With one sibling' ELSE 'With two or more siblings' END`;
  }
  const years = `date_part('year', age(${asOf}::date, c.date_of_birth))`;
  return `CASE WHEN c.date_of_birth IS NULL OR c.date_of_birth > ${asOf}::date THEN 'Not known'
    WHEN ${years} < 1 THEN 'Under 1' WHEN ${years} < 3 THEN '1-2' WHEN ${years} < 5 THEN '3-4'
    WHEN ${years} < 10 THEN '5-9' ELSE '10+' END`;
}

/**
 * Active family finding as at `date` (a SQL date expression), so the population and the bands are as at the same
 * day: the ADM decision made by then, and the child either still in active family finding now, or gone from it (placed,
 * adopted, plan changed) only after that day. The current stage must agree (a decision date on a child now in parallel
 * planning, or an adopted child with no dates, is not counted), since milestone dates alone may be incomplete.
 */
export function activeFamilyFindingOnSql(alias: string, date: string): string {
  const left = `LEAST(${alias}.placed_on, ${alias}.adoption_order_on, ${alias}.plan_changed_on)`;
  return `(${alias}.decision_on <= ${date}`
    + ` AND ((${left} IS NULL AND ${activeFamilyFindingSql(alias)})`
    + ` OR (${alias}.stage IN ('MATCHED_PLACED', 'ADOPTED', 'PLAN_CHANGED') AND ${left} > ${date})))`;
}

/**
 * Children in active family finding per LA in scope and band of `dimension`: age in whole years, sibling need, or
 * ethnic group. Without `asOf` (and not under inference control): today's children by stage, ages today. With a day,
 * the children in family finding on that day by their milestone dates, ages on that day. A viewer under inference
 * control gets the latest 31 March on or before today only (another year's `asOf` is FORBIDDEN): see
 * inference-control-policy.ts (LATEST_FINANCIAL_YEAR_END).
 * One statement.
 */
export async function childrenInFamilyFindingBreakdown(sql: Sql, viewer: Viewer,
  args: { dimension: BreakdownDimension; authority?: string | null; asOf?: string | null }): Promise<AsOfCells> {
  const scope = authorityKeys(viewer, args.authority);
  const day = asOfFor(scope, 'childrenInFamilyFindingBreakdown', args.asOf);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  // The day (the hub's today, clock.ts, when none was asked) is a placeholder only where the statement reads it:
  // PostgreSQL refuses a parameter it never sees used (today's children by stage, not banded by age).
  const asOf = day.asked || args.dimension === 'AGE_BAND' ? `${p.add(day.asOf)}::date` : 'NULL::date';
  const population = day.asked ? activeFamilyFindingOnSql('c', asOf) : activeFamilyFindingSql('c');
  // The sibling need is a window over the active rows, so it is computed before grouping.
  const counts = `SELECT key, band, count(*)::int AS n FROM (
      SELECT c.authority AS key, ${bandSql(args.dimension, asOf)} AS band
        FROM child c LEFT JOIN sibling_group sg ON sg.id = c.sibling_group_id
       WHERE c.authority = ANY(${keys}::text[]) AND ${population}
    ) active GROUP BY 1, 2`;
  const cells = await sql.query<AggregateCell>(gridSql(p, keys, scope, BREAKDOWN_BANDS[args.dimension], counts), p.values);
  return { asOf: day.asOf, cells };
}
