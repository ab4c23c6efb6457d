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
 * and suppresses counts 1 to SMALL_NUMBER_MAX for the suppressed keys in SQL, so a hidden number never leaves the
 * database. `counts` may use placeholders already added to `p`; the keys' placeholder is `keysParam`.
 */
export function gridSql(p: SqlParams, keysParam: string, scope: AggregateKeys, bands: readonly string[] | { sql: string }, counts: string): string {
  // Bands are a fixed list, or a text[] expression computed in the same statement (e.g. a series of months).
  const bandsArray = 'sql' in bands ? `(${bands.sql})` : `${p.add(bands)}::text[]`;
  const suppressedParam = p.add(scope.suppressed);
  const hidden = `(k.key = ANY(${suppressedParam}::text[]) AND COALESCE(x.n, 0) BETWEEN 1 AND ${SMALL_NUMBER_MAX})`;
  return `
    WITH counts AS (${counts})
    SELECT k.key, b.band,
           CASE WHEN ${hidden} THEN NULL ELSE COALESCE(x.n, 0) END AS count,
           ${hidden} AS suppressed
      FROM unnest(${keysParam}::text[]) WITH ORDINALITY AS k(key, key_order)
     CROSS JOIN unnest(${bandsArray}) WITH ORDINALITY AS b(band, band_order)
      LEFT JOIN counts x ON x.key = k.key AND x.band = b.band
     ORDER BY k.key_order, b.band_order`;
}
