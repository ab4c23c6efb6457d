import { Viewer } from '../auth/viewer';
import { Database, Sql } from '../db/sql';
import { assertCanFilterOn } from '../policy/enforce';
import { badInput } from '../policy/errors';
import { childPolicy } from '../policy/child-policy';
import { ChildFilter } from '../../schema/inputs/child-filter.input';
import { fieldsFilteredBy } from './child-filter-sql';

/** How many searches one person may keep: enough for a family finder's working lists, not a dumping ground. */
export const MAX_SAVED_SEARCHES = 50;

/** A saved search as stored: the filter is plain JSON of a ChildFilter. */
export interface SavedSearchRow {
  id: string;
  name: string;
  filter: ChildFilter;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, name, filter, created_at AS "createdAt", updated_at AS "updatedAt"`;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput('`name` must be 1 to 100 characters.', { argument: 'name' });
  return trimmed;
}

/** Drops unset members so the stored JSON holds only what the person chose. */
function plainFilter(filter: ChildFilter | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * Saves (or, under an existing name, replaces) one of the viewer's searches. A filter the viewer could not run is
 * refused (FORBIDDEN) before anything is written; it is checked again every time it runs.
 */
export async function saveSearch(db: Database, viewer: Viewer, name: string, filter: ChildFilter | undefined): Promise<SavedSearchRow> {
  assertCanFilterOn(childPolicy, viewer, fieldsFilteredBy(filter), 'filter');
  const clean = checkName(name);
  const json = JSON.stringify(plainFilter(filter));
  return db.transaction(async (tx) => {
    const updated = await tx.query<SavedSearchRow>(`UPDATE saved_search SET filter = $4::jsonb, updated_at = now()
      WHERE viewer_org = $1 AND viewer_sub = $2 AND name = $3 RETURNING ${COLUMNS}`, [viewer.org, viewer.sub, clean, json]);
    if (updated.length) return updated[0];
    const inserted = await tx.query<SavedSearchRow>(`INSERT INTO saved_search (viewer_org, viewer_sub, name, filter)
      SELECT $1, $2, $3, $4::jsonb
      WHERE (SELECT count(*) FROM saved_search WHERE viewer_org = $1 AND viewer_sub = $2) < $5
      ON CONFLICT (viewer_org, viewer_sub, name) DO NOTHING RETURNING ${COLUMNS}`,
    [viewer.org, viewer.sub, clean, json, MAX_SAVED_SEARCHES]);
    if (!inserted.length) throw badInput(`You already have ${MAX_SAVED_SEARCHES} saved searches; delete one first.`);
    return inserted[0];
  });
}

/** The viewer's own saved searches (same `sub` at the same organisation), by name. */
export function savedSearchesOf(sql: Sql, viewer: Viewer): Promise<SavedSearchRow[]> {
  return sql.query<SavedSearchRow>(`SELECT ${COLUMNS} FROM saved_search WHERE viewer_org = $1 AND viewer_sub = $2 ORDER BY name, id`,
    [viewer.org, viewer.sub]);
}

/** Deletes one of the viewer's saved searches; false when there is none of theirs with that id. */
export async function deleteSavedSearch(db: Database, viewer: Viewer, id: string): Promise<boolean> {
  const rows = await db.query(`DELETE FROM saved_search WHERE id = $1::uuid AND viewer_org = $2 AND viewer_sub = $3 RETURNING id`,
    [id, viewer.org, viewer.sub]);
  return rows.length > 0;
}
