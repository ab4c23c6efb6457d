// Benchmark: a large LA's 903 return (5,000 children, 50,000 episodes) imported end to end through a running hub —
// read and validated as the CLI does, sent in batches over HTTP, stored — then imported again (nothing to change).
// Run: node -r @swc-node/register bench/import-903.ts   (uses DATABASE_URL, else an embedded PostgreSQL)
import { chmodSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { mintToken } from '../src/auth/mint-token';
import { importReturn } from '../src/cli/import-903-command';
import { readEnvironment } from '../src/config/environment';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { startHub } from '../src/server/start-hub';
import { writeSyntheticReturn } from './synthetic-903';

/** One measured run of the benchmark. */
export interface Import903Figures {
  children: number;
  episodes: number;
  firstImportSeconds: number;
  reImportSeconds: number;
  childrenChangedOnReImport: number;
}

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

/** Runs the benchmark on a fresh database and returns its figures. */
export async function benchImport903(children = 5000, episodesEach = 10): Promise<Import903Figures> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-903-'));
  chmodSync(work, 0o755); // initdb runs as another user and must reach the cluster's folder
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(path.join(work, 'pg'), { persistent: false });
  const env = { ...readEnvironment({ ...process.env, JWT_SECRET: SECRET, NODE_ENV: 'test' }), port: 0 };
  const hub = await startHub(env, process.env.DATABASE_URL ?? embedded!.url, { port: 0 });
  try {
    await hub.deps.db.query(`INSERT INTO authority (code, name, kind) VALUES ('BENCH', 'Bench LA', 'LOCAL_AUTHORITY')
      ON CONFLICT (code) DO NOTHING`);
    await hub.deps.db.query(`DELETE FROM child WHERE authority = 'BENCH'`);
    const size = writeSyntheticReturn(path.join(work, 'return'), children, episodesEach);
    const token = mintToken({ sub: 'bench', org: 'BENCH', roles: ['integration'] }, SECRET,
      { issuer: env.jwtIssuer, audience: env.jwtAudience, ttl: '1h' });
    const target = { url: hub.url, token, authority: 'BENCH', progress: Boolean(process.stderr.isTTY) };
    const t0 = performance.now();
    const first = await importReturn(path.join(work, 'return'), target);
    const t1 = performance.now();
    const again = await importReturn(path.join(work, 'return'), target);
    const t2 = performance.now();
    if (first.children.accepted !== size.children || first.episodes.accepted !== size.episodes) {
      throw new Error(`bench import stored ${first.children.accepted} children, ${first.episodes.accepted} episodes`);
    }
    return {
      ...size, firstImportSeconds: round((t1 - t0) / 1000), reImportSeconds: round((t2 - t1) / 1000),
      childrenChangedOnReImport: again.children.changed,
    };
  } finally {
    await hub.stop();
    await embedded?.stop();
  }
}

const round = (s: number) => Math.round(s * 100) / 100;

if (require.main === module) {
  benchImport903().then((f) => {
    process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
  }).catch((err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exitCode = 1; });
}
