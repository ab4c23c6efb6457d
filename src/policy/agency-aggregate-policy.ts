import { Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';

/** Which RAAs' own aggregates (adopter pipeline, waits, enquiries, matches) a role sees, and whether suppressed. */
export interface AgencyAggregateRule {
  agencies: (viewer: Viewer) => string[];
  suppressSmallNumbers: boolean;
}

const ownRaa = (v: Viewer): string[] => (v.raa ? [v.raa] : []);

/**
 * Aggregates of RAA-owned records (households, matches) are scoped by agency, not by LA: a household belongs to no
 * LA. RAA staff see their RAA's figures in full. LA staff (social_worker, la_analyst) see their RAA's figures with
 * counts 1–4 suppressed: the households are not their organisation's records, and a social worker may reach only
 * the households linked to its own children (docs/access-policy.md), so small numbers could point at a family.
 * Support cases are counted per LA of residence and so follow the LA rules of aggregate-policy.ts instead.
 */
export const agencyAggregatePolicy: Partial<Record<Role, AgencyAggregateRule>> = {
  family_finder: { agencies: ownRaa, suppressSmallNumbers: false },
  raa_manager: { agencies: ownRaa, suppressSmallNumbers: false },
  social_worker: { agencies: ownRaa, suppressSmallNumbers: true },
  la_analyst: { agencies: ownRaa, suppressSmallNumbers: true },
};

/** The viewer's agency scope over all its roles: suppressed unless some role sees that agency unsuppressed. */
export function agencyScope(viewer: Viewer): { agencies: string[]; suppressed: string[] } {
  const open = new Set<string>();
  const suppressedOnly = new Set<string>();
  for (const role of viewer.roles) {
    const rule = agencyAggregatePolicy[role];
    if (!rule) continue;
    for (const a of rule.agencies(viewer)) (rule.suppressSmallNumbers ? suppressedOnly : open).add(a);
  }
  for (const a of open) suppressedOnly.delete(a);
  return { agencies: [...open, ...suppressedOnly].sort(), suppressed: [...suppressedOnly].sort() };
}
