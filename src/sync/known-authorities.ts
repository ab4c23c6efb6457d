import type { Sql } from '../db/sql';

/** Every authority code, for checking a record's `livesIn` before the write (one statement). */
export async function authorityCodes(sql: Sql): Promise<Set<string>> {
  const rows = await sql.query<{ code: string }>(`SELECT code FROM authority`);
  return new Set(rows.map((r) => r.code));
}
