// A support case record as an RAA's integration script sends it (syncSupportCases), and its validation. Type and
// the LA where the family lives are required on every record: the case is counted by them.
import { SUPPORT_CASE_TYPES } from '../../domain/stages';
import {
  checkDate, checkOneOf, checkOrder, checkSourceId, FieldProblem, validateEach, type SyncRejection,
} from '../sync-batch';

/** One support case record of a syncSupportCases batch. */
export interface SupportCaseRecord {
  sourceId: string;
  type?: string | null;
  livesIn?: string | null;
  householdReference?: string | null;
  openedOn?: string | null;
  closedOn?: string | null;
  deleted?: boolean | null;
}

/** A checked support case: the keys it sent and their cleaned values. */
export interface ValidSupportCase {
  index: number;
  sourceId: string;
  deleted: boolean;
  sent: Set<string>;
  values: Record<string, unknown>;
}

function required<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined || value === '') throw new FieldProblem(field, 'is required');
  return value;
}

/** Checks one record; throws a FieldProblem naming the first wrong field. */
export function checkSupportCase(r: SupportCaseRecord, index: number, authorities: ReadonlySet<string>): ValidSupportCase {
  const sourceId = checkSourceId('sourceId', r.sourceId);
  if (r.deleted) return { index, sourceId, deleted: true, sent: new Set(), values: {} };
  const ref = r.householdReference;
  const v: Record<string, unknown> = {
    type: checkOneOf('type', required('type', r.type), SUPPORT_CASE_TYPES, 'a support case type'),
    livesIn: checkOneOf('livesIn', required('livesIn', r.livesIn).trim().toUpperCase(), [...authorities], 'a known authority code'),
    householdReference: ref === undefined || ref === null ? ref : checkSourceId('householdReference', ref),
    openedOn: checkDate('openedOn', r.openedOn),
    closedOn: checkDate('closedOn', r.closedOn),
  };
  checkOrder('closedOn', v.openedOn as string, v.closedOn as string, 'openedOn');
  return { index, sourceId, deleted: false, sent: new Set(Object.keys(v).filter((k) => v[k] !== undefined)), values: v };
}

/** Validates a batch: good records to write, bad ones rejected with index, sourceId, field and reason. */
export function validateSupportCaseRecords(records: readonly SupportCaseRecord[], authorities: ReadonlySet<string>): { valid: ValidSupportCase[]; rejected: SyncRejection[] } {
  const indexed = records.map((r, index) => ({ r, index }));
  return validateEach(indexed, (x) => x.r?.sourceId, (x) => checkSupportCase(x.r, x.index, authorities), (c) => c.sourceId);
}
