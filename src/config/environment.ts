import { projectPath } from './project-root';

/** The hub's settings, read once from the environment (names as in docs/interface.md and docs/security.md). */
export interface Environment {
  production: boolean;
  databaseUrl: string | undefined;
  port: number;
  /** The address to listen on: 127.0.0.1 in development unless HOST says otherwise; every interface in production. */
  host: string;
  jwtSecret: string | undefined;
  jwtPublicKey: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  /** The longest lifetime a token may have (exp - iat, and exp - now), in seconds. */
  jwtMaxLifetimeSeconds: number;
  dataDir: string;
}

/** Default longest token lifetime: a working day and then some (demo and `hub token` tokens last 8 hours). */
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 12 * 3600;

/** Reads the process environment; `dataDir` is `.data/` in the project root unless HUB_DATA_DIR says otherwise. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    databaseUrl: env.DATABASE_URL || undefined,
    port: env.PORT ? Number(env.PORT) : 4000,
    // A development hub holds demo data and hands out demo tokens: it stays on this machine unless told otherwise.
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    jwtSecret: env.JWT_SECRET || undefined,
    jwtPublicKey: env.JWT_PUBLIC_KEY || undefined,
    jwtIssuer: env.JWT_ISSUER || 'permanence-hub',
    jwtAudience: env.JWT_AUDIENCE || 'permanence-hub',
    jwtMaxLifetimeSeconds: env.JWT_MAX_LIFETIME ? parseDuration('JWT_MAX_LIFETIME', env.JWT_MAX_LIFETIME) : DEFAULT_JWT_MAX_LIFETIME_SECONDS,
    dataDir: env.HUB_DATA_DIR || projectPath('.data'),
  };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in `value`: a whole number of seconds, or a number with s, m, h or d (`90m`, `12h`). */
export function parseDuration(name: string, value: string): number {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(value);
  const seconds = m ? Number(m[1]) * UNIT_SECONDS[m[2] || 's'] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`${name} must be a positive duration such as 3600, 90m or 12h (got "${value}")`);
  }
  return seconds;
}
