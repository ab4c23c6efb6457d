// Identity and keys (issue 8 §3, issue 9 §2): tokens the hub issues verify on the hub whatever else is configured,
// keys are KeyObjects (a secret is never tried as a public key), lifetimes are bounded and `nbf` honoured, and
// production refuses weak or published secrets. Every hub here is a real one on a real PostgreSQL.
import * as jwt from 'jsonwebtoken';
import { createHmac, generateKeyPairSync, randomBytes } from 'crypto';
import { resolveVerificationKey } from '../../src/auth/signing-keys';
import { CLOCK_SKEW_SECONDS, verifySignedClaims } from '../../src/auth/verify-token';
import { readEnvironment } from '../../src/config/environment';
import { startHub } from '../../src/server/start-hub';
import { addClient, LA } from '../sync/dfe-csc/csc-test-hub';
import { seedAuthorities } from '../support/factories';
import { createTestDatabase } from '../support/test-database';
import { startTestHub, TEST_AUDIENCE, TEST_ISSUER, TestHub } from '../support/test-hub';

const now = () => Math.floor(Date.now() / 1000);
const ME = '{ me { org roles } }';

async function oauthToken(hub: TestHub, org: string): Promise<string> {
  const { clientId, clientSecret } = await addClient(hub, org);
  const res = await fetch(`${hub.url}/oauth/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }) });
  expect(res.status).toBe(200);
  return (await res.json() as { access_token: string }).access_token;
}

describe('a hub with JWT_PUBLIC_KEY and JWT_SECRET', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ production: true, env: { JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    await seedAuthorities(hub.t.db);
  });
  afterAll(async () => hub.close());

  it('accepts the tokens it issues at /oauth/token, on the DfE endpoint and on GraphQL', async () => {
    const token = await oauthToken(hub, 'BDG');
    const dfe = await fetch(`${hub.url}/children_social_care_data/${LA.BDG}/children`, { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '[]' });
    expect(dfe.status).toBe(200);
    const me = await hub.gql(token, ME);
    expect(me.body.data.me).toEqual({ org: 'BDG', roles: ['integration'] });
  });

  it('still accepts the identity provider\'s ES256 tokens, and refuses HS256 signed with anything but its own secret', async () => {
    const idp = jwt.sign({ sub: 'idp-user', org: 'NHM', roles: ['social_worker'] }, privateKey, { algorithm: 'ES256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '5m' });
    expect((await hub.gql(idp, ME)).body.data.me).toEqual({ org: 'NHM', roles: ['social_worker'] });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const confused = jwt.sign({ sub: 'x', org: 'NHM', roles: ['social_worker'] }, pem, { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '5m' });
    expect((await hub.gql(confused, ME)).status).toBe(401);
  });
});

describe('keys are KeyObjects', () => {
  it('verifies an HS256 secret that happens to parse as a public key as the secret it is', async () => {
    // As a string, jsonwebtoken would first try this secret as a PEM public key, succeed, and refuse every HS256 token.
    const secret = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const hub = await startTestHub({ env: { JWT_SECRET: secret } });
    try {
      await seedAuthorities(hub.t.db);
      const token = jwt.sign({ sub: 'sw', org: 'BDG', roles: ['social_worker'] }, secret, { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '5m' });
      expect((await hub.gql(token, ME)).body.data.me).toEqual({ org: 'BDG', roles: ['social_worker'] });
    } finally {
      await hub.close();
    }
  });
});

describe('token lifetime', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { JWT_MAX_LIFETIME: '2h' } });
    await seedAuthorities(hub.t.db);
  });
  afterAll(async () => hub.close());
  // Signed by hand, so any claim can be written (jsonwebtoken's sign validates claims and adds iat).
  const sign = (claims: Record<string, unknown>) => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'sw', org: 'BDG', roles: ['social_worker'], iss: TEST_ISSUER, aud: TEST_AUDIENCE, ...claims })}`;
    return `${body}.${createHmac('sha256', hub.secret).update(body).digest('base64url')}`;
  };

  it('accepts a token within JWT_MAX_LIFETIME', async () => {
    expect((await hub.gql(sign({ exp: now() + 3600 }), ME)).status).toBe(200);
    expect((await hub.gql(sign({ iat: now() - 3600, exp: now() + 3500 }), ME)).status).toBe(200);
  });

  it.each([
    ['exp centuries ahead', () => ({ exp: now() + 300 * 365 * 86400 })],
    ['exp beyond the maximum from now (no iat)', () => ({ exp: now() + 3 * 3600 })],
    ['exp - iat beyond the maximum, though exp is near', () => ({ iat: now() - 3 * 3600, exp: now() + 600 })],
    ['nbf in the future', () => ({ exp: now() + 3600, nbf: now() + 600 })],
    ['nbf that is not a number', () => ({ exp: now() + 3600, nbf: 'soon' })],
  ])('refuses %s with 401', async (_name, claims) => {
    const res = await hub.gql(sign(claims()), ME);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reads JWT_MAX_LIFETIME as seconds or with a unit, and refuses nonsense', () => {
    expect(readEnvironment({}).jwtMaxLifetimeSeconds).toBe(12 * 3600);
    expect(readEnvironment({ JWT_MAX_LIFETIME: '90m' }).jwtMaxLifetimeSeconds).toBe(5400);
    expect(readEnvironment({ JWT_MAX_LIFETIME: '600' }).jwtMaxLifetimeSeconds).toBe(600);
    expect(() => readEnvironment({ JWT_MAX_LIFETIME: 'forever' })).toThrow(/JWT_MAX_LIFETIME/);
  });
});

describe('production secrets', () => {
  const prod = (vars: NodeJS.ProcessEnv) => readEnvironment({ NODE_ENV: 'production', ...vars });

  it('refuses a JWT_SECRET under 32 bytes', () => {
    expect(() => resolveVerificationKey(prod({ JWT_SECRET: 'short' }))).toThrow(/at least 32 bytes/);
    expect(() => resolveVerificationKey(prod({ JWT_SECRET: 'x'.repeat(31) }))).toThrow(/at least 32 bytes/);
    expect(() => resolveVerificationKey(prod({ JWT_SECRET: randomBytes(32).toString('hex') }))).not.toThrow();
  });

  it('refuses the JWT_SECRET that docker-compose.yml used to default to', () => {
    expect(() => resolveVerificationKey(prod({ JWT_SECRET: 'change-me-local-development-secret-0123456789' }))).toThrow(/published/);
  });

  it('will not start on a DATABASE_URL whose password is the published compose default', async () => {
    const t = await createTestDatabase();
    try {
      const url = new URL(t.url);
      url.password = 'hub-local-only';
      const env = { ...prod({ JWT_SECRET: randomBytes(32).toString('hex') }), port: 0 };
      await expect(startHub(env, url.toString(), { port: 0 })).rejects.toThrow(/published/);
    } finally {
      await t.close();
    }
  });
});

describe('tokens the hub issues under a short JWT_MAX_LIFETIME', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { JWT_MAX_LIFETIME: '20m' } });
    await seedAuthorities(hub.t.db);
  });
  afterAll(async () => hub.close());

  it('are issued for no longer than the hub accepts, so they verify on it: OAuth client tokens and demo tokens', async () => {
    const { clientId, clientSecret } = await addClient(hub, 'BDG');
    const res = await fetch(`${hub.url}/oauth/token`, { method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }) });
    const issued = await res.json() as { access_token: string; expires_in: number };
    expect(issued.expires_in).toBe(1200);
    expect((await hub.gql(issued.access_token, ME)).status).toBe(200);
    const demo = await (await fetch(`${hub.url}/dashboard/demo-token?role=la_analyst&org=BDG`)).json() as { token: string };
    expect((await hub.gql(demo.token, ME)).status).toBe(200);
  });
});

describe('a token verified once', () => {
  const secret = randomBytes(32).toString('hex');
  const key = resolveVerificationKey(readEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret }));
  const signed = (exp: number) => jwt.sign({ sub: 'ff1', org: 'ALE', roles: ['family_finder'], exp }, secret,
    { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
  afterEach(() => { jest.restoreAllMocks(); });

  it('is remembered for its bytes only, and still expires on time', () => {
    const token = signed(now() + 600);
    expect(verifySignedClaims(token, key).sub).toBe('ff1');
    expect(verifySignedClaims(token, key).sub).toBe('ff1');
    // The same claims with one byte of the signature changed are not the remembered token.
    const last = token.slice(-1) === 'A' ? 'B' : 'A';
    expect(() => verifySignedClaims(token.slice(0, -1) + last, key)).toThrow(/not valid/);
    // Ten minutes and the clock skew later, the remembered token has expired like any other.
    const later = Date.now() + (600 + CLOCK_SKEW_SECONDS + 1) * 1000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    expect(() => verifySignedClaims(token, key)).toThrow(/expired/);
  });
});
