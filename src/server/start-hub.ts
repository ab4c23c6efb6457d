import * as http from 'http';
import { AuthorityDirectory } from '../auth/authority-directory';
import { resolveVerificationKey } from '../auth/signing-keys';
import { Environment } from '../config/environment';
import { openDatabase, poolOf } from '../db/data-source';
import { Database } from '../db/sql';
import { createHttpApp } from './http-app';
import { HubDeps } from './hub-deps';
import { HubMetrics } from './metrics';
import { RequestLimitOptions } from './plugins/request-limits.plugin';

/** A running hub: its parts, its URL, and how to stop it. */
export interface RunningHub {
  deps: HubDeps;
  url: string;
  server: http.Server;
  stop(): Promise<void>;
}

/** Opens the database (applying migrations), builds the app and listens on `port` (0 = any free port). */
export async function startHub(env: Environment, databaseUrl: string, opts: { port?: number; limits?: RequestLimitOptions } = {}): Promise<RunningHub> {
  const dataSource = await openDatabase(databaseUrl);
  const db = new Database(poolOf(dataSource));
  const deps: HubDeps = {
    env, dataSource, db, authorities: new AuthorityDirectory(db), key: resolveVerificationKey(env), metrics: new HubMetrics(),
  };
  const { app, stop } = await createHttpApp(deps, { limits: opts.limits });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(opts.port ?? env.port, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  return {
    deps, server, url: `http://localhost:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      await dataSource.destroy();
    },
  };
}
