import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, poolOf } from '../../src/db/data-source';
import { Database } from '../../src/db/sql';
import { withDatabase } from './global-setup';

/** A fresh, migrated database of this test file's own, on the real PostgreSQL of the run. */
export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  db: Database;
  close(): Promise<void>;
}

/** Clones the migrated template into a new database (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.HUB_TEST_SERVER_URL;
  const template = process.env.HUB_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('the jest global setup did not run');
  const name = `${template}_t${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const dataSource = createDataSource(url, 10);
  await dataSource.initialize();
  const db = new Database(poolOf(dataSource));
  return {
    url, dataSource, db,
    close: async () => {
      await dataSource.destroy();
      const a = new Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
