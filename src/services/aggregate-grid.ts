import { Viewer } from '../auth/viewer';
import { agencyScope } from '../policy/agency-aggregate-policy';
import { aggregateScope, SMALL_NUMBER_MAX } from '../policy/aggregate-policy';
import { forbidden } from '../policy/errors';
import { SqlParams } from '../policy/sql-params';

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

function narrow(all: string[], suppressed: string[], asked: string | null | undefined, what: string): AggregateKeys {
  if (asked === undefined || asked === null) return { keys: all, suppressed };
  if (!all.includes(asked)) throw forbidden(`You may not see figures for ${what} ${asked}.`);
  return { keys: [asked], suppressed: suppressed.filter((s) => s === asked) };
}

/**
 * Lays `counts` (a SELECT giving key, band, n) on the full grid keys × bands, zeros included, in the order given,
 * and suppresses in SQL, for the suppressed keys, so a hidden number never leaves the database:
 * - primary: every count from 1 to SMALL_NUMBER_MAX;
 * - complementary: where a key's row has exactly one primary cell, its smallest other non-zero count too, since
 *   otherwise the hidden cell is its row total (known from another table of the same children) minus the rest.
 * `counts` may use placeholders already added to `p`; the keys' placeholder is `keysParam`.
 */
export function gridSql(p: SqlParams, keysParam: string, scope: AggregateKeys, bands: readonly string[] | { sql: string }, counts: string): string {
  // Bands are a fixed list, or a text[] expression computed in the same statement (e.g. a series of months).
  const bandsArray = 'sql' in bands ? `(${bands.sql})` : `${p.add(bands)}::text[]`;
  const suppressedParam = p.add(scope.suppressed);
  return `
    WITH counts AS (${counts}),
    grid AS (
      SELECT k.key, k.key_order, b.band, b.band_order, COALESCE(x.n, 0) AS n, k.key = ANY(${suppressedParam}::text[]) AS suppressing
        FROM unnest(${keysParam}::text[]) WITH ORDINALITY AS k(key, key_order)
       CROSS JOIN unnest(${bandsArray}) WITH ORDINALITY AS b(band, band_order)
        LEFT JOIN counts x ON x.key = k.key AND x.band = b.band
    ),
    primary_cells AS (
      SELECT g.*, g.suppressing AND g.n BETWEEN 1 AND ${SMALL_NUMBER_MAX} AS primary_hidden FROM grid g
    ),
    ranked AS (
      SELECT c.*, count(*) FILTER (WHERE c.primary_hidden) OVER (PARTITION BY c.key) AS primaries,
             row_number() OVER (PARTITION BY c.key ORDER BY (NOT c.primary_hidden AND c.n > 0) DESC, c.n, c.band_order) AS smallest
        FROM primary_cells c
    ),
    decided AS (
      SELECT r.*, r.primary_hidden
             OR (r.suppressing AND r.primaries = 1 AND r.smallest = 1 AND NOT r.primary_hidden AND r.n > 0) AS hidden
        FROM ranked r
    )
    SELECT key, band, CASE WHEN hidden THEN NULL ELSE n END AS count, hidden AS suppressed
      FROM decided
     ORDER BY key_order, band_order`;
}
