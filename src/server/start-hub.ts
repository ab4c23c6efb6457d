import * as http from 'http';
import { AuthorityDirectory } from '../auth/authority-directory';
import { resolveVerificationKey } from '../auth/signing-keys';
import { weakDatabasePasswordReason } from '../auth/secret-strength';
import { Environment } from '../config/environment';
import { openDatabase, poolOf } from '../db/data-source';
import { NotificationListener } from '../db/notification-listener';
import { createReadPool } from '../db/read-pool';
import { hubLog } from './hub-log';
import { Database } from '../db/sql';
import { gateFor } from '../db/viewer-statement-gate';
import { createHttpApp } from './http-app';
import { HubDeps } from './hub-deps';
import { HubMetrics } from './metrics';
import { RequestLimitOptions } from './plugins/request-limits.plugin';

/**
 * Connections per hub process: the compiled reads' pool (src/db/read-pool.ts) and the pool of everything else, 10
 * each, so a process holds 20 plus its listening connection, as before the split (docs/replicas.md sizes N processes).
 */
const READ_CONNECTIONS = 10;
const OTHER_CONNECTIONS = 10;

/** A running hub: its parts, its URL, and how to stop it. */
export interface RunningHub {
  deps: HubDeps;
  url: string;
  server: http.Server;
  stop(): Promise<void>;
}

/** How to start a hub; `prepare` runs after the migrations and before the port opens (e.g. loading the demo). */
export interface StartOptions {
  port?: number;
  host?: string;
  limits?: RequestLimitOptions;
  /** Answer fully compiled queries without graphql-js's field walk (default); false only to compare the two ways. */
  compiledResponses?: boolean;
  prepare?: (deps: HubDeps) => Promise<void>;
}

/**
 * Opens the database (applying migrations), starts listening for authority changes, runs `prepare`, builds the app
 * and only then listens on `port` (0 = any free port): a hub that answers at all is ready to serve.
 */
export async function startHub(env: Environment, databaseUrl: string, opts: StartOptions = {}): Promise<RunningHub> {
  const key = resolveVerificationKey(env);
  if (env.production) {
    const reason = weakDatabasePasswordReason(databaseUrl);
    if (reason) throw new Error(reason);
  }
  const dataSource = await openDatabase(databaseUrl, OTHER_CONNECTIONS);
  const readPool = createReadPool(databaseUrl, READ_CONNECTIONS,
    (err) => hubLog().warn({ event: 'db.read_connection_lost', code: (err as { code?: string }).code }, 'a read connection was lost'));
  const db = new Database(poolOf(dataSource), readPool);
  const authorities = new AuthorityDirectory(db);
  const listener = new NotificationListener(databaseUrl, 'authority_changed', {
    notify: () => authorities.invalidate(),
    state: (listening) => authorities.setListening(listening),
  });
  await listener.start();
  const metrics = new HubMetrics();
  metrics.watchPool(poolOf(dataSource));
  metrics.watchPool(readPool, 'read');
  metrics.watchMerging(gateFor(db));
  const deps: HubDeps = { env, dataSource, db, authorities, key, metrics };
  try {
    if (opts.prepare) await opts.prepare(deps);
    const { handler, stop } = await createHttpApp(deps, { limits: opts.limits, compiledResponses: opts.compiledResponses });
    const server = http.createServer(handler);
    const host = opts.host ?? env.host;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? env.port, host, () => { server.off('error', reject); resolve(); });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    const shown = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
    return {
      deps, server, url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await stop();
        await listener.stop();
        await readPool.end();
        await dataSource.destroy();
      },
    };
  } catch (err) {
    await listener.stop();
    await readPool.end().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw err;
  }
}
