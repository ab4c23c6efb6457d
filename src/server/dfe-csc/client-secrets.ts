// Integration clients of the OAuth2 token endpoint: ids and secrets made here, secrets kept only as salted scrypt
// hashes (`scrypt$N$r$p$<salt>$<hash>`, base64url) and checked in constant time.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'crypto';
import type { Sql } from '../../db/sql';

const scrypt = (secret: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(secret, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** A new client id (`hub_` and 24 hex digits) and secret (43 base64url characters, 256 bits). */
export function newClientCredentials(): { clientId: string; clientSecret: string } {
  return { clientId: `hub_${randomBytes(12).toString('hex')}`, clientSecret: randomBytes(32).toString('base64url') };
}

/** The stored form of a secret, with its own random salt. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** True when `secret` is the one `stored` was made from. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length,
    { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A registered client: its authority and name. */
export interface IntegrationClient {
  clientId: string;
  org: string;
  name: string;
}

// Checked when the id is unknown, so a wrong id costs as long as a wrong secret and timing does not tell them apart.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The client these credentials belong to, or null (unknown id or wrong secret). */
export async function authenticateClient(sql: Sql, clientId: string, secret: string): Promise<IntegrationClient | null> {
  const rows = await sql.query<{ client_id: string; org: string; name: string; secret_hash: string }>(
    `SELECT client_id, org, name, secret_hash FROM integration_client WHERE client_id = $1`, [clientId]);
  const row = rows[0];
  const ok = await verifySecret(secret, row?.secret_hash ?? DUMMY_HASH);
  return row && ok ? { clientId: row.client_id, org: row.org, name: row.name } : null;
}
