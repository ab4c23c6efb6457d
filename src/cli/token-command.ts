import { mintToken } from '../auth/mint-token';
import { isRole, ROLES } from '../auth/roles';
import { resolveVerificationKey } from '../auth/signing-keys';
import { parseDuration, readEnvironment } from '../config/environment';
import { CliCommand, required, UsageError } from './cli-command';

/** `hub token --role ROLE --org CODE [--sub ID] [--ttl 8h]`: mints a token with the configured key. */
export const tokenCommand: CliCommand = {
  words: ['token'],
  usage: 'hub token --role ROLE --org CODE [--sub ID] [--name TEXT] [--ttl 8h]',
  async run(o) {
    const role = required(o, 'role');
    const org = required(o, 'org');
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const key = resolveVerificationKey(readEnvironment());
    if (!key.signingKey) throw new UsageError('tokens can be minted only with JWT_SECRET (this hub verifies tokens from JWT_PUBLIC_KEY)');
    const ttl = typeof o.ttl === 'string' ? o.ttl : '8h';
    let seconds: number;
    try { seconds = parseDuration('--ttl', ttl); } catch (err) { throw new UsageError((err as Error).message); }
    if (seconds > key.maxLifetimeSeconds) {
      throw new UsageError(`--ttl may be at most ${key.maxLifetimeSeconds} seconds, the hub's JWT_MAX_LIFETIME: a longer token would be refused`);
    }
    const sub = typeof o.sub === 'string' ? o.sub : `${role}.${org}`.toLowerCase();
    const token = mintToken({ sub, org, roles: [role], ...(typeof o.name === 'string' ? { name: o.name } : {}) }, key.signingKey,
      { issuer: key.issuer, audience: key.audience, ttl: seconds });
    process.stdout.write(`${token}\n`);
    return 0;
  },
};
