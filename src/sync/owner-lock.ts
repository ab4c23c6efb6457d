// The one lock every writer of an authority's records takes first. Each sync path reads stored rows, merges what
// it was sent into them and writes the result (syncChildren, the DfE batch, the 903 import's milestone refresh,
// households, support cases), so two writers of one authority interleaving would lose an update. They all take
// this lock before their first read, and it is the lock the change_log trigger takes to number the authority's
// feed entries (migration 1763801100000), so a writer never holds one and waits for another.
import type { Sql } from '../db/sql';

/** Takes `owner`'s write lock inside the caller's transaction (held to commit or rollback). */
export async function lockOwner(tx: Sql, owner: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('change_log'), hashtext($1))`, [owner]);
}

/**
 * Takes several owners' write locks, in one fixed order (sorted codes), for a write that touches records of more
 * than one authority (e.g. a link that moves an LA's child and an RAA's household): a fixed order cannot deadlock.
 */
export async function lockOwners(tx: Sql, owners: readonly string[]): Promise<void> {
  for (const owner of [...new Set(owners)].sort()) await lockOwner(tx, owner);
}
