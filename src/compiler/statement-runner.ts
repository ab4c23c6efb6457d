import { createHash } from 'crypto';
import { Sql } from '../db/sql';

/**
 * The statement runner: sends a compiled statement as a named prepared statement, so PostgreSQL parses and plans
 * each shape once per connection. The name is a digest of the text (same shape, same name; different text can never
 * share a name). Shapes are bounded by the schema, but a client could still invent many selection sets: past
 * MAX_NAMED distinct shapes a process stops naming new ones (they run unnamed), so no connection caches plans
 * without bound.
 */
const MAX_NAMED = 2_000;
/** Names by statement text: a shape asked again is a map lookup, not a digest of its text. */
const named = new Map<string, string>();

/** The prepared-statement name for `text`, or undefined once the process holds MAX_NAMED shapes. */
export function statementName(text: string): string | undefined {
  const known = named.get(text);
  if (known) return known;
  if (named.size >= MAX_NAMED) return undefined;
  const name = `hub_${createHash('sha1').update(text).digest('base64url')}`;
  named.set(text, name);
  return name;
}

/** Runs a compiled statement; it returns exactly one row (the root reads' columns). */
export async function runCompiled(sql: Sql, statement: { text: string; values: unknown[]; name?: string }): Promise<Record<string, unknown>> {
  const rows = await sql.query<Record<string, unknown>>(statement.text, statement.values, statement.name ?? statementName(statement.text));
  return rows[0] ?? {};
}
