import { AuthenticationError, authenticate } from '../auth/verify-token';
import { AuthorityDirectory } from '../auth/authority-directory';
import { VerificationKey } from '../auth/signing-keys';
import { CountingSql, Database } from '../db/sql';
import { gateFor, GatedSql } from '../db/viewer-statement-gate';
import { createLoaders } from '../loaders/create-loaders';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { clientError, serviceUnavailable } from '../policy/errors';
import { SystemContext } from '../db/system-context';
import { RequestContext } from './request-context';

/** What building a context needs from the running hub. */
export interface ContextDeps {
  db: Database;
  authorities: AuthorityDirectory;
  key: VerificationKey;
}

/**
 * Verifies the token once and builds the request's viewer, statement counter, and loaders.
 * A request that fails authentication stops here with UNAUTHENTICATED: nothing else runs. One that cannot reach the
 * database to resolve its organisation stops with SERVICE_UNAVAILABLE (503).
 */
export async function createRequestContext(deps: ContextDeps, authorization: string | undefined, requestId: string): Promise<RequestContext> {
  let viewer;
  try {
    viewer = await authenticate(authorization, deps.key, deps.authorities);
  } catch (err) {
    // An outage is not a bad token: 503 with Retry-After, so a client tries again instead of doubting its credentials.
    if (!(err instanceof AuthenticationError) && isDatabaseUnavailable(err)) throw serviceUnavailable({ requestId });
    const message = err instanceof AuthenticationError ? err.message : 'The token could not be verified.';
    throw clientError('UNAUTHENTICATED', message, { requestId });
  }
  // The viewer's statements queue on its own gate, so one client cannot hold the pool (viewer-statement-gate.ts).
  const sql = new CountingSql(new GatedSql(deps.db, gateFor(deps.db), `${viewer.org}|${viewer.sub}`));
  return { requestId, viewer, sql, system: new SystemContext(deps.db), authorities: deps.authorities, loaders: createLoaders(sql, viewer) };
}
