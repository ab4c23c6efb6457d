// The one rule for a calendar date the hub takes anywhere (GraphQL arguments, cursors, sync records): a real date
// written YYYY-MM-DD, between 1900 and 2100. The calendar check is graphql-scalars' LocalDate (RFC 3339 full-date,
// so 2021-02-30 is refused); the range keeps PostgreSQL's date arithmetic (and its year 0) out of reach.
import { GraphQLLocalDate } from 'graphql-scalars';

/** The earliest and latest dates accepted (inclusive). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/** Why `value` is not a date the hub takes, in words for a person ("..." is not a date ...), or null when it is. */
export function calendarDateProblem(value: unknown): string | null {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${shown} is not a date in the form YYYY-MM-DD`;
  try {
    GraphQLLocalDate.parseValue(value);
  } catch {
    return `${shown} is not a day in the calendar (YYYY-MM-DD)`;
  }
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `${value} is outside 1900-2100`;
  return null;
}

/** True when `value` is a date the hub takes. */
export function isCalendarDate(value: unknown): value is string {
  return calendarDateProblem(value) === null;
}
