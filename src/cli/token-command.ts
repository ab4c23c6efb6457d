import { mintToken } from '../auth/mint-token';
import { isRole, ROLES } from '../auth/roles';
import { resolveVerificationKey } from '../auth/signing-keys';
import { readEnvironment } from '../config/environment';
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
    if (!key.signingSecret) throw new UsageError('tokens can be minted only with JWT_SECRET (this hub verifies tokens from JWT_PUBLIC_KEY)');
    const sub = typeof o.sub === 'string' ? o.sub : `${role}.${org}`.toLowerCase();
    const token = mintToken({ sub, org, roles: [role], ...(typeof o.name === 'string' ? { name: o.name } : {}) }, key.signingSecret,
      { issuer: key.issuer, audience: key.audience, ttl: typeof o.ttl === 'string' ? o.ttl : '8h' });
    process.stdout.write(`${token}\n`);
    return 0;
  },
};
