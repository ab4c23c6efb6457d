// A database outage is not an authentication failure (issue 8 §3): with PostgreSQL stopped, every entry point answers
// 503 with Retry-After, never 401 (the DfE pipeline and `hub import` would take that for bad credentials), /readyz
// says the database is unreachable, and once PostgreSQL is back the same requests succeed. The PostgreSQL here is a
// real cluster of this test's own, really stopped and started again.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { mintToken } from '../../src/auth/mint-token';
import { readEnvironment } from '../../src/config/environment';
import { hashSecret, newClientCredentials } from '../../src/server/dfe-csc/client-secrets';
import { RunningHub, startHub } from '../../src/server/start-hub';
import { seedAuthorities } from '../support/factories';
import { startStoppablePostgres, StoppablePostgres } from '../support/stoppable-postgres';

const SECRET = randomBytes(32).toString('hex');
let pg: StoppablePostgres;
let hub: RunningHub;
let client: { clientId: string; clientSecret: string };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-outage-data-'));

beforeAll(async () => {
  pg = await startStoppablePostgres();
  const env = { ...readEnvironment({ JWT_SECRET: SECRET, NODE_ENV: 'production', HUB_DATA_DIR: dataDir }), port: 0 };
  hub = await startHub(env, pg.url, { port: 0, host: '127.0.0.1' });
  await seedAuthorities(hub.deps.db);
  client = newClientCredentials();
  await hub.deps.db.query(`INSERT INTO integration_client (client_id, secret_hash, org, name) VALUES ($1, $2, 'BDG', 'BDG nightly')`,
    [client.clientId, await hashSecret(client.clientSecret)]);
}, 120_000);

afterAll(async () => {
  await hub?.stop().catch(() => undefined);
  pg?.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const token = (role: string, org: string) => mintToken({ sub: `${role}@${org}`, org, roles: [role as 'integration'] }, SECRET,
  { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '10m' });

/** Every entry point, each as a client would call it with valid credentials. */
const calls: Record<string, () => Promise<Response>> = {
  graphql: () => fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token('social_worker', 'BDG')}` },
    body: JSON.stringify({ query: '{ children(first: 5) { totalCount } }' }) }),
  dfe: () => fetch(`${hub.url}/children_social_care_data/301/children`, { method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token('integration', 'BDG')}` }, body: '[]' }),
  ssda903: () => fetch(`${hub.url}/import/ssda903/BDG`, { method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token('integration', 'BDG')}` },
    body: JSON.stringify({ collectionYear: 2021, children: [] }) }),
  oauth: () => fetch(`${hub.url}/oauth/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }) }),
};

describe('a database outage', () => {
  it('is answered 503 with Retry-After on every path, and the hub recovers when PostgreSQL is back', async () => {
    for (const [name, call] of Object.entries(calls)) expect([name, (await call()).status]).toEqual([name, 200]);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);

    pg.stop();
    for (const [name, call] of Object.entries(calls)) {
      const res = await call();
      const body = await res.text();
      expect([name, res.status]).toEqual([name, 503]);
      expect([name, Number(res.headers.get('retry-after'))]).toEqual([name, expect.any(Number)]);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(body).toMatch(/unavailable/i);
      expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    }
    const graphql = await (await calls.graphql()).json() as { errors: { extensions: { code: string } }[] };
    expect(graphql.errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);

    pg.start();
    for (const [name, call] of Object.entries(calls)) expect([name, (await call()).status]).toEqual([name, 200]);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
  }, 120_000);
});
