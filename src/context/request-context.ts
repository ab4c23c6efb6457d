import { AuthorityDirectory } from '../auth/authority-directory';
import { Viewer } from '../auth/viewer';
import { CountingSql } from '../db/sql';
import { SystemContext } from '../db/system-context';
import { Loaders } from '../loaders/create-loaders';
import type { ShapedResult } from '../compiler/result-shaper';

/**
 * Everything one GraphQL request carries: the verified viewer, its statement runner, the named system context
 * for writes, the request's own DataLoaders and its compiled statement. Built once per request by `createRequestContext`.
 */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** The viewer's statement runner: every read goes through it (counted, and queued on the viewer's gate). */
  sql: CountingSql;
  /** The named system context: the only way to unscoped SQL and transactions (sync writes, saved searches). */
  system: SystemContext;
  authorities: AuthorityDirectory;
  /** DataLoaders for the reads that are not compiled (households and their adopters). */
  loaders: Loaders;
  /** The operation's compiled statement, run once by its first compiled root field (src/compiler/compiled-reads.ts). */
  compiled?: Promise<ShapedResult>;
}
