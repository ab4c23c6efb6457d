import { DataSource } from 'typeorm';
import { readEnvironment } from '../config/environment';
import { explainDatabaseProblem, explainEmbeddedProblem } from '../config/setting-problems';
import { openDatabase } from '../db/data-source';
import { resolveDatabase } from '../db/resolve-database';

/**
 * Runs `fn` against the hub's own database (DATABASE_URL, or the embedded one under .data/), then closes it. A
 * database that cannot be opened is a SettingProblem naming the setting to change (the CLI exits 3 with it).
 */
export async function withLocalDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const env = readEnvironment();
  let database: Awaited<ReturnType<typeof resolveDatabase>>;
  try {
    database = await resolveDatabase(env);
  } catch (err) {
    throw env.databaseUrl ? err : explainEmbeddedProblem(err, env);
  }
  let ds: DataSource;
  try {
    ds = await openDatabase(database.url, 2);
  } catch (err) {
    await database.stop().catch(() => undefined);
    throw explainDatabaseProblem(err, env) ?? err;
  }
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
    await database.stop();
  }
}
