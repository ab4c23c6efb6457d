import * as jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'crypto';
import { AuthorityDirectory } from '../../src/auth/authority-directory';
import { resolveVerificationKey } from '../../src/auth/signing-keys';
import { authenticate, AuthenticationError } from '../../src/auth/verify-token';
import { readEnvironment } from '../../src/config/environment';
import { Sql } from '../../src/db/sql';

/** A directory over fixed rows, so these tests exercise verification alone. */
const directory = new AuthorityDirectory({
  query: async () => [
    { code: 'ALE', name: 'Adopt London East', kind: 'REGIONAL_ADOPTION_AGENCY', laNumber: null, raaCode: null },
    { code: 'NHM', name: 'Newham', kind: 'LOCAL_AUTHORITY', laNumber: 316, raaCode: 'ALE' },
  ],
} as unknown as Sql);

describe('tokens from an LA identity provider (JWT_PUBLIC_KEY)', () => {
  for (const [alg, keyType, opts] of [['RS256', 'rsa', { modulusLength: 2048 }], ['ES256', 'ec', { namedCurve: 'P-256' }]] as const) {
    it(`verifies ${alg} with the configured public key and refuses HS256 signed with that key`, async () => {
      const { publicKey, privateKey } = generateKeyPairSync(keyType as 'rsa', opts as { modulusLength: number });
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      // Production: only the configured key (development would also accept its own demo key).
      const key = resolveVerificationKey(readEnvironment({ JWT_PUBLIC_KEY: pem, NODE_ENV: 'production' }));
      expect(key.algorithms).toEqual([alg]);
      const good = jwt.sign({ sub: 'idp-user', org: 'NHM', roles: ['social_worker'] }, privateKey, { algorithm: alg, issuer: 'permanence-hub', audience: 'permanence-hub', expiresIn: '5m' });
      const viewer = await authenticate(`Bearer ${good}`, key, directory);
      expect(viewer).toMatchObject({ sub: 'idp-user', org: 'NHM', orgKind: 'LOCAL_AUTHORITY', raa: 'ALE', raaMembers: ['NHM'] });
      // An HMAC-signed token: the pinned algorithm list refuses it whatever its key.
      const confused = jwt.sign({ sub: 'x', org: 'NHM', roles: ['social_worker'] }, 'x'.repeat(64), { algorithm: 'HS256', issuer: 'permanence-hub', audience: 'permanence-hub', expiresIn: '5m' });
      await expect(authenticate(`Bearer ${confused}`, key, directory)).rejects.toBeInstanceOf(AuthenticationError);
    });
  }

  it('requires a key in production', () => {
    expect(() => resolveVerificationKey(readEnvironment({ NODE_ENV: 'production' }))).toThrow(/JWT_SECRET or JWT_PUBLIC_KEY/);
  });
});
