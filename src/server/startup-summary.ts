import { AddressInfo } from 'net';
import { Environment } from '../config/environment';
import { databaseHost } from '../config/setting-problems';

/** How the hub accepts tokens, in words an operator recognises (the variables that set it). */
export function authModes(env: Environment): string[] {
  const modes: string[] = [];
  if (env.jwtPublicKey) modes.push('JWT_PUBLIC_KEY: RS256/ES256 tokens from an identity provider');
  if (env.jwtSecret) modes.push('JWT_SECRET: HS256 tokens from the hub (hub token, POST /oauth/token)');
  if (!env.production) modes.push('development key under HUB_DATA_DIR (demo tokens)');
  return modes;
}

/**
 * The startup line: mode, database (host and port only, never the user or password), how tokens are checked, and
 * where the hub listens. Logged once the port is open.
 */
export function startupSummary(env: Environment, o: { databaseUrl: string; embedded: boolean; address: AddressInfo | string | null; readySeconds: number }) {
  const listen = o.address && typeof o.address === 'object' ? `${o.address.address}:${o.address.port}` : `${env.host}:${env.port}`;
  return {
    event: 'startup',
    mode: env.production ? 'production' : 'development',
    database: o.embedded ? `embedded PostgreSQL under ${env.dataDir} (${databaseHost(o.databaseUrl)})` : databaseHost(o.databaseUrl),
    auth: authModes(env),
    tokenIssuer: env.jwtIssuer,
    tokenAudience: env.jwtAudience,
    maxTokenLifetimeSeconds: env.jwtMaxLifetimeSeconds,
    listen,
    readySeconds: o.readySeconds,
  };
}
