// `npm run bench`: the hub's performance figures at national scale on this machine, printed as a table and written
// to bench/results.json. Speed goals live here, never in the unit tests.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readEnvironment } from '../src/config/environment';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { loadPartnership } from '../src/demo/demo-writer';
import { partnershipChunks } from '../src/demo/generate-partnership';
import { startHub } from '../src/server/start-hub';
import { benchDashboardQueries } from './dashboard-queries';
import { benchHubAgainstFloor } from './floor';
import { benchImport903 } from './import-903';
import { benchMatchSuggestions } from './match-suggestions';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedDatabase(dir, { persistent: false });
  const env = { ...readEnvironment({ JWT_SECRET: SECRET, NODE_ENV: 'test' }), port: 0 };
  const hub = await startHub(env, pg.url, { port: 0 });
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version }, at: new Date().toISOString() };
  try {
    const today = new Date().toISOString().slice(0, 10);
    const t0 = performance.now();
    await loadPartnership(hub.deps.db, partnershipChunks({ scale: 'national', today }));
    await hub.deps.db.query('ANALYZE');
    const counts = (await hub.deps.db.query(`SELECT (SELECT count(*) FROM authority)::int AS authorities, (SELECT count(*) FROM child)::int AS children,
      (SELECT count(*) FROM care_episode)::int AS episodes, (SELECT count(*) FROM adopter_household)::int AS households`))[0];
    results.nationalLoad = { seconds: Math.round((performance.now() - t0) / 100) / 10, ...counts };
    console.log('national load', results.nationalLoad);
    const floor = await benchHubAgainstFloor(hub, pg.url, SECRET);
    results.hubAgainstFloor = floor;
    console.log(`hub against its floor (the hub's compiled SQL through bare node-postgres), ${floor.connections} connections, ${floor.seconds} s each:`);
    console.table(Object.fromEntries((['page', 'profile'] as const).flatMap((w) => [
      [`${w} hub`, { ...floor[w].hub, statementsPerRequest: floor[w].statementsPerRequest, 'hub/floor': floor[w].hubOverFloor }],
      [`${w} floor`, { ...floor[w].floor, statementsPerRequest: floor[w].statementsPerRequest, 'hub/floor': '' }],
    ])));
    results.dashboardQueries = await benchDashboardQueries(hub.deps.db);
    console.table((results.dashboardQueries as { query: string; viewer: string; p50: number; p95: number; max: number }[])
      .map(({ query, viewer, p50, p95, max }) => ({ query, viewer, p50, p95, max })));
    results.matchSuggestions = await benchMatchSuggestions(hub.deps.db);
    console.log('match suggestions', JSON.stringify(results.matchSuggestions, null, 2));
  } finally {
    await hub.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.import903 = await benchImport903();
  console.log('903 import (5,000 children, 50,000 episodes)', results.import903);
  const out = path.join(__dirname, 'results.json');
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().then(() => process.exit(0)).catch((err) => {
  console.error(err);
  process.exit(1);
});
