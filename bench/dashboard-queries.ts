// Benchmark: each dashboard aggregate query at national scale (the generator's 'national' partnership, about
// 100,000 children and a million episodes), as an RAA family finder and as an LA analyst, with each statement's plan
// (EXPLAIN ANALYZE) checked for sequential scans of the big tables.
// Run: node -r @swc-node/register bench/dashboard-queries.ts   (DATABASE_URL holding the national load, or an
// embedded PostgreSQL under /tmp that is loaded first and removed after)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Viewer } from '../src/auth/viewer';
import { openDatabase, poolOf } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { Database, Sql } from '../src/db/sql';
import { loadPartnership } from '../src/demo/demo-writer';
import { partnershipChunks } from '../src/demo/generate-partnership';
import { adopterPipeline, approvedAdopterWaits, enquiriesPerMonth, matchesPerMonth } from '../src/services/adopter-aggregates';
import { childrenInFamilyFindingBreakdown, familyFindingSummary } from '../src/services/family-finding-aggregates';
import { scorecardFor, scorecardTrend } from '../src/services/scorecard-view';
import { adopterFunnel, adopterTimeliness } from '../src/services/adopter-funnel';
import { adopterIndicators, householdsLeaving } from '../src/services/adopter-indicators';
import { supportCaseSummary } from '../src/services/support-case-aggregates';

/** The target: every dashboard query under this many milliseconds (median) at national scale. */
export const TARGET_MS = 100;
const RUNS = 20;
const BIG_TABLES = ['child', 'care_episode', 'adopter_household', 'adoption_match', 'support_case'];

/** One query's timings (ms) and what its plan scans. */
export interface QueryFigures { query: string; viewer: string; p50: number; p95: number; max: number; seqScans: string[]; indexes: string[] }

/** Remembers the last statement sent, so it can be explained exactly as the service ran it. */
class Recording implements Sql {
  last: { text: string; params: unknown[] } = { text: '', params: [] };
  constructor(private readonly inner: Sql) {}
  query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    this.last = { text, params };
    return this.inner.query<T>(text, params);
  }
}

function planNodes(plan: Record<string, unknown>, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  out.push(plan);
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? []) planNodes(child, out);
  return out;
}

async function explain(db: Sql, last: Recording['last']): Promise<{ seqScans: string[]; indexes: string[] }> {
  const [row] = await db.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${last.text}`, last.params);
  const nodes = planNodes(row['QUERY PLAN'][0].Plan);
  const seqScans = nodes.filter((n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(String(n['Relation Name'])))
    .map((n) => String(n['Relation Name']));
  const indexes = [...new Set(nodes.map((n) => n['Index Name']).filter(Boolean).map(String))];
  return { seqScans, indexes };
}

async function viewers(db: Sql): Promise<{ ff: Viewer; analyst: Viewer }> {
  // The biggest RAA (most children) and its biggest LA: the worst case for both viewers.
  const [big] = await db.query<{ raa: string; la: string; members: string[] }>(`
    SELECT a.raa_code AS raa, (array_agg(a.code ORDER BY n DESC))[1] AS la, array_agg(a.code ORDER BY a.code) AS members
      FROM authority a JOIN (SELECT authority, count(*) AS n FROM child GROUP BY authority) c ON c.authority = a.code
     WHERE a.raa_code IS NOT NULL GROUP BY a.raa_code ORDER BY sum(n) DESC LIMIT 1`);
  const base = { name: null, raa: big.raa, raaMembers: big.members };
  return {
    ff: { ...base, sub: 'bench-ff', org: big.raa, orgKind: 'REGIONAL_ADOPTION_AGENCY', roles: ['family_finder'] },
    analyst: { ...base, sub: 'bench-analyst', org: big.la, orgKind: 'LOCAL_AUTHORITY', roles: ['la_analyst'] },
  };
}

/** Times every dashboard query for both viewers on `db` (already loaded). */
export async function benchDashboardQueries(db: Database): Promise<QueryFigures[]> {
  const { ff, analyst } = await viewers(db);
  const queries: [string, (sql: Sql, v: Viewer) => Promise<unknown>][] = [
    ['familyFindingSummary', (sql, v) => familyFindingSummary(sql, v)],
    ['breakdown AGE_BAND', (sql, v) => childrenInFamilyFindingBreakdown(sql, v, { dimension: 'AGE_BAND' })],
    ['breakdown SIBLING_NEED', (sql, v) => childrenInFamilyFindingBreakdown(sql, v, { dimension: 'SIBLING_NEED' })],
    ['breakdown ETHNIC_GROUP', (sql, v) => childrenInFamilyFindingBreakdown(sql, v, { dimension: 'ETHNIC_GROUP' })],
    ['adopterPipeline', (sql, v) => adopterPipeline(sql, v)],
    ['approvedAdopterWaits', (sql, v) => approvedAdopterWaits(sql, v, {})],
    ['enquiriesPerMonth', (sql, v) => enquiriesPerMonth(sql, v, {})],
    ['matchesPerMonth', (sql, v) => matchesPerMonth(sql, v, {})],
    ['supportCaseSummary', (sql, v) => supportCaseSummary(sql, v)],
    ['scorecard', (sql, v) => scorecardFor(sql, v, analyst.org, 2021)],
    ['scorecardTrend (5 years)', (sql, v) => scorecardTrend(sql, v, { authority: analyst.org })],
    ['adopterFunnel', (sql, v) => adopterFunnel(sql, v, {})],
    ['adopterTimeliness', (sql, v) => adopterTimeliness(sql, v, {})],
    ['adopterIndicators', (sql, v) => adopterIndicators(sql, v, {})],
    ['householdsLeaving', (sql, v) => householdsLeaving(sql, v, {})],
  ];
  const out: QueryFigures[] = [];
  for (const [name, run] of queries) {
    for (const [label, viewer] of [['family_finder', ff], ['la_analyst', analyst]] as const) {
      const sql = new Recording(db);
      await run(sql, viewer); // warm up
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = process.hrtime.bigint();
        await run(sql, viewer);
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      ms.sort((a, b) => a - b);
      const r1 = (x: number) => Math.round(x * 10) / 10;
      out.push({ query: name, viewer: `${label} ${viewer.org}`, p50: r1(ms[Math.floor(RUNS / 2)]), p95: r1(ms[Math.floor(RUNS * 0.95)]),
        max: r1(ms[RUNS - 1]), ...(await explain(db, sql.last)) });
    }
  }
  return out;
}

async function main(): Promise<void> {
  let url = process.env.DATABASE_URL;
  let dir: string | undefined;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-dashboard-'));
    fs.chmodSync(dir, 0o755);
    const pg = await startEmbeddedDatabase(path.join(dir, 'pg'), { persistent: false });
    url = pg.url;
    stop = () => pg.stop();
  }
  const ds = await openDatabase(url, 4);
  const db = new Database(poolOf(ds));
  try {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child`);
    if (n === 0) {
      const t0 = Date.now();
      await loadPartnership(db, partnershipChunks({ scale: 'national', today: new Date().toISOString().slice(0, 10) }));
      await db.query('ANALYZE');
      process.stderr.write(`loaded the national partnership in ${Math.round((Date.now() - t0) / 1000)} s\n`);
    }
    const [size] = await db.query(`SELECT (SELECT count(*) FROM child)::int AS children, (SELECT count(*) FROM care_episode)::int AS episodes,
      (SELECT count(*) FROM adopter_household)::int AS households, (SELECT count(*) FROM support_case)::int AS support_cases`);
    const figures = await benchDashboardQueries(db);
    console.table(figures.map((f) => ({ ...f, seqScans: f.seqScans.join(' '), indexes: f.indexes.join(' ') })));
    const slow = figures.filter((f) => f.p50 >= TARGET_MS || f.seqScans.length > 0);
    console.log(JSON.stringify({ size, targetMs: TARGET_MS, allUnderTarget: slow.length === 0, figures }, null, 1));
    if (slow.length) process.exitCode = 1;
  } finally {
    await ds.destroy();
    await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((err) => { console.error(err); process.exitCode = 1; });
