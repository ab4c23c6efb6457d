import * as path from 'path';
import { Environment } from '../config/environment';
import { startEmbeddedDatabase } from './embedded-database';

/** The database the hub should use: DATABASE_URL, or the embedded PostgreSQL kept under `.data/`. */
export async function resolveDatabase(env: Environment): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  if (env.databaseUrl) return { url: env.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedDatabase(path.join(env.dataDir, 'postgres'));
  return { url: db.url, embedded: true, stop: db.stop };
}
