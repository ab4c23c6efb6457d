import { EntityPolicy, RowRule } from './policy-types';
import { ownLocalAuthority } from './row-scopes';

/** Every field of a Link the API can serve. */
export type LinkField =
  | 'id' | 'agency' | 'sourceId' | 'status' | 'child' | 'siblingGroup' | 'household'
  | 'interestOn' | 'linkedOn' | 'matchingPanelOn' | 'matchedOn' | 'placedOn' | 'adoptionOrderOn' | 'endedOn'
  | 'initiatedBy' | 'placingAgency' | 'interAgency' | 'endedAtStep' | 'endReason';

/** Links kept by the viewer's RAA. */
const ownRaaLinks: RowRule = (v, p, a) => (v.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? `${a}.authority = ${p.add(v.org)}` : null);

/**
 * Links to one of the viewer's LA's children, directly or through the child's sibling group: the same reach as
 * its children (ownLocalAuthority over the child or group row).
 */
const linksToOwnChildren: RowRule = (v, p, a) => {
  const child = ownLocalAuthority(v, p, 'lc');
  const group = ownLocalAuthority(v, p, 'lg');
  if (child === null || group === null) return null;
  return `(EXISTS (SELECT 1 FROM child lc WHERE lc.id = ${a}.child_id AND ${child})
    OR EXISTS (SELECT 1 FROM sibling_group lg WHERE lg.id = ${a}.sibling_group_id AND ${group}))`;
};

const allReaders = { social_worker: 'allow', family_finder: 'allow', raa_manager: 'allow', integration: 'allow' } as const;

/**
 * The data-sharing agreement for links (access-policy.md has no row for them; read as the README says): an LA's
 * social worker sees its own children's links (the link is part of the child's record, which the LA owns), RAA
 * staff their RAA's links (the RAA keeps them), an integration client as its organisation; la_analyst and auditor
 * none. A link holds no personal detail beyond which child and household it joins and its dates, so every field is
 * readable wherever the row is; the child and household behind it are served under their own policies.
 */
export const linkPolicy: EntityPolicy<LinkField> = {
  entity: 'Link',
  table: 'adoption_match',
  rows: {
    social_worker: linksToOwnChildren,
    family_finder: ownRaaLinks,
    raa_manager: ownRaaLinks,
    integration: (v, p, a) => (v.orgKind === 'LOCAL_AUTHORITY' ? linksToOwnChildren(v, p, a) : ownRaaLinks(v, p, a)),
  },
  columns: {
    id: (a) => `${a}.id`,
    agency: (a) => `${a}.authority`,
    sourceId: (a) => `${a}.source_id`,
    status: (a) => `${a}.status`,
    child: (a) => `${a}.child_id`,
    siblingGroup: (a) => `${a}.sibling_group_id`,
    household: (a) => `${a}.household_id`,
    interestOn: (a) => `to_char(${a}.interest_on, 'YYYY-MM-DD')`,
    linkedOn: (a) => `to_char(${a}.linked_on, 'YYYY-MM-DD')`,
    matchingPanelOn: (a) => `to_char(${a}.matching_panel_on, 'YYYY-MM-DD')`,
    matchedOn: (a) => `to_char(${a}.matched_on, 'YYYY-MM-DD')`,
    placedOn: (a) => `to_char(${a}.placed_on, 'YYYY-MM-DD')`,
    adoptionOrderOn: (a) => `to_char(${a}.adoption_order_on, 'YYYY-MM-DD')`,
    endedOn: (a) => `to_char(${a}.ended_on, 'YYYY-MM-DD')`,
    initiatedBy: (a) => `${a}.initiated_by`,
    placingAgency: (a) => `${a}.placing_agency`,
    interAgency: (a) => `${a}.inter_agency`,
    endedAtStep: (a) => `${a}.ended_at_step`,
    endReason: (a) => `${a}.end_reason`,
  },
  fields: {
    id: allReaders, agency: allReaders, sourceId: allReaders, status: allReaders, child: allReaders,
    siblingGroup: allReaders, household: allReaders, interestOn: allReaders, linkedOn: allReaders,
    matchingPanelOn: allReaders, matchedOn: allReaders, placedOn: allReaders, adoptionOrderOn: allReaders,
    endedOn: allReaders, initiatedBy: allReaders, placingAgency: allReaders, interAgency: allReaders,
    endedAtStep: allReaders, endReason: allReaders,
  },
};
