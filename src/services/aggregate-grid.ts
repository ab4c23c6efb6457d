import { Viewer } from '../auth/viewer';
import { agencyScope } from '../policy/agency-aggregate-policy';
import { aggregateScope } from '../policy/aggregate-policy';
import { forbidden } from '../policy/errors';
import {
  ControlledAggregate, controlledSnapshot, InferenceControl, inferenceControlPolicy, InferenceControlRule, MIN_GROUP, SMALL_NUMBER_MAX, SuppressionBlock,
  SuppressionReason,
} from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { today } from './clock';

/** The keys (authority or agency codes) one aggregate statement counts over, and those whose small numbers hide. */
export interface AggregateKeys {
  keys: string[];
  suppressed: string[];
}

/** One cell of an aggregate table: a key (authority or agency), a band (stage, type, month...), the count. */
export interface AggregateCell {
  key: string;
  band: string;
  count: number | null;
  suppressed: boolean;
  /** Why the count is withheld; null when shown. */
  reason: SuppressionReason | null;
  /** The rule the cell was published under. */
  control: InferenceControl;
}

/** Cells of a dated aggregate and the day they are as at (ISO). */
export interface AsOfCells {
  asOf: string;
  cells: AggregateCell[];
}

/**
 * The LAs whose figures the viewer asked for: the one named (FORBIDDEN when outside its aggregate scope) or all of
 * its scope. Decided before any data is read.
 */
export function authorityKeys(viewer: Viewer, authority?: string | null): AggregateKeys {
  const scope = aggregateScope(viewer);
  return narrow(scope.authorities, scope.suppressed, authority, 'authority');
}

/** The RAAs whose own figures (households, matches, support cases) the viewer asked for; FORBIDDEN outside scope. */
export function agencyKeys(viewer: Viewer, agency?: string | null): AggregateKeys {
  const scope = agencyScope(viewer);
  return narrow(scope.agencies, scope.suppressed, agency, 'agency');
}


/**
 * The day an aggregate's `asOf` stands for. Under inference control (some key suppressed) the snapshot date the policy
 * allows for the day asked (default today), or FORBIDDEN when the policy publishes no snapshot for it
 * (LATEST_FINANCIAL_YEAR_END: another 31 March than the latest); otherwise the day asked. Decided before any data is
 * read. `asked` says whether figures are as at a given day (population from milestone dates) or today's (population
 * from current stages, ages today).
 */
export function asOfFor(scope: AggregateKeys, aggregate: ControlledAggregate, asked?: string | null): { asOf: string; asked: boolean } {
  const rule: InferenceControlRule = inferenceControlPolicy[aggregate];
  if (scope.suppressed.length > 0 && rule.asOf) return { asOf: controlledSnapshot(rule.asOf, asked, today()), asked: true };
  return asked ? { asOf: asked, asked: true } : { asOf: today(), asked: false };
}

function narrow(all: string[], suppressed: string[], asked: string | null | undefined, what: string): AggregateKeys {
  if (asked === undefined || asked === null) return { keys: all, suppressed };
  if (!all.includes(asked)) throw forbidden(`You may not see figures for ${what} ${asked}.`);
  return { keys: [asked], suppressed: suppressed.filter((s) => s === asked) };
}

/** How a grid is suppressed beyond the primary cells (src/policy/inference-control-policy.ts). */
export interface GridOptions {
  /** The cells complementary suppression is decided over; default one key's row. */
  block?: SuppressionBlock;
  /** A predicate over `band` choosing the cells returned (the grid may be wider, e.g. whole calendar years). */
  keep?: string;
  /**
   * HOUSEHOLD_GROUPS instead of SMALL_NUMBERS: `counts` also gives `small`, true when the cell counts a household of a
   * group of 1 to 4 (household-groups-policy.ts); such a cell is withheld, and no other (no complementary cells: every
   * figure shown is a sum of groups of 0 or at least 5, so no total gives a withheld cell away).
   */
  householdGroups?: boolean;
}

/**
 * Lays `counts` (a SELECT giving key, band, n) on the full grid keys × bands, zeros included, in the order given,
 * and suppresses in SQL, for the suppressed keys, so a hidden number never leaves the database
 * (inference-control-policy.ts, SMALL_NUMBERS):
 * - primary: every count from 1 to SMALL_NUMBER_MAX;
 * - complementary: within each block holding a primary cell, the smallest other non-zero counts, one after another,
 *   until the block's withheld cells together hold at least MIN_GROUP, so a total known from another table of the
 *   same children, minus the cells shown, is never a small number.
 * `counts` may use placeholders already added to `p`; the keys' placeholder is `keysParam`.
 */
export function gridSql(p: SqlParams, keysParam: string, scope: AggregateKeys, bands: readonly string[] | { sql: string }, counts: string,
  options: GridOptions = {}): string {
  // Bands are a fixed list, or a text[] expression computed in the same statement (e.g. a series of months).
  const bandsArray = 'sql' in bands ? `(${bands.sql})` : `${p.add(bands)}::text[]`;
  const suppressedParam = p.add(scope.suppressed);
  // Blocks by period: months ('YYYY-MM') by calendar quarter; financial years ('YYYY|...') by their label.
  const block = options.block === 'CALENDAR_QUARTER' ? `left(b.band, 4) || '-' || ((substr(b.band, 6, 2)::int + 2) / 3)`
    : options.block === 'FINANCIAL_YEAR' ? 'left(b.band, 4)' : "''";
  return `
    WITH counts AS (${counts}),
    grid AS (
      SELECT k.key, k.key_order, b.band, b.band_order, ${block} AS block, COALESCE(x.n, 0) AS n,
             ${options.householdGroups ? 'COALESCE(x.small, false)' : 'false'} AS small,
             k.key = ANY(${suppressedParam}::text[]) AS suppressing
        FROM unnest(${keysParam}::text[]) WITH ORDINALITY AS k(key, key_order)
       CROSS JOIN unnest(${bandsArray}) WITH ORDINALITY AS b(band, band_order)
        LEFT JOIN counts x ON x.key = k.key AND x.band = b.band
    ),
    primary_cells AS (
      SELECT g.*, g.suppressing AND ${options.householdGroups ? 'g.small' : `g.n BETWEEN 1 AND ${SMALL_NUMBER_MAX}`} AS primary_hidden FROM grid g
    ),
    ranked AS (
      SELECT c.*,
             COALESCE(sum(c.n) FILTER (WHERE c.primary_hidden) OVER (PARTITION BY c.key, c.block), 0) AS primary_sum,
             COALESCE(sum(c.n) FILTER (WHERE NOT c.primary_hidden AND c.n > 0) OVER (PARTITION BY c.key, c.block
               ORDER BY c.n, c.band_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS others_before
        FROM primary_cells c
    ),
    decided AS (
      SELECT r.*, r.primary_hidden
             OR (${options.householdGroups ? 'false' : 'true'} AND r.suppressing AND NOT r.primary_hidden AND r.n > 0 AND r.primary_sum > 0
                 AND r.primary_sum + r.others_before < ${MIN_GROUP}) AS hidden
        FROM ranked r
    )
    SELECT key, band, CASE WHEN hidden THEN NULL ELSE n END AS count, hidden AS suppressed,
           CASE WHEN primary_hidden THEN '${options.householdGroups ? 'SMALL_HOUSEHOLD_GROUP' : 'SMALL_NUMBER'}' WHEN hidden THEN 'COMPLEMENTARY' END AS reason,
           CASE WHEN suppressing THEN '${options.householdGroups ? 'HOUSEHOLD_GROUPS' : 'SMALL_NUMBERS'}' ELSE 'NONE' END AS control
      FROM decided
     ${options.keep ? `WHERE ${options.keep}` : ''}
     ORDER BY key_order, band_order`;
}
