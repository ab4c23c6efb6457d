import { SYSTEM_CONTEXT } from '../auth/viewer';
import { Database } from './sql';

/** Why a request may run SQL outside any viewer's row scope: each is a named path, and there is no other. */
export type SystemPurpose =
  /** A sync mutation writing its own authority's records, after the write gate (src/policy/write-policy.ts). */
  | 'sync'
  /** Writing or deleting the viewer's own saved search (a person's settings, not shared records). */
  | 'saved-search';

/**
 * The named system context: from a GraphQL request, the one way to unscoped SQL and to transactions. Read paths never
 * hold the database: they get the viewer's runner (`RequestContext.sql`), and every statement they build carries the
 * viewer's row scope (src/policy, compiled by src/compiler). Migrations run through `openDatabase` before the hub
 * serves, and the demo loader, imports and the DfE endpoint are system paths of the server, not of a request.
 */
export class SystemContext {
  readonly [SYSTEM_CONTEXT] = true;

  constructor(private readonly db: Database) {}

  /** The database, for one named purpose. */
  for(purpose: SystemPurpose): Database {
    if (purpose !== 'sync' && purpose !== 'saved-search') throw new Error(`no system path named ${String(purpose)}`);
    return this.db;
  }
}
