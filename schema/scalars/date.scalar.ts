// The strict date types of the API's inputs. A value that is not one is refused while the request is validated
// (BAD_USER_INPUT), before any resolver runs or any SQL is sent.
import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { calendarDateProblem, EARLIEST_DATE, LATEST_DATE } from '../../src/domain/calendar-date';

function checkedDate(value: unknown): string {
  const problem = calendarDateProblem(value);
  if (problem) throw new GraphQLError(`${problem} (a Date is YYYY-MM-DD, a real day from 1900 to 2100).`);
  return value as string;
}

function stringLiteral(ast: ValueNode, type: string): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`A ${type} is written as a string.`);
  return ast.value;
}

/** A calendar date YYYY-MM-DD: a real day (no 30 February), from 1900 to 2100. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `A calendar date, YYYY-MM-DD: a real day (2021-02-30 is refused), from ${EARLIEST_DATE} to ${LATEST_DATE}`,
  // Out, a stored date (e.g. in a saved search's filter) is shown as it is.
  serialize: (value) => String(value),
  parseValue: checkedDate,
  parseLiteral: (ast) => checkedDate(stringLiteral(ast, 'Date')),
});

function checkedInstant(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${checkedDate(value)}T00:00:00.000Z`;
  let at: Date;
  try {
    at = GraphQLDateTime.parseValue(value) as Date;
  } catch {
    throw new GraphQLError(`${JSON.stringify(value)} is not an instant: give a date (YYYY-MM-DD) or an RFC 3339 date-time such as 2021-02-28T10:00:00Z.`);
  }
  const iso = at.toISOString();
  checkedDate(iso.slice(0, 10));
  return iso;
}

/** An instant: an RFC 3339 date-time with its offset (2021-02-28T10:00:00Z), or a date meaning its midnight UTC. */
export const InstantScalar = new GraphQLScalarType<string, string>({
  name: 'Instant',
  description: 'An instant: an RFC 3339 date-time with offset (2021-02-28T10:00:00Z), or a date YYYY-MM-DD meaning 00:00 UTC that day',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: checkedInstant,
  parseLiteral: (ast) => checkedInstant(stringLiteral(ast, 'Instant')),
});
