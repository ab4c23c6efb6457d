import { AuthorityDirectory } from '../auth/authority-directory';
import { Viewer } from '../auth/viewer';
import { CountingSql, Database } from '../db/sql';
import { Loaders } from '../loaders/create-loaders';
import type { ShapedResult } from '../compiler/result-shaper';

/**
 * Everything one GraphQL request carries: the verified viewer, a statement-counting handle on the database, the
 * request's own DataLoaders, and its access recorder. Built once per request by `createRequestContext`.
 */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** Every read goes through this, so a request's statements can be counted. */
  sql: CountingSql;
  /** For writes that need a transaction (sync mutations). */
  db: Database;
  authorities: AuthorityDirectory;
  /** DataLoaders for the reads that are not compiled (households and their adopters). */
  loaders: Loaders;
  /** The operation's compiled statement, run once by its first compiled root field (src/compiler/compiled-reads.ts). */
  compiled?: Promise<ShapedResult>;
}
