import { Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';
import { MIN_GROUP, SMALL_NUMBER_MAX } from './inference-control-policy';

/** Which authorities' aggregates a role sees, and whether small numbers are suppressed for it. */
export interface AggregateRule {
  authorities: (viewer: Viewer) => string[];
  suppressSmallNumbers: boolean;
}

/** Counts from 1 to 4 are suppressed for aggregate-only users; zero is shown (inference-control-policy.ts). */
export { SMALL_NUMBER_MAX };
/** Scorecard averages over fewer children than this are suppressed for aggregate-only users. */
export const MIN_CHILDREN_FOR_AVERAGE = MIN_GROUP;

const ownLa = (v: Viewer): string[] => (v.orgKind === 'LOCAL_AUTHORITY' ? [v.org] : []);
const raaMembers = (v: Viewer): string[] => v.raaMembers;

/**
 * The aggregate rules of docs/access-policy.md ("Filters, sorts and aggregates"). Roles absent here (auditor,
 * integration) get no aggregates. Aggregates are scoped by authority: a stage count is not child-level data.
 */
export const aggregatePolicy: Partial<Record<Role, AggregateRule>> = {
  social_worker: { authorities: ownLa, suppressSmallNumbers: false },
  family_finder: { authorities: raaMembers, suppressSmallNumbers: false },
  raa_manager: { authorities: raaMembers, suppressSmallNumbers: false },
  la_analyst: { authorities: (v) => [...new Set([...ownLa(v), ...raaMembers(v)])], suppressSmallNumbers: true },
};

/**
 * The viewer's aggregate scope over all its roles: the union of authorities, and suppression unless some role
 * may see that authority's figures unsuppressed.
 */
export function aggregateScope(viewer: Viewer): { authorities: string[]; suppressed: string[] } {
  const open = new Set<string>();
  const suppressedOnly = new Set<string>();
  for (const role of viewer.roles) {
    const rule = aggregatePolicy[role];
    if (!rule) continue;
    for (const a of rule.authorities(viewer)) (rule.suppressSmallNumbers ? suppressedOnly : open).add(a);
  }
  for (const a of open) suppressedOnly.delete(a);
  return { authorities: [...open, ...suppressedOnly].sort(), suppressed: [...suppressedOnly].sort() };
}

/** A count as an aggregate-only viewer may see it: 1 to 4 become null (suppressed); zero stays. */
export function suppressCount(count: number, suppress: boolean): { count: number | null; suppressed: boolean } {
  if (suppress && count >= 1 && count <= SMALL_NUMBER_MAX) return { count: null, suppressed: true };
  return { count, suppressed: false };
}
