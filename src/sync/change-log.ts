// Appends to the change feed. Entries are numbered under a per-authority lock held to commit (migration
// 1763801100000), so a feed reader never sees a later entry before an earlier one commits.
import type { Sql } from '../db/sql';

/** The kinds of record the change feed reports. */
export type ChangeEntity = 'Child' | 'AdopterHousehold' | 'SupportCase' | 'AdoptionLink';

/** Where each entity lives: its table and the columns holding its owner and source id. */
export const ENTITY_TABLES: Record<ChangeEntity, { table: string; owner: string; key: string }> = {
  Child: { table: 'child', owner: 'authority', key: 'source_id' },
  AdopterHousehold: { table: 'adopter_household', owner: 'agency', key: 'reference' },
  SupportCase: { table: 'support_case', owner: 'agency', key: 'source_id' },
  AdoptionLink: { table: 'adoption_match', owner: 'authority', key: 'source_id' },
};

/**
 * Marks records changed: bumps their `updated_at` and appends one UPSERT each to the owner's feed (one
 * statement). Callers pass only ids whose stored values really changed, so a re-run appends nothing.
 */
export async function recordUpserts(tx: Sql, entity: ChangeEntity, owner: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const t = ENTITY_TABLES[entity];
  const rows = await tx.query<{ seq: string }>(`
    WITH touched AS (
      UPDATE ${t.table} SET updated_at = now() WHERE ${t.owner} = $1 AND id = ANY($2::uuid[]) RETURNING id, ${t.key} AS key
    )
    INSERT INTO change_log (authority, entity, entity_id, source_id, operation)
    SELECT $1, $3, id, key, 'UPSERT' FROM touched ORDER BY key
    RETURNING seq`, [owner, [...new Set(ids)], entity]);
  return rows.length;
}

/** Appends one DELETE per removed record (identifiers only: the record itself is gone). */
export async function recordDeletes(tx: Sql, entity: ChangeEntity, owner: string,
  removed: readonly { id: string; sourceId: string }[]): Promise<void> {
  if (removed.length === 0) return;
  await tx.query(`
    INSERT INTO change_log (authority, entity, entity_id, source_id, operation)
    SELECT $1, $2, u.id, u.source_id, 'DELETE' FROM unnest($3::uuid[], $4::text[]) AS u(id, source_id) ORDER BY u.source_id`,
  [owner, entity, removed.map((r) => r.id), removed.map((r) => r.sourceId)]);
}

/** The per-authority write lock lives in owner-lock.ts; kept here for callers that import it from the feed. */
export { lockOwner } from './owner-lock';
