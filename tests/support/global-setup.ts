import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/db/embedded-database';
import { openDatabase } from '../../src/db/data-source';

const STATE_FILE = path.join(os.tmpdir(), `permanence-hub-test-${process.pid}.json`);

/**
 * One PostgreSQL for the whole run (embedded unless DATABASE_URL is set) and one migrated template database;
 * each test file clones the template into a database of its own, so no test sees another's rows.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let dir: string | undefined;
  if (!serverUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
    const db = await startEmbeddedDatabase(dir, { persistent: false, database: 'postgres' });
    serverUrl = db.url;
    (globalThis as Record<string, unknown>).__hubTestDb = db;
  }
  const template = `hub_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const ds = await openDatabase(withDatabase(serverUrl, template), 2);
  await ds.destroy();
  process.env.HUB_TEST_SERVER_URL = serverUrl;
  process.env.HUB_TEST_TEMPLATE = template;
  fs.writeFileSync(STATE_FILE, JSON.stringify({ dir, template, serverUrl }));
  (globalThis as Record<string, unknown>).__hubTestState = STATE_FILE;
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
