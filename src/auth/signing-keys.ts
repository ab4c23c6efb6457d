import * as fs from 'fs';
import * as path from 'path';
import { createPublicKey, createSecretKey, KeyObject, randomBytes } from 'crypto';
import { Algorithm } from 'jsonwebtoken';
import { Environment } from '../config/environment';
import { weakSecretReason } from './secret-strength';

/** One accepted algorithm and the keys that verify it (pinned: the key is chosen by algorithm, never the reverse). */
export interface Verifier {
  algorithm: Algorithm;
  keys: KeyObject[];
}

/**
 * How the hub verifies and signs tokens. Keys are KeyObjects, so jsonwebtoken never tries a secret as a public key
 * (or the reverse) and each algorithm is checked only with keys of its own kind.
 */
export interface VerificationKey {
  verifiers: Verifier[];
  /** The accepted algorithms (the verifiers' algorithms). */
  algorithms: Algorithm[];
  issuer: string;
  audience: string;
  /** The longest lifetime a token may have, in seconds. */
  maxLifetimeSeconds: number;
  /**
   * The HS256 key of the hub's own tokens (`POST /oauth/token`, `hub token`): JWT_SECRET, or in development without
   * any configured key the development key. Always among the verifiers, so a token the hub issues verifies on it.
   */
  signingKey: KeyObject | undefined;
  /** Development only: the key demo tokens are signed with. Never a key the operator supplied. */
  demoKey: KeyObject | undefined;
}

/**
 * Builds the key ring. JWT_PUBLIC_KEY (RS256/ES256 from an LA's identity provider) and JWT_SECRET (HS256, the hub's
 * own tokens) may both be set: each verifies only its own algorithm. In development the key kept under the data folder
 * signs demo tokens and is accepted too. In production a secret under 32 bytes or published in the repository is refused.
 */
export function resolveVerificationKey(env: Environment): VerificationKey {
  const verifiers: Verifier[] = [];
  if (env.jwtPublicKey) {
    const key = createPublicKey(env.jwtPublicKey.replace(/\\n/g, '\n'));
    verifiers.push({ algorithm: key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256', keys: [key] });
  }
  const hmac: KeyObject[] = [];
  let signingKey: KeyObject | undefined;
  if (env.jwtSecret) {
    if (env.production) {
      const reason = weakSecretReason('JWT_SECRET', env.jwtSecret);
      if (reason) throw new Error(reason);
    }
    signingKey = createSecretKey(Buffer.from(env.jwtSecret, 'utf8'));
    hmac.push(signingKey);
  } else if (env.production && !env.jwtPublicKey) {
    throw new Error('JWT_SECRET or JWT_PUBLIC_KEY is required when NODE_ENV=production');
  }
  let demoKey: KeyObject | undefined;
  if (!env.production) {
    demoKey = createSecretKey(Buffer.from(developmentSecret(env.dataDir), 'utf8'));
    hmac.push(demoKey);
    // With no key configured at all, the development key is the hub's own key too (`hub token`, the token endpoint).
    if (!env.jwtSecret && !env.jwtPublicKey) signingKey = demoKey;
  }
  if (hmac.length) verifiers.push({ algorithm: 'HS256', keys: hmac });
  return {
    verifiers, algorithms: verifiers.map((v) => v.algorithm), issuer: env.jwtIssuer, audience: env.jwtAudience,
    maxLifetimeSeconds: env.jwtMaxLifetimeSeconds, signingKey, demoKey,
  };
}

/** The development HS256 secret kept under the data folder (created on first use, readable by the owner only). */
export function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
