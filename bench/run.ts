// `npm run bench`: the hub's performance figures at national scale on this machine, printed as a table and written
// to bench/results.json. Speed goals live here, never in the unit tests.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mintToken } from '../src/auth/mint-token';
import { readEnvironment } from '../src/config/environment';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { loadPartnership } from '../src/demo/demo-writer';
import { partnershipChunks } from '../src/demo/generate-partnership';
import { startHub } from '../src/server/start-hub';
import { benchDashboardQueries } from './dashboard-queries';
import { benchImport903 } from './import-903';
import { benchMatchSuggestions } from './match-suggestions';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

const PAGE = `query Page($first: Int!) { children(first: $first) { totalCount edges { node {
  id firstName ageMonths stage daysWaiting socialWorker needs authority { code name }
  siblingGroup { id placeTogether children { id firstName stage } } } } } }`;

/** Times `children(first: 50)` with its relations over HTTP and counts its SQL statements, as a family finder. */
async function benchChildrenPage(hub: Awaited<ReturnType<typeof startHub>>): Promise<Record<string, number>> {
  const [{ raa }] = await hub.deps.db.query<{ raa: string }>(`SELECT a.raa_code AS raa FROM child c JOIN authority a ON a.code = c.authority
    WHERE c.stage = 'FAMILY_FINDING' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const token = mintToken({ sub: 'bench-ff', org: raa, roles: ['family_finder'] }, SECRET, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '1h' });
  const ask = async (first: number) => {
    const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PAGE, variables: { first } }) });
    const body = await res.json() as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  await ask(50);
  const ms: number[] = [];
  let statements = 0;
  const original = hub.deps.db.query.bind(hub.deps.db);
  hub.deps.db.query = ((text: string, params?: unknown[]) => { statements += 1; return original(text, params); }) as typeof hub.deps.db.query;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await ask(50);
    ms.push(performance.now() - t0);
  }
  hub.deps.db.query = original;
  ms.sort((a, b) => a - b);
  return { p50Ms: Math.round(ms[10] * 10) / 10, p95Ms: Math.round(ms[18] * 10) / 10, sqlStatementsPerPage: statements / 20 };
}

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
    results.childrenPage = await benchChildrenPage(hub);
    console.log('children page (50, with relations)', results.childrenPage);
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
