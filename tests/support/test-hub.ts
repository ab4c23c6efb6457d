import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { mintToken } from '../../src/auth/mint-token';
import { Role } from '../../src/auth/roles';
import { readEnvironment } from '../../src/config/environment';
import { RequestLimitOptions } from '../../src/server/plugins/request-limits.plugin';
import { RunningHub, startHub } from '../../src/server/start-hub';
import { createTestDatabase, TestDatabase } from './test-database';

/** The HS256 secret, issuer and audience every test hub uses. */
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_ISSUER = 'permanence-hub';
export const TEST_AUDIENCE = 'permanence-hub';

/** A hub serving HTTP on a free port over a fresh database of its own. */
export interface TestHub {
  hub: RunningHub;
  t: TestDatabase;
  url: string;
  /** The hub's JWT_SECRET: TEST_SECRET, or in production (which refuses published values) a random one. */
  secret: string;
  /** A valid token for `role` at `org`. */
  token(role: Role | Role[], org: string, sub?: string): string;
  /** POSTs a GraphQL operation; returns the HTTP status and parsed body. */
  gql<T = any>(token: string | undefined, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<{ status: number; body: T }>;
  /** The `data` of a query asked as `role` at `org`; throws with the errors when there are any. */
  data<T = any>(role: Role | Role[], org: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts a test hub (real PostgreSQL, real HTTP) over a fresh database, or over `database` (another hub's: replicas).
 * Its development key lives in a temporary folder, never under the project.
 */
export async function startTestHub(opts: { limits?: RequestLimitOptions; production?: boolean; database?: TestDatabase; env?: NodeJS.ProcessEnv; compiledResponses?: boolean } = {}): Promise<TestHub> {
  const t = opts.database ?? await createTestDatabase();
  const secret = opts.env?.JWT_SECRET ?? (opts.production ? randomBytes(32).toString('hex') : TEST_SECRET);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-data-'));
  const env = { ...readEnvironment({ JWT_SECRET: secret, NODE_ENV: opts.production ? 'production' : 'test', HUB_DATA_DIR: dataDir, ...opts.env }), port: 0 };
  let hub: RunningHub;
  try {
    hub = await startHub(env, t.url, { port: 0, limits: opts.limits, compiledResponses: opts.compiledResponses });
  } catch (err) {
    if (!opts.database) await t.close();
    throw err;
  }
  const testHub: TestHub = {
    hub, t, url: hub.url, secret,
    token: (role, org, sub) => mintToken({ sub: sub ?? `${[role].flat().join('+')}@${org}`, org, roles: [role].flat() as Role[] }, secret,
      { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, ttl: '1h' }),
    gql: async (token, query, variables, operationName) => {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables, operationName }),
      });
      const text = await res.text();
      let body: any;
      try { body = JSON.parse(text); } catch { body = { raw: text }; }
      return { status: res.status, body };
    },
    data: async (role, org, query, variables) => {
      const { body } = await testHub.gql(testHub.token(role, org), query, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    close: async () => {
      await hub.stop();
      if (!opts.database) await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testHub;
}
