import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { SUPPORT_CASE_TYPES } from '../domain/stages';
import { SqlParams } from '../policy/sql-params';
import { AggregateCell, agencyKeys, authorityKeys, gridSql } from './aggregate-grid';

/**
 * Open support cases (not closed) of the agencies in the viewer's agency scope (or the one named), per LA of residence (`lives_in`) in
 * its LA aggregate scope and type, zeros included. A case is counted by the LA where the family lives
 * (docs/domain.md), so suppression follows that LA's rule: a social worker sees its own LA in full, an analyst its
 * RAA's LAs suppressed. Families living outside the viewer's LAs are not counted. One statement.
 */
export async function supportCaseSummary(sql: Sql, viewer: Viewer, agency?: string | null): Promise<AggregateCell[]> {
  const agencies = agencyKeys(viewer, agency);
  const scope = authorityKeys(viewer);
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const counts = `SELECT s.lives_in AS key, s.type AS band, count(*)::int AS n FROM support_case s
    WHERE s.agency = ANY(${p.add(agencies.keys)}::text[]) AND s.lives_in = ANY(${keys}::text[])
      AND s.closed_on IS NULL GROUP BY 1, 2`;
  return sql.query<AggregateCell>(gridSql(p, keys, scope, SUPPORT_CASE_TYPES, counts), p.values);
}
