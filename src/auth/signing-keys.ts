import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { Algorithm } from 'jsonwebtoken';
import { Environment } from '../config/environment';

/** The key that verifies tokens, and the only algorithms it accepts (pinned: never taken from the token). */
export interface VerificationKey {
  key: string;
  algorithms: Algorithm[];
  issuer: string;
  audience: string;
  /** The HS256 secret, when the hub itself can mint tokens (`hub token`, the OAuth token endpoint). */
  signingSecret: string | undefined;
}

/**
 * Chooses the verification key: JWT_PUBLIC_KEY (RS256/ES256 from an LA's identity provider) or JWT_SECRET (HS256).
 * In development, with neither, a random secret is created once under `.data/` so tokens survive restarts.
 */
export function resolveVerificationKey(env: Environment): VerificationKey {
  const base = { issuer: env.jwtIssuer, audience: env.jwtAudience };
  if (env.jwtPublicKey) {
    const pem = env.jwtPublicKey.replace(/\\n/g, '\n');
    const algorithms: Algorithm[] = /BEGIN (EC )?PUBLIC KEY/.test(pem) && isEcKey(pem) ? ['ES256'] : ['RS256'];
    return { ...base, key: pem, algorithms, signingSecret: env.jwtSecret };
  }
  if (env.jwtSecret) return { ...base, key: env.jwtSecret, algorithms: ['HS256'], signingSecret: env.jwtSecret };
  if (env.production) throw new Error('JWT_SECRET or JWT_PUBLIC_KEY is required when NODE_ENV=production');
  const secret = developmentSecret(env.dataDir);
  return { ...base, key: secret, algorithms: ['HS256'], signingSecret: secret };
}

function isEcKey(pem: string): boolean {
  // Parsing the key is the reliable test; the PEM header alone does not say RSA or EC for SPKI keys.
  const { createPublicKey } = require('crypto') as typeof import('crypto');
  return createPublicKey(pem).asymmetricKeyType === 'ec';
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
