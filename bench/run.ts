// `npm run bench`: the hub's performance figures at national scale on this machine, printed as a table and written
// to bench/results.json. Speed goals live here, never in the unit tests.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readEnvironment } from '../src/config/environment';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { loadPartnership } from '../src/demo/demo-writer';
import { partnershipChunks } from '../src/demo/generate-partnership';
import { RunningHub, startHub } from '../src/server/start-hub';
import { benchDashboardQueries } from './dashboard-queries';
import { benchHubAgainstFloor } from './floor';
import { benchImport903 } from './import-903';
import { benchMatchSuggestions } from './match-suggestions';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * Runs `fn` against a hub on an embedded database of its own with the generated partnership at `scale` loaded and
 * analysed; `loadSeconds` is how long the load took. The database and its folder are gone afterwards.
 */
async function withLoadedHub<T>(scale: 'demo' | 'national', fn: (hub: RunningHub, url: string, loadSeconds: number) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hub-bench-${scale}-`));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedDatabase(dir, { persistent: false });
  const env = { ...readEnvironment({ JWT_SECRET: SECRET, NODE_ENV: 'test' }), port: 0 };
  const hub = await startHub(env, pg.url, { port: 0 });
  try {
    const t0 = performance.now();
    await loadPartnership(hub.deps.db, partnershipChunks({ scale, today: new Date().toISOString().slice(0, 10) }));
    await hub.deps.db.query('ANALYZE');
    return await fn(hub, pg.url, Math.round((performance.now() - t0) / 100) / 10);
  } finally {
    await hub.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Cost with data size: the same page and profile with the demo partnership alone (one RAA), then at national scale.
  const demo = await withLoadedHub('demo', async (hub, url) => {
    const [{ children }] = await hub.deps.db.query<{ children: number }>('SELECT count(*)::int AS children FROM child');
    return { ...(await benchHubAgainstFloor(hub, url, SECRET)), children };
  });
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version }, at: new Date().toISOString() };
  await withLoadedHub('national', async (hub, url, loadSeconds) => {
    const counts = (await hub.deps.db.query(`SELECT (SELECT count(*) FROM authority)::int AS authorities, (SELECT count(*) FROM child)::int AS children,
      (SELECT count(*) FROM care_episode)::int AS episodes, (SELECT count(*) FROM adopter_household)::int AS households`))[0];
    results.nationalLoad = { seconds: loadSeconds, ...counts };
    console.log('national load', results.nationalLoad);
    const floor = await benchHubAgainstFloor(hub, url, SECRET);
    results.hubAgainstFloor = floor;
    console.log(`hub against its floor (the hub's compiled SQL through bare node-postgres), ${floor.connections} connections, ${floor.seconds} s each:`);
    console.table(Object.fromEntries((['page', 'profile'] as const).flatMap((w) => [
      [`${w} hub`, { ...floor[w].hub, statementsPerRequest: floor[w].statementsPerRequest, 'hub/floor': floor[w].hubOverFloor }],
      [`${w} floor`, { ...floor[w].floor, statementsPerRequest: floor[w].statementsPerRequest, 'hub/floor': '' }],
      [`${w} floor alone`, { ...floor[w].floorAlone, statementsPerRequest: floor[w].statementsPerRequest, 'hub/floor': `hub/floor alone ${floor[w].hubOverFloorAlone}` }],
      [`${w} floor over HTTP`, { ...floor[w].floorOverHttp, statementsPerRequest: floor[w].statementsPerRequest,
        'hub/floor': `hub/floor over HTTP ${floor[w].hubOverHttpFloor}; floor over HTTP/floor ${floor[w].httpFloorOverFloor}` }],
    ])));
    // Flat cost: national req/s over demo req/s near 1 (each a median of paired rounds against its own floor, but the two
    // scales run minutes apart on a shared machine), and the buffers one read touches at each scale (no noise).
    const r2 = (x: number) => Math.round(x * 100) / 100;
    results.scaling = {
      demoChildren: demo.children, nationalChildren: (counts as { children: number }).children,
      ...Object.fromEntries((['page', 'profile'] as const).map((w) => [w, {
        demo: { hub: demo[w].hub.rps, floor: demo[w].floor.rps }, national: { hub: floor[w].hub.rps, floor: floor[w].floor.rps },
        'hub national/demo': r2(floor[w].hub.rps / demo[w].hub.rps), 'floor national/demo': r2(floor[w].floor.rps / demo[w].floor.rps),
        buffers: { demo: demo[w].buffersPerRequest, national: floor[w].buffersPerRequest },
        childrenServed: { demo: demo[w].childrenServed, national: floor[w].childrenServed },
      }])),
    };
    console.log(`cost with data size (req/s at ${(counts as { children: number }).children} children over req/s at ${demo.children}; 1 is flat):`);
    console.table(Object.fromEntries((['page', 'profile'] as const).map((w) => {
      const x = (results.scaling as Record<string, Record<string, unknown>>)[w];
      return [w, {
        'demo hub': demo[w].hub.rps, 'national hub': floor[w].hub.rps, 'hub national/demo': x['hub national/demo'], 'floor national/demo': x['floor national/demo'],
        'buffers/children served, demo': `${demo[w].buffersPerRequest}/${demo[w].childrenServed}`,
        'buffers/children served, national': `${floor[w].buffersPerRequest}/${floor[w].childrenServed}`,
      }];
    })));
    results.dashboardQueries = await benchDashboardQueries(hub.deps.db);
    console.table((results.dashboardQueries as { query: string; viewer: string; p50: number; p95: number; max: number }[])
      .map(({ query, viewer, p50, p95, max }) => ({ query, viewer, p50, p95, max })));
    results.matchSuggestions = await benchMatchSuggestions(hub.deps.db);
    console.log('match suggestions', JSON.stringify(results.matchSuggestions, null, 2));
  });
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
