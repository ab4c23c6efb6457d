import { mintToken } from '../auth/mint-token';
import { resolveVerificationKey } from '../auth/signing-keys';
import { readEnvironment } from '../config/environment';
import { UsageError } from './cli-command';

/**
 * The token a `hub import` command sends: `--token`, else HUB_TOKEN, else (outside production, where the local
 * development key exists) a 10-minute integration token for the authority, named after the command.
 */
export function importToken(option: string | boolean | undefined, authority: string, command: string): string {
  if (typeof option === 'string' && option) return option;
  if (process.env.HUB_TOKEN) return process.env.HUB_TOKEN;
  const env = readEnvironment();
  if (env.production) throw new UsageError('--token or HUB_TOKEN is required');
  // The development key, never an operator's JWT_SECRET: a token minted unasked must not work on a real deployment.
  const key = resolveVerificationKey(env);
  if (!key.demoKey) throw new UsageError('--token or HUB_TOKEN is required');
  return mintToken({ sub: `${command}.${authority.toLowerCase()}`, org: authority, roles: ['integration'] }, key.demoKey,
    { issuer: key.issuer, audience: key.audience, ttl: '10m' });
}
