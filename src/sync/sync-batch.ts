// What every sync mutation shares: the batch limit, the per-record rejection, the result, and value checks that
// say which field is wrong and why, so an integration script can fix its data.
import { calendarDateProblem } from '../domain/calendar-date';
import { badInput } from '../policy/errors';

/** Most records one sync call may carry; larger loads are sent as several calls. */
export const MAX_SYNC_BATCH = 1000;

/** A record the hub refused: its position in the batch, its id if it had one, the field and the reason. */
export interface SyncRejection {
  index: number;
  sourceId: string | null;
  field: string | null;
  reason: string;
}

/** What a sync call did: records accepted (stored, unchanged or deleted), how many changed, and the refused ones. */
export interface SyncResult {
  accepted: number;
  changed: number;
  rejected: SyncRejection[];
}

/** Refuses a whole call that is over the batch limit, before anything is read. */
export function checkBatchSize(records: readonly unknown[]): void {
  if (records.length > MAX_SYNC_BATCH) {
    throw badInput(`A sync call carries at most ${MAX_SYNC_BATCH} records; this one has ${records.length}. Send it in batches.`,
      { argument: 'records' });
  }
}

/** Thrown by a check; the validator turns it into a rejection for the record. */
export class FieldProblem extends Error {
  constructor(readonly field: string, reason: string) {
    super(reason);
  }
}

/** A real calendar date YYYY-MM-DD between 1900 and 2100 (src/domain/calendar-date.ts; null and undefined pass through). */
export function checkDate(field: string, value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const problem = calendarDateProblem(value.trim());
  if (problem) throw new FieldProblem(field, problem);
  return value.trim();
}

/** The latest date a record of what has happened may carry: tomorrow (UTC), so a sender a time zone ahead is not refused. */
export function latestPastDate(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date of something that has happened (a milestone, a birth) is not in the future: a date years ahead is a
 * typing or system error that would put a child at the wrong stage and skew every timeliness measure. Rejected
 * with the record (null and undefined pass through).
 */
export function checkNotFuture(field: string, value: string | null | undefined, latest: string, what: string): void {
  if (value && value > latest) throw new FieldProblem(field, `${value} is in the future; ${what} records something that has happened (latest accepted ${latest})`);
}

/** Trimmed text up to `max` characters; blank becomes null. */
export function checkText(field: string, value: string | null | undefined, max = 200): string | null | undefined {
  if (value === null || value === undefined) return value;
  const v = value.trim();
  if (v.length > max) throw new FieldProblem(field, `is longer than ${max} characters`);
  return v === '' ? null : v;
}

/** The record's own id: required, at most 100 characters, no control characters. */
export function checkSourceId(field: string, value: string | null | undefined): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw new FieldProblem(field, 'is required');
  if (v.length > 100) throw new FieldProblem(field, 'is longer than 100 characters');
  if (/[\u0000-\u001f]/.test(v)) throw new FieldProblem(field, 'holds control characters');
  return v;
}

/** A whole number in [min, max] (null and undefined pass through). */
export function checkInt(field: string, value: number | null | undefined, min: number, max: number): number | null | undefined {
  if (value === null || value === undefined) return value;
  if (!Number.isInteger(value) || value < min || value > max) throw new FieldProblem(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

/** One of `allowed` (null and undefined pass through). */
export function checkOneOf(field: string, value: string | null | undefined, allowed: readonly string[], what: string): string | null | undefined {
  if (value === null || value === undefined) return value;
  if (!allowed.includes(value)) throw new FieldProblem(field, `"${value}" is not ${what}`);
  return value;
}

/** `later` is not before `earlier` when both are given. */
export function checkOrder(field: string, earlier: string | null | undefined, later: string | null | undefined, what: string): void {
  if (earlier && later && later < earlier) throw new FieldProblem(field, `is before ${what}`);
}

/** A UK postcode, normalised to upper case with one space (null and undefined pass through). */
export function checkPostcode(field: string, value: string | null | undefined): string | null | undefined {
  const v = checkText(field, value, 10);
  if (v === null || v === undefined) return v;
  const compact = v.toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) throw new FieldProblem(field, `"${value}" is not a UK postcode`);
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/**
 * Runs `check` on each record; a record that throws a FieldProblem is rejected with its index, id and field, and
 * a repeated id is rejected (the first occurrence wins) since one statement cannot write a row twice.
 */
export function validateEach<I, O>(records: readonly I[], idOf: (r: I) => string | null | undefined,
  check: (r: I) => O, keyOf: (o: O) => string, keyField = 'sourceId'): { valid: O[]; rejected: SyncRejection[] } {
  const valid: O[] = [];
  const rejected: SyncRejection[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const raw = idOf(record);
    const sourceId = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
    try {
      const out = check(record);
      const key = keyOf(out);
      const first = seen.get(key);
      if (first !== undefined) throw new FieldProblem(keyField, `appears again (first at index ${first}); send each record once per batch`);
      seen.set(key, index);
      valid.push(out);
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      rejected.push({ index, sourceId, field: err.field, reason: `${err.field} ${err.message}` });
    }
  });
  return { valid, rejected };
}
