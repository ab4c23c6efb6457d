// syncSupportCases: one RAA's batch of adoption support cases, validated record by record, written in one transaction.
import type { Database, Sql } from '../../db/sql';
import { recordUpserts } from '../change-log';
import { lockOwner } from '../owner-lock';
import { eraseSupportCases } from '../erasure';
import { authorityCodes } from '../known-authorities';
import { mergeUpsert, type MergeSpec } from '../merge-upsert';
import { checkBatchSize, type SyncRejection, type SyncResult } from '../sync-batch';
import { validateSupportCaseRecords, type SupportCaseRecord, type ValidSupportCase } from './support-case-record';

/** How each SupportCase record key fills the support_case table; the household is found by its reference. */
export const SUPPORT_CASE_SPEC: MergeSpec = {
  table: 'support_case',
  owner: 'agency',
  keyColumn: 'source_id',
  columns: [
    { key: 'type', column: 'type', type: 'text' },
    { key: 'livesIn', column: 'lives_in', type: 'text' },
    { key: 'householdReference', column: 'household_id', type: 'uuid', input: 'h.id' },
    { key: 'openedOn', column: 'opened_on', type: 'date' },
    { key: 'closedOn', column: 'closed_on', type: 'date' },
  ],
  extraInputs: [['household_reference', 'text']],
  joins: 'LEFT JOIN adopter_household h ON h.agency = $1 AND h.reference = u.household_reference',
};

/**
 * Stores an RAA's support cases: bad records (including a household reference the RAA does not hold) are
 * rejected with index, field and reason; the good ones land together; deletions erase; a re-run changes nothing.
 */
export async function syncSupportCases(db: Database, agency: string, records: readonly SupportCaseRecord[]): Promise<SyncResult> {
  checkBatchSize(records);
  const { valid, rejected } = validateSupportCaseRecords(records, await authorityCodes(db));
  if (valid.length === 0) return { accepted: 0, changed: 0, rejected };
  const out = await db.transaction((tx) => writeSupportCases(tx, agency, valid));
  const all = [...rejected, ...out.rejected].sort((a, b) => a.index - b.index);
  return { accepted: valid.length - out.rejected.length, changed: out.changed, rejected: all };
}

/** Refuses records naming a household the agency does not hold (one statement). */
async function unknownHouseholds(tx: Sql, agency: string, cases: readonly ValidSupportCase[]): Promise<SyncRejection[]> {
  const refs = [...new Set(cases.map((c) => c.values.householdReference).filter((r): r is string => typeof r === 'string'))];
  if (refs.length === 0) return [];
  const found = await tx.query<{ reference: string }>(
    `SELECT reference FROM adopter_household WHERE agency = $1 AND reference = ANY($2::text[])`, [agency, refs]);
  const known = new Set(found.map((f) => f.reference));
  return cases.filter((c) => typeof c.values.householdReference === 'string' && !known.has(c.values.householdReference))
    .map((c) => ({ index: c.index, sourceId: c.sourceId, field: 'householdReference',
      reason: `householdReference "${c.values.householdReference}" is not one of ${agency}'s households` }));
}

/** Writes validated records inside the caller's transaction. */
export async function writeSupportCases(tx: Sql, agency: string, valid: readonly ValidSupportCase[]): Promise<{ changed: number; rejected: SyncRejection[] }> {
  await lockOwner(tx, agency);
  const erased = await eraseSupportCases(tx, agency, valid.filter((c) => c.deleted).map((c) => c.sourceId));
  const upserts = valid.filter((c) => !c.deleted);
  const rejected = await unknownHouseholds(tx, agency, upserts);
  const refused = new Set(rejected.map((r) => r.index));
  const rows = await mergeUpsert(tx, SUPPORT_CASE_SPEC, agency, upserts.filter((c) => !refused.has(c.index)).map((c) => ({
    key: c.sourceId, sent: c.sent,
    values: { type: c.values.type, lives_in: c.values.livesIn, household_reference: c.values.householdReference, opened_on: c.values.openedOn, closed_on: c.values.closedOn },
  })));
  await recordUpserts(tx, 'SupportCase', agency, rows.map((r) => r.id));
  return { changed: erased.length + rows.length, rejected };
}
