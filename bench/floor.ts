import { ChildProcess, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { mintToken } from '../src/auth/mint-token';
import { freePort } from '../src/db/embedded-database';
import { createReadPool } from '../src/db/read-pool';
import { Database } from '../src/db/sql';
import { GatedSql, ViewerStatementGate } from '../src/db/viewer-statement-gate';
import { RunningHub } from '../src/server/start-hub';
import { askHub, captureStatements } from './captured-statements';

/**
 * The hub against its floor: the family-finding page and the child profile served by the hub over HTTP, and the very
 * statements the hub compiled for them (audit insert included) sent through bare node-postgres on a pool of the same
 * size, through a gate like the hub's (so the profile's point reads merge under load on both sides,
 * src/compiler/statement-merge.ts), each for the same time at the same concurrency, in the same run. hub/floor is the share of the database's
 * own speed the hub keeps after HTTP, JWT, GraphQL and JSON.
 *
 * The hub is served as `npm start` serves it: its own process, built JavaScript, production mode, on the same
 * database; the load comes from autocannon in this process. (Serving it inside the bench process, as before, made the
 * hub share one thread with its own load generator, which the floor never did.) Rounds alternate hub and floor, and
 * the ratio is the median of the paired rounds.
 */

export const PAGE = `query Page { children(first: 50, orderBy: DAYS_WAITING) { edges { node {
  id firstName ageMonths stage needs daysWaiting authority { code name } siblingGroup { id children { id firstName } } } } } }`;
export const PROFILE = `query Profile($id: ID!) { child(id: $id) { id firstName ageMonths stage needs daysWaiting healthSummary socialWorker
  placementOrderOn authority { code name } siblingGroup { id placeTogether children { id firstName ageMonths stage } } } }`;

const CONNECTIONS = 10;
const ROUNDS = 3;
const ROOT = path.resolve(__dirname, '..');

interface Run { rps: number; p50Ms: number; p99Ms: number; rssMaxMb: number }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `once` from CONNECTIONS concurrent loops for `seconds`; requests per second, latency and this process's peak RSS. */
async function loadFloor(seconds: number, once: () => Promise<void>): Promise<Run> {
  const ms: number[] = [];
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => { rss = Math.max(rss, process.memoryUsage().rss); }, 250);
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await once();
      ms.push(performance.now() - t0);
    }
  }));
  clearInterval(sampler);
  ms.sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] * 10) / 10;
  return { rps: Math.round((ms.length / seconds) * 10) / 10, p50Ms: at(0.5), p99Ms: at(0.99), rssMaxMb: Math.round(rss / 1e6) };
}

/** The resident memory of process `pid` in MB (VmRSS, as `ps -o rss` reports it). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** autocannon against a served process (the hub, or the floor over HTTP) for `seconds`; its peak RSS sampled every 0.5 s. */
async function loadServed(served: { url: string; pid: number }, body: string, token: string, seconds: number): Promise<Run> {
  let rss = rssOf(served.pid);
  const sampler = setInterval(() => { rss = Math.max(rss, rssOf(served.pid)); }, 500);
  try {
    const r = await autocannon({
      url: `${served.url}/graphql`, method: 'POST', connections: CONNECTIONS, duration: seconds, body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    if (r.non2xx || r.errors) throw new Error(`${served.url} answered ${r.non2xx} non-2xx responses and ${r.errors} errors`);
    return { rps: Math.round(r.requests.average * 10) / 10, p50Ms: r.latency.p50, p99Ms: r.latency.p99, rssMaxMb: rss };
  } finally {
    clearInterval(sampler);
  }
}

/** A hub served in its own process, as `npm start` serves it. */
export interface ServedHub { url: string; pid: number; secret: string; stop(): Promise<void> }

/** Builds (bin/build.js) and serves the hub on `databaseUrl` in production mode; resolves once /readyz answers. */
export async function serveHub(databaseUrl: string): Promise<ServedHub> {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bin/build.js failed');
  const port = await freePort();
  const secret = randomBytes(32).toString('hex');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, '.build', 'src', 'main.js')], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', JWT_SECRET: secret, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the served hub exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise<void>((resolve) => { const t = setTimeout(resolve, 200); child.once('exit', () => { clearTimeout(t); resolve(); }); });
  }
  return { url, pid: child.pid!, secret, stop: async () => { child.kill('SIGINT'); await exited; } };
}

/** The floor over HTTP (bench/http-floor-server.ts) for one request, in its own process; resolves once it listens. */
async function serveHttpFloor(databaseUrl: string, request: { query: string; variables: unknown; org: string }): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'http-floor-server.ts')], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: databaseUrl, HTTP_FLOOR_REQUEST: JSON.stringify(request), LOG_LEVEL: 'silent' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the floor over HTTP exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: async () => { child.kill('SIGINT'); await exited; } };
}

/** One node of EXPLAIN's JSON plan. */
interface PlanNode { 'Node Type': string; 'Parent Relationship'?: string; 'Subplan Name'?: string; 'Shared Hit Blocks': number; 'Shared Read Blocks': number; Plans?: PlanNode[] }

/**
 * The buffers (8 kB pages, from cache or disk) one run of `statement` touches: EXPLAIN (ANALYZE, BUFFERS) of the very
 * statement, audit insert included. The root counts everything it reads; the audit's data-modifying CTE runs after
 * it (nothing reads it) and is counted beside it. Unlike req/s, this does not depend on what else the machine is doing,
 * so it shows how the cost of a read moves with the size of the data.
 *
 * It is the second of two runs on one connection: the first run in a session, or the first after another process
 * changed the catalog (a hub starting), also reads the catalog to rebuild its view of the tables and indexes (about
 * 135 more buffers for the audit insert alone), which says nothing about the read.
 */
async function buffersPerRun(pool: Pool, statement: { text: string; values: unknown[] }): Promise<{ buffers: number; childrenServed: number }> {
  const client = await pool.connect();
  try {
    const explain = () => client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
    await explain();
    const [{ last }] = (await client.query<{ last: string }>('SELECT COALESCE(max(id), 0) AS last FROM access_read')).rows;
    const { rows } = await explain();
    const root = (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
    const blocks = (n: PlanNode) => n['Shared Hit Blocks'] + n['Shared Read Blocks'];
    const writes = (root.Plans ?? []).filter((n) => n['Parent Relationship'] === 'InitPlan' && n['Subplan Name']?.startsWith('CTE ') && n['Node Type'] === 'ModifyTable');
    // The children the read served, as its own audit row lists them: the buffers of a page grow with what it serves.
    const [{ served }] = (await client.query<{ served: number }>('SELECT COALESCE(sum(cardinality(children)), 0)::int AS served FROM access_read WHERE id > $1', [last])).rows;
    return { buffers: blocks(root) + writes.reduce((sum, n) => sum + blocks(n), 0), childrenServed: served };
  } finally {
    client.release();
  }
}

/** Measures one workload on the served hub and on the floor, in alternating rounds; the median paired ratio. */
async function workload(hub: RunningHub, served: ServedHub, pool: Pool, viewer: { raa: string; hubSecret: string; databaseUrl: string }, query: string, variables: Record<string, unknown>, seconds: number) {
  const body = JSON.stringify({ query, variables });
  const token = mintToken({ sub: 'bench-ff', org: viewer.raa, roles: ['family_finder'] }, served.secret, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '1h' });
  const inProcessToken = mintToken({ sub: 'bench-ff', org: viewer.raa, roles: ['family_finder'] }, viewer.hubSecret, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '1h' });
  const ask = (url: string, t: string) => askHub(url, t, body);
  await ask(hub.url, inProcessToken); // the authority directory is loaded once per process, not per request
  // What the hub sends for one request (the in-process hub, same code), kept to replay on the floor the way the hub
  // sends it (a point read may merge).
  const { sent, atThePool } = await captureStatements(() => ask(hub.url, inProcessToken));
  for (let i = 0; i < 20; i++) await ask(served.url, token); // warm-up
  // The floor's statements pass a gate like the hub's (one viewer: at most 4 at once, point reads merged while they
  // wait), straight to node-postgres: no HTTP, no JWT, no GraphQL, no JSON beyond pg's own parsing. The floor
  // "alone" sends each statement by itself, as the hub did before it merged point reads (the earlier figures' floor).
  const floorSql = new GatedSql(new Database(pool, pool), new ViewerStatementGate(), 'floor');
  const floor = async () => { for (const s of sent) await floorSql.query(s.text, s.values, s.name, s.merge); };
  const alone = async () => { for (const s of sent) await pool.query(s.name ? { name: s.name, text: s.text, values: s.values } : { text: s.text, values: s.values }); };
  for (let i = 0; i < 20; i++) { await floor(); await alone(); }
  // The floor over HTTP: the same statements behind a bare node:http server in a process of its own, loaded by the
  // same autocannon as the hub. It separates what HTTP and the load generator cost here from what the hub adds.
  const overHttp = await serveHttpFloor(viewer.databaseUrl, { query, variables, org: viewer.raa });
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const rounds: { hub: Run; floor: Run; alone: Run; http: Run; ratio: number; overAlone: number; overHttp: number; httpOverFloor: number }[] = [];
  try {
    for (let i = 0; i < 20; i++) await ask(overHttp.url, token); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      const hubRun = await loadServed(served, body, token, seconds);
      const floorRun = await loadFloor(seconds, floor);
      const aloneRun = await loadFloor(seconds, alone);
      const httpRun = await loadServed(overHttp, body, token, seconds);
      rounds.push({
        hub: hubRun, floor: floorRun, alone: aloneRun, http: httpRun,
        ratio: r2(hubRun.rps / floorRun.rps), overAlone: r2(hubRun.rps / aloneRun.rps),
        overHttp: r2(hubRun.rps / httpRun.rps), httpOverFloor: r2(httpRun.rps / floorRun.rps),
      });
    }
  } finally {
    await overHttp.stop();
  }
  const mid = (pick: (x: { hub: Run; floor: Run; alone: Run; http: Run }) => Run): Run => ({
    rps: median(rounds.map((x) => pick(x).rps)), p50Ms: median(rounds.map((x) => pick(x).p50Ms)),
    p99Ms: median(rounds.map((x) => pick(x).p99Ms)), rssMaxMb: Math.max(...rounds.map((x) => pick(x).rssMaxMb)),
  });
  const buffers = await buffersPerRun(pool, sent[0]);
  return {
    hub: mid((x) => x.hub), floor: mid((x) => x.floor), floorAlone: mid((x) => x.alone), floorOverHttp: mid((x) => x.http),
    hubOverFloor: median(rounds.map((x) => x.ratio)), rounds: rounds.map((x) => x.ratio),
    hubOverFloorAlone: median(rounds.map((x) => x.overAlone)), roundsOverAlone: rounds.map((x) => x.overAlone),
    hubOverHttpFloor: median(rounds.map((x) => x.overHttp)), roundsOverHttpFloor: rounds.map((x) => x.overHttp),
    httpFloorOverFloor: median(rounds.map((x) => x.httpOverFloor)), roundsHttpFloorOverFloor: rounds.map((x) => x.httpOverFloor),
    statementsPerRequest: atThePool, buffersPerRequest: buffers.buffers, childrenServed: buffers.childrenServed,
  };
}

/** The page and the profile, hub and floor, for a family finder of the RAA with the most children in family finding. */
export async function benchHubAgainstFloor(hub: RunningHub, databaseUrl: string, secret: string, seconds = 10) {
  const [{ raa }] = await hub.deps.db.query<{ raa: string }>(`SELECT a.raa_code AS raa FROM child c JOIN authority a ON a.code = c.authority
    WHERE c.stage = 'FAMILY_FINDING' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const [{ id }] = await hub.deps.db.query<{ id: string }>(`SELECT c.id FROM child c JOIN authority a ON a.code = c.authority
    WHERE a.raa_code = $1 AND c.stage = 'FAMILY_FINDING' AND c.sibling_group_id IS NOT NULL ORDER BY c.id LIMIT 1`, [raa]);
  // The floor's connections are the hub's read connections (src/db/read-pool.ts: one generic plan per statement), so
  // both send the same statements to the same kind of session.
  const pool = createReadPool(databaseUrl, 10, () => undefined);
  const served = await serveHub(databaseUrl);
  try {
    const page = await workload(hub, served, pool, { raa, hubSecret: secret, databaseUrl }, PAGE, {}, seconds);
    const profile = await workload(hub, served, pool, { raa, hubSecret: secret, databaseUrl }, PROFILE, { id }, seconds);
    return { connections: CONNECTIONS, seconds, rounds: ROUNDS, page, profile };
  } finally {
    await served.stop();
    await pool.end();
  }
}
