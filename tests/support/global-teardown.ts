import * as fs from 'fs';
import { Client } from 'pg';

/** Stops the embedded PostgreSQL, or drops the template and test databases on a DATABASE_URL server. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const stateFile = g.__hubTestState as string | undefined;
  const state = stateFile && fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : undefined;
  const db = g.__hubTestDb as { stop(): Promise<void> } | undefined;
  if (db) {
    await db.stop();
    if (state?.dir) fs.rmSync(state.dir, { recursive: true, force: true });
  } else if (state) {
    const admin = new Client({ connectionString: state.serverUrl });
    await admin.connect();
    const rows = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`${state.template}_t%`, state.template]);
    for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}"`);
    await admin.end();
  }
  if (stateFile) fs.rmSync(stateFile, { force: true });
}
