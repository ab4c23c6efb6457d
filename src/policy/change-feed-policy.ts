// Who reads which entries of an authority's change feed (`changes`), as SQL over the entry aliased `cl`. The feed
// holds identifiers only, but a child's id is still child-level data: an entry is served only about a child the
// viewer may see (issue 8 §2), and every child id served is audited (resolvers/change-feed.resolver.ts).
import type { Viewer } from '../auth/viewer';
import { childPolicy } from './child-policy';
import { rowScope } from './enforce';
import { forbidden } from './errors';
import { SqlParams } from './sql-params';

/** Whose feed the viewer reads: its own organisation's, or (an RAA) a member LA's. */
export type FeedScope = 'OWN' | 'MEMBER_LA';

/**
 * Which part of `authority`'s feed the viewer reads: its own organisation's whole feed, or (an RAA) a member LA's
 * child entries as `feedEntryScope` limits them. Anything else is FORBIDDEN.
 */
export function feedScope(viewer: Viewer, authority: string): FeedScope {
  if (authority === viewer.org) return 'OWN';
  if (viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' && viewer.raaMembers.includes(authority)) return 'MEMBER_LA';
  throw forbidden(`You may read the change feed of ${viewer.org}${viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? ' and its member LAs' : ''} only.`);
}

/**
 * The entries of a member LA's feed an RAA reads, or null (its own feed: every entry):
 * - an UPSERT of a child now in the viewer's child row scope;
 * - a DELETE of a child the viewer could once see: an earlier UPSERT of it recorded the child, as written then
 *   (its authority and `child_stage`), inside the viewer's child row scope. The row rules for RAA viewers read only
 *   a child's authority and stage, so they are applied unchanged to that record; a rule reading any other column
 *   would fail here loudly rather than widen anything.
 * A child never in the RAA's scope (no stage, or only ever ADOPTED or PLAN_CHANGED) gives it no entry at all.
 */
export function feedEntryScope(scope: FeedScope, viewer: Viewer, p: SqlParams): string | null {
  if (scope === 'OWN') return null;
  return `cl.entity = 'Child' AND (
      (cl.operation = 'UPSERT' AND EXISTS (SELECT 1 FROM child c WHERE c.id = cl.entity_id AND ${rowScope(childPolicy, viewer, p, 'c')}))
      OR (cl.operation = 'DELETE' AND EXISTS (
        SELECT 1 FROM (SELECT e.authority, e.child_stage AS stage FROM change_log e
                       WHERE e.entity_id = cl.entity_id AND e.seq < cl.seq AND e.entity = 'Child' AND e.operation = 'UPSERT') seen
        WHERE ${rowScope(childPolicy, viewer, p, 'seen')})))`;
}

/**
 * The owner's own id as served: on the viewer's own feed always; on a member LA's feed only with an UPSERT (a child
 * the RAA sees now, whose source id it may read). A DELETE reaches an RAA with the hub's id only.
 */
export function feedSourceIdSql(scope: FeedScope): string {
  return scope === 'OWN' ? 'cl.source_id' : `CASE WHEN cl.operation = 'UPSERT' THEN cl.source_id END`;
}
