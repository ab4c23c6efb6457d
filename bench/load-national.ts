import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openDatabase, poolOf } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { Database } from '../src/db/sql';
import { loadPartnership } from '../src/demo/demo-writer';
import { generatePartnership, GenerateOptions, partnershipChunks } from '../src/demo/generate-partnership';

/**
 * Loads a generated partnership into an empty database and prints how long it took.
 * Usage: node -r @swc-node/register bench/load-national.ts [national|demo] [--generate-only] [--today=YYYY-MM-DD]
 * The live pipeline is dated as at --today (default: the real date, as `npm start` loads the demo).
 * Uses DATABASE_URL (which must hold no hub data), or an embedded PostgreSQL created under /tmp and removed after.
 */
async function main(): Promise<void> {
  const scale = (process.argv[2] ?? 'national') as GenerateOptions['scale'];
  const today = process.argv.find((a) => a.startsWith('--today='))?.slice('--today='.length) ?? new Date().toISOString().slice(0, 10);
  if (process.argv.includes('--generate-only')) return generateOnly(scale, today);
  let dir: string | undefined;
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
    const pg = await startEmbeddedDatabase(dir, { persistent: false });
    url = pg.url;
    stop = () => pg.stop();
  }
  const ds = await openDatabase(url, 2);
  const db = new Database(poolOf(ds));
  try {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child`);
    if (n > 0) throw new Error('the database already holds children; give an empty one');
    const t0 = process.hrtime.bigint();
    await loadPartnership(db, partnershipChunks({ scale, today }));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const counts = await db.query(`SELECT (SELECT count(*) FROM authority)::int AS authorities, (SELECT count(*) FROM child)::int AS children,
      (SELECT count(*) FROM care_episode)::int AS episodes, (SELECT count(*) FROM adopter_household)::int AS households,
      (SELECT count(*) FROM adoption_match)::int AS matches, (SELECT count(*) FROM support_case)::int AS support_cases,
      (SELECT count(*) FROM change_log)::int AS changes`);
    console.log(JSON.stringify({ scale, today, seconds: Math.round(seconds * 10) / 10, ...counts[0], peakRssMb: Math.round(process.memoryUsage().rss / 1e6) }));
  } finally {
    await ds.destroy();
    await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Generation alone, without a database: its time and the record counts. */
function generateOnly(scale: GenerateOptions['scale'], today: string): void {
  const t0 = process.hrtime.bigint();
  const counts: Record<string, number> = {};
  const chunks = scale === 'demo' ? [generatePartnership({ scale, today })] : partnershipChunks({ scale, today });
  for (const chunk of chunks) {
    for (const [k, v] of Object.entries(chunk)) counts[k] = (counts[k] ?? 0) + (v as unknown[]).length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ scale, today, generateSeconds: Math.round(seconds * 10) / 10, ...counts, peakRssMb: Math.round(process.memoryUsage().rss / 1e6) }));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
