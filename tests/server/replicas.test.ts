// Several stateless hub processes against one PostgreSQL (issue 9 §3, docs/replicas.md): the DfE rate limit is one
// limit whichever process a request reaches, and an authority registered through one process is recognised by the
// other within a second (LISTEN/NOTIFY), without waiting for any cache to expire.
import { DFE_CSC_RATE_LIMIT } from '../../src/server/dfe-csc/rate-limiter';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  a = await startTestHub();
  b = await startTestHub({ database: a.t });
  await seedAuthorities(a.t.db);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const postBatch = (hub: TestHub, token: string) => fetch(`${hub.url}/children_social_care_data/301/children`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '[]' });

describe('two hub processes on one database', () => {
  it('share the DfE endpoint\'s rate limit: what one client may send is one burst across both', async () => {
    const token = a.token('integration', 'BDG', 'bdg-replica-client');
    const { burst, perSecond } = DFE_CSC_RATE_LIMIT;
    // Twice the burst, alternating between the processes: with a bucket per process every one would be let through.
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 2 * burst }, (_, i) => postBatch(i % 2 ? b : a, token)));
    const elapsed = (Date.now() - started) / 1000;
    const allowed = answers.filter((r) => r.status === 200).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(allowed + refused.length).toBe(2 * burst);
    // One bucket: the burst, plus what it regained while the requests were in flight.
    expect(allowed).toBeGreaterThanOrEqual(burst);
    expect(allowed).toBeLessThanOrEqual(burst + Math.ceil(perSecond * elapsed));
    expect(refused.every((r) => Number(r.headers.get('retry-after')) > 0)).toBe(true);
    // Another client's bucket is its own.
    expect((await postBatch(b, a.token('integration', 'BDG', 'bdg-other-client'))).status).toBe(200);
  });

  it('see an authority added through one process on the other within a second', async () => {
    const token = b.token('social_worker', 'NEWLA');
    // Both processes have the directory cached (the unknown organisation was looked up on each).
    expect((await b.gql(token, '{ me { org } }')).status).toBe(401);
    expect((await a.gql(token, '{ me { org } }')).status).toBe(401);
    await a.hub.deps.db.query(`INSERT INTO authority (code, name, kind, la_number, raa_code) VALUES ('NEWLA', 'New LA', 'LOCAL_AUTHORITY', 999, 'ALE')`);
    const added = Date.now();
    let status = 0;
    while (Date.now() - added < 1000) {
      status = (await b.gql(token, '{ me { org } }')).status;
      if (status === 200) break;
    }
    expect(status).toBe(200);
    expect((await b.gql(token, '{ me { org } }')).body.data.me).toEqual({ org: 'NEWLA' });
  });
});

describe('two hub processes starting together on a new database', () => {
  it('both come up: one applies the migrations while the other waits', async () => {
    const { Client } = await import('pg');
    const { withDatabase } = await import('../support/global-setup');
    const server = process.env.HUB_TEST_SERVER_URL!;
    const name = `hub_replica_fresh_${process.pid}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(server, name);
    const database = { url, close: async () => undefined } as unknown as import('../support/test-database').TestDatabase;
    const started = await Promise.allSettled([startTestHub({ database }), startTestHub({ database })]);
    try {
      expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await s.value.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
