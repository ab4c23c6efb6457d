// syncAdopterHouseholds: one RAA's batch of household records, validated record by record, written in one transaction.
import type { Database, Sql } from '../../db/sql';
import { lockOwner } from '../owner-lock';
import { eraseHouseholds } from '../erasure';
import { authorityCodes } from '../known-authorities';
import { checkBatchSize, type SyncResult } from '../sync-batch';
import { validateHouseholdRecords, type HouseholdRecord, type ValidHousehold } from './household-record';
import { upsertHouseholds } from './household-store';

/**
 * Stores an RAA's household records: bad records are rejected with their index, field and reason, the good ones
 * land together (all or nothing), deletions erase. Re-sending the same batch changes nothing. The caller has
 * already checked the token may write `agency` (src/policy/write-policy.ts).
 */
export async function syncAdopterHouseholds(db: Database, agency: string, records: readonly HouseholdRecord[]): Promise<SyncResult> {
  checkBatchSize(records);
  const { valid, rejected } = validateHouseholdRecords(records, await authorityCodes(db));
  const changed = valid.length === 0 ? 0 : await db.transaction((tx) => writeHouseholds(tx, agency, valid));
  return { accepted: valid.length, changed, rejected };
}

/** Writes validated records inside the caller's transaction; returns how many households changed or were erased. */
export async function writeHouseholds(tx: Sql, agency: string, valid: readonly ValidHousehold[]): Promise<number> {
  await lockOwner(tx, agency);
  const erased = await eraseHouseholds(tx, agency, valid.filter((h) => h.deleted).map((h) => h.reference));
  const upserted = await upsertHouseholds(tx, agency, valid.filter((h) => !h.deleted));
  return erased.length + upserted.length;
}
