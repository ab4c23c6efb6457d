import * as jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'crypto';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, TEST_AUDIENCE, TEST_ISSUER, TEST_SECRET, TestHub } from '../support/test-hub';

const QUERY = '{ children { totalCount edges { node { firstName } } } }';

function sign(claims: Record<string, unknown>, opts: jwt.SignOptions = {}, secret: jwt.Secret = TEST_SECRET): string {
  return jwt.sign({ sub: 'sw1', org: 'BDG', roles: ['social_worker'], ...claims }, secret,
    { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '1h', ...opts });
}

function b64(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

describe('token attacks: each gets UNAUTHENTICATED and nothing else runs', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    await makeChild(h.t.db, { authority: 'BDG', first_name: 'Secret' });
  });
  afterAll(async () => { await h.close(); });

  const now = () => Math.floor(Date.now() / 1000);
  const { privateKey: rsaKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const cases: [string, () => string | undefined][] = [
    ['a missing token', () => undefined],
    ['a malformed token', () => 'not-a-jwt'],
    ['a token with a bad signature', () => sign({}, {}, 'some-other-secret-that-is-long-enough-0123456789')],
    ['an expired token', () => jwt.sign({ sub: 'sw1', org: 'BDG', roles: ['social_worker'], exp: now() - 600 }, TEST_SECRET, { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE })],
    ['a token without exp', () => jwt.sign({ sub: 'sw1', org: 'BDG', roles: ['social_worker'] }, TEST_SECRET, { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE })],
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'sw1', org: 'BDG', roles: ['social_worker'], iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: now() + 600 })}.`],
    ['an RS256 token where HS256 is pinned', () => jwt.sign({ sub: 'sw1', org: 'BDG', roles: ['social_worker'] }, rsaKey, { algorithm: 'RS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '1h' })],
    ['HS512 with the right secret (algorithm not pinned)', () => sign({}, { algorithm: 'HS512' })],
    ['the wrong issuer', () => sign({}, { issuer: 'someone-else' })],
    ['the wrong audience', () => sign({}, { audience: 'another-api' })],
    ['an unknown role', () => sign({ roles: ['superuser'] })],
    ['an empty role list', () => sign({ roles: [] })],
    ['an unknown org', () => sign({ org: 'XYZ' })],
    ['no sub', () => jwt.sign({ org: 'BDG', roles: ['social_worker'] }, TEST_SECRET, { algorithm: 'HS256', issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn: '1h' })],
    ['a token issued in the future beyond the skew', () => sign({ nbf: now() + 3600 })],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const before = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log');
    const res = await h.gql(make(), QUERY);
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res.body)).not.toContain('Secret');
    const after = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log');
    expect(after[0].n).toBe(before[0].n);
  });

  it('accepts a well-formed token within the clock skew', async () => {
    const res = await h.gql(sign({ iat: now() + 10 }), QUERY);
    expect(res.status).toBe(200);
    expect(res.body.data.children.totalCount).toBe(1);
  });
});
