import { DataSource } from 'typeorm';
import { readEnvironment } from '../config/environment';
import { openDatabase } from '../db/data-source';
import { resolveDatabase } from '../db/resolve-database';

/** Runs `fn` against the hub's own database (DATABASE_URL, or the embedded one under .data/), then closes it. */
export async function withLocalDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const env = readEnvironment();
  const database = await resolveDatabase(env);
  const ds = await openDatabase(database.url, 2);
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
    await database.stop();
  }
}
