// syncChildren: one LA's batch of child records, validated record by record, written in one transaction.
import type { Database, Sql } from '../../db/sql';
import { lockOwner } from '../owner-lock';
import { eraseChildren } from '../erasure';
import { checkBatchSize, type SyncResult } from '../sync-batch';
import { upsertChildProfiles } from './child-profile-store';
import { validateChildRecords, type ChildRecord, type ValidChild } from './child-record';

/**
 * Stores an LA's child records: bad records are rejected with their index, field and reason, the good ones land
 * together (all or nothing), deletions erase. Re-sending the same batch changes nothing. The caller has already
 * checked the token may write `authority` (src/policy/write-policy.ts).
 */
export async function syncChildren(db: Database, authority: string, records: readonly ChildRecord[]): Promise<SyncResult> {
  checkBatchSize(records);
  const { valid, rejected } = validateChildRecords(records);
  const changed = valid.length === 0 ? 0 : await db.transaction((tx) => writeChildren(tx, authority, valid));
  return { accepted: valid.length, changed, rejected };
}

/** Writes validated records inside the caller's transaction; returns how many children changed or were erased. */
export async function writeChildren(tx: Sql, authority: string, valid: readonly ValidChild[]): Promise<number> {
  await lockOwner(tx, authority);
  const erased = await eraseChildren(tx, authority, valid.filter((c) => c.deleted).map((c) => c.sourceId));
  const upserted = await upsertChildProfiles(tx, authority, valid.filter((c) => !c.deleted));
  return erased.length + upserted.length;
}
