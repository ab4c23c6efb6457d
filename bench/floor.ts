import { Client, Pool } from 'pg';
import { mintToken } from '../src/auth/mint-token';
import { RunningHub } from '../src/server/start-hub';

/**
 * The hub against its floor: the family-finding page and the child profile served by the hub over HTTP, and the very
 * statements the hub compiled for them (audit insert included) sent through bare node-postgres on a pool of the same
 * size, each for the same time at the same concurrency, in the same run. hub/floor is the share of the database's
 * own speed the hub keeps after HTTP, JWT, GraphQL and JSON.
 */

export const PAGE = `query Page { children(first: 50, orderBy: DAYS_WAITING) { edges { node {
  id firstName ageMonths stage needs daysWaiting authority { code name } siblingGroup { id children { id firstName } } } } } }`;
export const PROFILE = `query Profile($id: ID!) { child(id: $id) { id firstName ageMonths stage needs daysWaiting healthSummary socialWorker
  placementOrderOn authority { code name } siblingGroup { id placeTogether children { id firstName ageMonths stage } } } }`;

const CONNECTIONS = 10;

interface Run { rps: number; p50Ms: number; p99Ms: number; rssMaxMb: number }

/** Runs `once` from CONNECTIONS concurrent loops for `seconds`; requests per second, latency and peak RSS. */
async function load(seconds: number, once: () => Promise<void>): Promise<Run> {
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

/** Measures one workload on the hub and on the floor; returns both, the ratio and the hub's statements per request. */
async function workload(hub: RunningHub, pool: Pool, token: string, query: string, variables: Record<string, unknown>, seconds: number) {
  const body = JSON.stringify({ query, variables });
  const ask = async () => {
    const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const json = await res.json() as { errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
  };
  await ask(); // the authority directory is loaded once per process, not per request
  // What the hub sends for one request: every statement at the pool, kept to replay on the floor.
  const sent: { text: string; values: unknown[]; name?: string }[] = [];
  const spy = Client.prototype.query;
  Client.prototype.query = function capture(this: Client, ...args: unknown[]) {
    const [q, v] = args as [string | { text: string; values: unknown[]; name?: string }, unknown[]];
    sent.push(typeof q === 'string' ? { text: q, values: v ?? [] } : { text: q.text, values: q.values, name: q.name });
    return (spy as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof spy;
  try {
    await ask();
  } finally {
    Client.prototype.query = spy;
  }
  for (let i = 0; i < 20; i++) await ask(); // warm-up
  const hubRun = await load(seconds, ask);
  const floor = async () => { for (const s of sent) await pool.query(s.name ? { name: s.name, text: s.text, values: s.values } : { text: s.text, values: s.values }); };
  for (let i = 0; i < 20; i++) await floor();
  const floorRun = await load(seconds, floor);
  return { hub: hubRun, floor: floorRun, hubOverFloor: Math.round((hubRun.rps / floorRun.rps) * 100) / 100, statementsPerRequest: sent.length };
}

/** The page and the profile, hub and floor, for a family finder of the RAA with the most children in family finding. */
export async function benchHubAgainstFloor(hub: RunningHub, databaseUrl: string, secret: string, seconds = 10) {
  const [{ raa }] = await hub.deps.db.query<{ raa: string }>(`SELECT a.raa_code AS raa FROM child c JOIN authority a ON a.code = c.authority
    WHERE c.stage = 'FAMILY_FINDING' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const [{ id }] = await hub.deps.db.query<{ id: string }>(`SELECT c.id FROM child c JOIN authority a ON a.code = c.authority
    WHERE a.raa_code = $1 AND c.stage = 'FAMILY_FINDING' AND c.sibling_group_id IS NOT NULL ORDER BY c.id LIMIT 1`, [raa]);
  const token = mintToken({ sub: 'bench-ff', org: raa, roles: ['family_finder'] }, secret, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '1h' });
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  try {
    const page = await workload(hub, pool, token, PAGE, {}, seconds);
    const profile = await workload(hub, pool, token, PROFILE, { id }, seconds);
    return { connections: CONNECTIONS, seconds, page, profile };
  } finally {
    await pool.end();
  }
}
