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
 * Verifies `Authorization: Bearer <JWT>` and resolves the viewer. Algorithms, issuer and audience are pinned; the
 * key is chosen by the token's algorithm among the configured ones; `exp` is required, `nbf` is honoured and the
 * lifetime is bounded; the org must be a known authority and every role a known role. A database that cannot be
 * reached while resolving the org is not an authentication failure: that error propagates as it is.
 */
export async function authenticate(header: string | undefined, key: VerificationKey, authorities: AuthorityDirectory): Promise<Viewer> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header?.trim() ?? '');
  if (!match) throw new AuthenticationError('A bearer token is required (Authorization: Bearer <JWT>).');
  const claims = verifySignedClaims(match[1], key);
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

/** Most verified tokens remembered per key (a client sends the same token with every request until it expires). */
const MAX_REMEMBERED_TOKENS = 10_000;
const verified = new WeakMap<VerificationKey, Map<string, jwt.JwtPayload>>();

/**
 * The token's claims once its signature, algorithm, issuer, audience, `exp`, `nbf` and lifetime are checked. A token
 * already verified with this key is not verified again (an HMAC or RSA check per request for the same bytes): only
 * the checks that depend on the clock, `exp` and `nbf`, are repeated.
 */
export function verifySignedClaims(token: string, key: VerificationKey): jwt.JwtPayload {
  let remembered = verified.get(key);
  const known = remembered?.get(token);
  if (known) {
    const now = Math.floor(Date.now() / 1000);
    if (known.exp! + CLOCK_SKEW_SECONDS <= now) {
      remembered!.delete(token);
      throw new AuthenticationError('The token has expired.');
    }
    if (typeof known.nbf === 'number' && known.nbf - CLOCK_SKEW_SECONDS > now) throw new AuthenticationError('The token is not valid yet.');
    return known;
  }
  const claims = verifyWithoutMemory(token, key);
  if (!remembered) verified.set(key, remembered = new Map());
  if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, claims);
  return claims;
}

function verifyWithoutMemory(token: string, key: VerificationKey): jwt.JwtPayload {
  const header = jwt.decode(token, { complete: true })?.header;
  const verifier = key.verifiers.find((v) => v.algorithm === header?.alg);
  if (!verifier) throw new AuthenticationError('The token is not valid.');
  let claims: jwt.JwtPayload | undefined;
  let expired = false;
  for (const k of verifier.keys) {
    try {
      const decoded = jwt.verify(token, k, {
        algorithms: [verifier.algorithm], issuer: key.issuer, audience: key.audience, clockTolerance: CLOCK_SKEW_SECONDS,
      });
      if (typeof decoded === 'string') throw new AuthenticationError('The token has no claims.');
      claims = decoded;
      break;
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      if (err instanceof jwt.TokenExpiredError) expired = true;
    }
  }
  if (!claims) throw new AuthenticationError(expired ? 'The token has expired.' : 'The token is not valid.');
  if (typeof claims.exp !== 'number') throw new AuthenticationError('The token must carry an expiry (exp).');
  const now = Math.floor(Date.now() / 1000);
  const max = key.maxLifetimeSeconds;
  if (claims.exp - now > max + CLOCK_SKEW_SECONDS || (typeof claims.iat === 'number' && claims.exp - claims.iat > max)) {
    throw new AuthenticationError(`The token lives longer than this hub accepts (at most ${max} seconds).`);
  }
  return claims;
}
