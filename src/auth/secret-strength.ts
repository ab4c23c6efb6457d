// What production refuses as a key or password: anything short enough to guess offline from one token, and any value
// written in this repository (a default in docker-compose.yml, a test or bench key), since everyone can read those.
// tests/auth/secret-strength.test.ts scans the tracked files so this list cannot fall behind them.

/** The fewest bytes an HS256 secret may have (RFC 7518 §3.2: a key at least as long as the hash output). */
export const MIN_SECRET_BYTES = 32;

/** Values that have been published in this repository; never accepted as a production secret or password. */
export const PUBLISHED_VALUES: readonly string[] = [
  'change-me-local-development-secret-0123456789', // docker-compose.yml's JWT_SECRET default until 2026-11
  'hub-local-only', // docker-compose.yml's POSTGRES_PASSWORD default until 2026-11
  'test-secret-that-is-long-enough-for-hs256-0123456789', // tests/support/test-hub.ts
  'bench-secret-that-is-long-enough-for-hs256-0123456789', // bench/
];

/** Why `value` may not be the production `name`, or null when it may. */
export function weakSecretReason(name: string, value: string): string | null {
  if (PUBLISHED_VALUES.includes(value)) return `${name} is a value published in the hub's repository; choose a secret of your own`;
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) return `${name} must be at least ${MIN_SECRET_BYTES} bytes (e.g. openssl rand -hex 32)`;
  return null;
}

/** Why the password in a PostgreSQL URL may not be used in production, or null. Only published values are refused:
 * the password's length is the database operator's business. */
export function weakDatabasePasswordReason(url: string): string | null {
  let password: string;
  try { password = decodeURIComponent(new URL(url).password); } catch { return null; }
  return password && PUBLISHED_VALUES.includes(password)
    ? 'The password in DATABASE_URL is a value published in the hub\'s repository; set POSTGRES_PASSWORD (or the URL) to one of your own'
    : null;
}
