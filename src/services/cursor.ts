import { isCalendarDate } from '../domain/calendar-date';
import { badInput } from '../policy/errors';

/** The range of a PostgreSQL integer: an int sort value outside it could only come from a forged cursor. */
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/** What a keyset cursor holds: the order it belongs to, the sort value of the last row, and its id. */
export interface KeysetPosition {
  order: string;
  value: string | number | null;
  id: string;
}

/** An opaque cursor; it holds only the sort value (a field the viewer may read) and the row id. */
export function encodeCursor(pos: KeysetPosition): string {
  return Buffer.from(JSON.stringify([pos.order, pos.value, pos.id])).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same order; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, order: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('The cursor is not valid; use an endCursor or cursor from a previous page.');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string'
    || !(parsed[1] === null || typeof parsed[1] === 'string' || typeof parsed[1] === 'number')) {
    throw badInput('The cursor is not valid; use an endCursor or cursor from a previous page.');
  }
  if (parsed[0] !== order) throw badInput('The cursor belongs to a different ordering; start again without `after`.');
  return { order, value: parsed[1], id: parsed[2] };
}

/** The type a keyset's sort value has in SQL; a cursor's value is checked against it before it reaches a cast. */
export type SortValueType = 'int' | 'text' | 'date';

/**
 * Checks a decoded position before it reaches SQL: the sort value must have the ordering's type and the id must be
 * a record id. A forged cursor is then BAD_USER_INPUT, not a database error (masked to an internal error).
 */
export function checkKeysetPosition(pos: KeysetPosition, type: SortValueType): KeysetPosition {
  const v = pos.value;
  const typed = v === null
    || (type === 'int' && Number.isInteger(v) && (v as number) >= INT4_MIN && (v as number) <= INT4_MAX)
    || (type === 'text' && typeof v === 'string' && !v.includes('\u0000'))
    || (type === 'date' && isCalendarDate(v));
  if (!typed || !UUID.test(pos.id)) throw badInput('The cursor is not valid; use an endCursor or cursor from a previous page.');
  return pos;
}

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a client does not say. */
export const DEFAULT_PAGE_SIZE = 20;

/** The page size, checked: 1 to MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, { argument: 'first' });
  }
  return first;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an id argument is a record id (a UUID); otherwise BAD_USER_INPUT rather than a database error. */
export function checkId(id: string, what = 'id'): string {
  if (!UUID.test(id)) throw badInput(`\`${what}\` is not a valid id.`, { argument: what });
  return id.toLowerCase();
}
