// Development mode (issue 8 §3): demo tokens are signed with the development key only (never the operator's
// JWT_SECRET, so they open nothing on a real deployment), the hub listens on 127.0.0.1 unless HOST says otherwise,
// and the demo is loaded only into a database without authorities, saying so when it refuses.
import * as jwt from 'jsonwebtoken';
import { randomBytes } from 'crypto';
import { AddressInfo } from 'net';
import { readEnvironment } from '../../src/config/environment';
import { describeDemoLoad, loadDemoIntoEmptyHub } from '../../src/demo/load-demo-partnership';
import { seedAuthorities } from '../support/factories';
import { createTestDatabase } from '../support/test-database';
import { startTestHub, TEST_AUDIENCE, TEST_ISSUER, TestHub } from '../support/test-hub';

describe('demo tokens', () => {
  const operatorSecret = randomBytes(32).toString('hex');
  let dev: TestHub;
  let prod: TestHub;
  beforeAll(async () => {
    dev = await startTestHub({ env: { JWT_SECRET: operatorSecret } });
    prod = await startTestHub({ production: true, env: { JWT_SECRET: operatorSecret } });
    await seedAuthorities(dev.t.db);
    await seedAuthorities(prod.t.db);
  });
  afterAll(async () => { await dev.close(); await prod.close(); });

  it('work on the development hub but are not signed with the operator\'s JWT_SECRET, so a production hub refuses them', async () => {
    const res = await fetch(`${dev.url}/dashboard/demo-token?role=social_worker&org=BDG`);
    expect(res.status).toBe(200);
    const { token } = await res.json() as { token: string };
    expect((await dev.gql(token, '{ me { org } }')).body.data.me).toEqual({ org: 'BDG' });
    expect(() => jwt.verify(token, operatorSecret, { algorithms: ['HS256'], issuer: TEST_ISSUER, audience: TEST_AUDIENCE })).toThrow(/signature/);
    const onProduction = await prod.gql(token, '{ me { org } }');
    expect(onProduction.status).toBe(401);
    // The operator's own tokens keep working on both.
    expect((await prod.gql(prod.token('social_worker', 'BDG'), '{ me { org } }')).body.data.me).toEqual({ org: 'BDG' });
    expect((await dev.gql(dev.token('social_worker', 'BDG'), '{ me { org } }')).body.data.me).toEqual({ org: 'BDG' });
  });
});

describe('HOST', () => {
  it('is 127.0.0.1 in development unless set, and every interface in production', async () => {
    expect(readEnvironment({}).host).toBe('127.0.0.1');
    expect(readEnvironment({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(readEnvironment({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const local = await startTestHub();
    try {
      expect((local.hub.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally { await local.close(); }
    const everywhere = await startTestHub({ env: { HOST: '0.0.0.0' } });
    try {
      expect((everywhere.hub.server.address() as AddressInfo).address).toBe('0.0.0.0');
    } finally { await everywhere.close(); }
  });
});

describe('the demo partnership', () => {
  it('is not loaded into a database that holds authorities, and the refusal says why', async () => {
    const t = await createTestDatabase();
    try {
      await t.db.query(`INSERT INTO authority (code, name, kind) VALUES ('XRA', 'Some Real Agency', 'REGIONAL_ADOPTION_AGENCY')`);
      const outcome = await loadDemoIntoEmptyHub(t.db);
      expect(outcome).toEqual({ loaded: false, reason: 'not-empty', authorities: 1 });
      expect(describeDemoLoad(outcome)).toMatch(/already holds 1 authority.*only into an empty hub/);
      const [{ children, authorities }] = await t.db.query<{ children: number; authorities: number }>(
        `SELECT (SELECT count(*)::int FROM child) AS children, (SELECT count(*)::int FROM authority) AS authorities`);
      expect({ children, authorities }).toEqual({ children: 0, authorities: 1 });
    } finally { await t.close(); }
  });

  it('is loaded into an empty database, once', async () => {
    const t = await createTestDatabase();
    try {
      expect(await loadDemoIntoEmptyHub(t.db)).toEqual({ loaded: true });
      expect(await loadDemoIntoEmptyHub(t.db)).toMatchObject({ loaded: false, reason: 'already-loaded' });
    } finally { await t.close(); }
  }, 120_000);
});
