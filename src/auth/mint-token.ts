import { KeyObject } from 'crypto';
import * as jwt from 'jsonwebtoken';
import { Role } from './roles';

/** What a minted token says about its holder. */
export interface TokenClaims {
  sub: string;
  org: string;
  roles: Role[];
  name?: string;
}

/** Signs an HS256 token with the hub's issuer and audience; `ttl` like '8h' or seconds. */
export function mintToken(claims: TokenClaims, secret: KeyObject | string, opts: { issuer: string; audience: string; ttl?: string | number }): string {
  return jwt.sign({ ...claims }, secret, {
    algorithm: 'HS256', issuer: opts.issuer, audience: opts.audience,
    expiresIn: (opts.ttl ?? '8h') as jwt.SignOptions['expiresIn'],
  });
}
