import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Pool, types } from 'pg';
import { entities } from '../../entities';
import { migrations } from '../../migrations';

/** Longest any one statement may run; a runaway query is cancelled rather than holding a connection. */
export const STATEMENT_TIMEOUT_MS = 15_000;

/** A TypeORM data source on `url`, with the hub's entities and migrations; never `synchronize`. */
export function createDataSource(url: string, poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres', url, entities, migrations, synchronize: false, migrationsRun: false, logging: false,
    extra: { max: poolSize, statement_timeout: STATEMENT_TIMEOUT_MS, application_name: 'permanence-hub' },
  });
}

/**
 * Connects and applies any pending migrations (one transaction each). Several hub processes may start together on
 * one database (docs/replicas.md): a session advisory lock lets one migrate while the others wait, then find nothing
 * pending.
 */
export async function openDatabase(url: string, poolSize?: number): Promise<DataSource> {
  const ds = createDataSource(url, poolSize);
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('permanence-hub:migrations'))`);
    await ds.runMigrations({ transaction: 'each' });
  } catch (err) {
    await lock.release().catch(() => undefined);
    await ds.destroy().catch(() => undefined);
    throw err;
  }
  await lock.query(`SELECT pg_advisory_unlock(hashtext('permanence-hub:migrations'))`).catch(() => undefined);
  await lock.release();
  return ds;
}

/** The pg pool under a TypeORM data source, for the hub's hand-written, scoped SQL. */
export function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

// Calendar dates stay as 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the server's time zone.
types.setTypeParser(1082, (v: string) => v);
