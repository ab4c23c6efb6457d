import * as jwt from 'jsonwebtoken';
import { AuthorityDirectory } from './authority-directory';
import { isRole, Role } from './roles';
import { VerificationKey } from './signing-keys';
import { Viewer } from './viewer';

/** Seconds of clock difference tolerated between the token's issuer and the hub. */
export const CLOCK_SKEW_SECONDS = 30;

/** A request that cannot be authenticated; the message is safe to show. */
export class AuthenticationError extends Error {}

/**
 * Verifies `Authorization: Bearer <JWT>` and resolves the viewer. Algorithms, issuer and audience are pinned;
 * `exp` is required; the org must be a known authority and every role a known role.
 */
export async function authenticate(header: string | undefined, key: VerificationKey, authorities: AuthorityDirectory): Promise<Viewer> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header?.trim() ?? '');
  if (!match) throw new AuthenticationError('A bearer token is required (Authorization: Bearer <JWT>).');
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(match[1], key.key, {
      algorithms: key.algorithms, issuer: key.issuer, audience: key.audience, clockTolerance: CLOCK_SKEW_SECONDS,
    });
    if (typeof decoded === 'string') throw new AuthenticationError('The token has no claims.');
    claims = decoded;
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw new AuthenticationError('The token has expired.');
    throw new AuthenticationError('The token is not valid.');
  }
  if (typeof claims.exp !== 'number') throw new AuthenticationError('The token must carry an expiry (exp).');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new AuthenticationError('The token must carry a subject (sub).');
  const roles: unknown = claims.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new AuthenticationError('The token must carry a non-empty list of known roles.');
  }
  const org = typeof claims.org === 'string' ? await authorities.get(claims.org) : undefined;
  if (!org) throw new AuthenticationError('The token names an unknown organisation.');
  const raa = org.kind === 'REGIONAL_ADOPTION_AGENCY' ? org.code : org.raaCode;
  return {
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : null,
    org: org.code,
    orgKind: org.kind,
    raa,
    raaMembers: raa ? await authorities.membersOf(raa) : [],
    roles: [...new Set(roles as Role[])],
  };
}
