// syncLinks: one RAA's batch of links (a child or sibling group and a household, through expression of interest,
// matching panel, match, placement and order, or their end), validated record by record, written in one transaction.
import type { Database, Sql } from '../../db/sql';
import { lockOwners } from '../owner-lock';
import { checkBatchSize, type SyncResult } from '../sync-batch';
import { validateLinkRecords, type LinkRecord, type ValidLink } from './link-record';
import { storeLinks } from './link-store';

/**
 * Stores an RAA's links: bad records (including references the hub cannot resolve) are rejected with their index,
 * field and reason, the good ones land together, deletions erase, and the children and households they touch
 * follow. Re-sending the same batch changes nothing. The caller has passed the write gate for `agency`.
 */
export async function syncLinks(db: Database, agency: string, records: readonly LinkRecord[]): Promise<SyncResult> {
  checkBatchSize(records);
  const { valid, rejected } = validateLinkRecords(records);
  if (valid.length === 0) return { accepted: 0, changed: 0, rejected };
  const out = await db.transaction((tx) => writeLinks(tx, agency, valid));
  const all = [...rejected, ...out.rejected].sort((a, b) => a.index - b.index);
  return { accepted: valid.length - out.rejected.length, changed: out.changed, rejected: all };
}

/**
 * Writes validated links inside the caller's transaction. A link moves an LA's child as well as the RAA's own
 * records, so the RAA's and every member LA's write locks are taken first, in one fixed order (no deadlock with an
 * LA's own writer, which takes only its own).
 */
export async function writeLinks(tx: Sql, agency: string, valid: readonly ValidLink[]) {
  const members = await tx.query<{ code: string }>('SELECT code FROM authority WHERE raa_code = $1', [agency]);
  await lockOwners(tx, [agency, ...members.map((m) => m.code)]);
  return storeLinks(tx, agency, valid);
}
