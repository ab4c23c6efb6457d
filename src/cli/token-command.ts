import { AuthorityEntity } from '../../entities/authority.entity';
import { mintToken } from '../auth/mint-token';
import { isRole, ROLES } from '../auth/roles';
import { resolveVerificationKey } from '../auth/signing-keys';
import { parseDuration, readEnvironment } from '../config/environment';
import { CliCommand, EXIT, optional, required, UsageError } from './cli-command';
import { withLocalDatabase } from './local-database';

/** A duration in the largest whole unit, for messages: 43200 -> "12h". */
function shortDuration(seconds: number): string {
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

/** Seconds in a --ttl such as 3600, 90m or 8h, at most the hub's JWT_MAX_LIFETIME; a UsageError for anything else. */
export function ttlSeconds(text: string, maxLifetimeSeconds: number): number {
  let seconds: number;
  try {
    seconds = parseDuration('--ttl', text);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (seconds > maxLifetimeSeconds) {
    throw new UsageError(`--ttl may be at most ${shortDuration(maxLifetimeSeconds)} (the hub's JWT_MAX_LIFETIME; a longer token would be refused), got "${text}"`);
  }
  return seconds;
}

/** `hub token`: mints a token with the configured key, for an authority registered in the hub's database. */
export const tokenCommand: CliCommand = {
  words: ['token'],
  summary: "Mints a signed token for a person or script of a registered authority, with the hub's own key.",
  details: 'The token is printed alone on stdout; send it as "Authorization: Bearer <token>". The authority must be registered\n'
    + '(hub authority add); the key is JWT_SECRET, or in development the key kept under HUB_DATA_DIR.',
  options: {
    role: { type: 'string', value: 'ROLE', required: true, description: `one of ${ROLES.join(', ')}` },
    org: { type: 'string', value: 'CODE', required: true, description: 'the registered authority the holder works for' },
    sub: { type: 'string', value: 'ID', description: 'the holder\'s id, recorded in the audit trail', default: 'ROLE.org' },
    name: { type: 'string', value: 'TEXT', description: "the holder's name, shown by the hub" },
    ttl: { type: 'string', value: 'DURATION', description: 'lifetime: seconds, or a number with s, m, h or d, at most JWT_MAX_LIFETIME', default: '8h' },
  },
  environment: {
    JWT_SECRET: 'the HS256 key (development, without it: the development key kept under HUB_DATA_DIR)',
    'JWT_ISSUER, JWT_AUDIENCE': 'written into iss and aud (default: permanence-hub)',
    JWT_MAX_LIFETIME: 'the longest --ttl accepted, as the hub refuses longer tokens (default: 12h)',
    DATABASE_URL: "the hub's PostgreSQL, where the authority is looked up (default: the embedded one)",
    HUB_DATA_DIR: 'where the embedded PostgreSQL and the development key live (default: .data/)',
  },
  exitCodes: {
    0: 'the token is printed',
    2: 'usage mistake: an unknown role, an authority the hub does not know, a bad --ttl, or no JWT_SECRET to sign with',
    3: 'the database could not be reached (the message names the setting to change)',
  },
  examples: ['hub token --role family_finder --org ALE --sub jo.bloggs --name "Jo Bloggs" --ttl 2h'],
  async run(o) {
    const role = required(o, 'role');
    const org = required(o, 'org').toUpperCase();
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got "${role}")`);
    const key = resolveVerificationKey(readEnvironment());
    const ttl = ttlSeconds(optional(o, 'ttl') ?? '8h', key.maxLifetimeSeconds);
    if (!key.signingKey) throw new UsageError('tokens can be minted only with JWT_SECRET (this hub verifies tokens from JWT_PUBLIC_KEY)');
    await withLocalDatabase(async (ds) => {
      const registered = await ds.getRepository(AuthorityEntity).find({ select: { code: true }, order: { code: 'ASC' } });
      if (!registered.some((a) => a.code === org)) {
        const known = registered.map((a) => a.code);
        const list = known.length === 0 ? 'none is registered yet'
          : `registered: ${known.slice(0, 12).join(', ')}${known.length > 12 ? `, and ${known.length - 12} more` : ''}`;
        throw new UsageError(`${org} is not a registered authority (${list}); add it with: hub authority add --code ${org} --name "..."`);
      }
    });
    const sub = optional(o, 'sub') ?? `${role}.${org}`.toLowerCase();
    const name = optional(o, 'name');
    const token = mintToken({ sub, org, roles: [role], ...(name ? { name } : {}) }, key.signingKey,
      { issuer: key.issuer, audience: key.audience, ttl });
    process.stdout.write(`${token}\n`);
    return EXIT.ok;
  },
};
