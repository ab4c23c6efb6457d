import { createHash } from 'crypto';
import { Sql } from '../db/sql';
import { mergeable, StatementParts } from './statement-merge';

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

/**
 * Runs a compiled statement; it returns exactly one row (the root reads' columns). A named one of point reads may run
 * merged with runs of the same shape waiting behind the same viewer's gate (src/compiler/statement-merge.ts).
 */
export async function runCompiled(sql: Sql, statement: { text: string; values: unknown[]; name?: string; merge: StatementParts | null }): Promise<Record<string, unknown>> {
  const name = statement.name ?? statementName(statement.text);
  const merge = name && statement.merge ? mergeable(statement.text, name, statement.merge, statement.values.length) : undefined;
  const rows = await sql.query<Record<string, unknown>>(statement.text, statement.values, name, merge);
  return rows[0] ?? {};
}
