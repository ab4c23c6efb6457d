import { EntityPolicy, RowRule } from './policy-types';
import { childPolicy } from './child-policy';
import { rowScope } from './enforce';

/** Fields of a sibling group. `children` lists only the children in the viewer's scope. */
export type SiblingGroupField = 'id' | 'authority' | 'sourceId' | 'placeTogether' | 'children';

const ownLaGroups: RowRule = (v, p, a) => (v.orgKind === 'LOCAL_AUTHORITY' ? `${a}.authority = ${p.add(v.org)}` : null);

/** A group is reachable when at least one of its children is (e.g. a family finder's pipeline children). */
const groupsWithChildInScope: RowRule = (v, p, a) =>
  (v.orgKind === 'REGIONAL_ADOPTION_AGENCY'
    ? `EXISTS (SELECT 1 FROM child sc WHERE sc.sibling_group_id = ${a}.id AND ${rowScope(childPolicy, v, p, 'sc')})`
    : null);

const readers = { social_worker: 'allow', family_finder: 'allow', raa_manager: 'allow', integration: 'allow' } as const;

/** The data-sharing agreement for sibling groups (docs/access-policy.md, "Sibling group"). */
export const siblingGroupPolicy: EntityPolicy<SiblingGroupField> = {
  entity: 'SiblingGroup',
  table: 'sibling_group',
  rows: {
    social_worker: ownLaGroups,
    family_finder: groupsWithChildInScope,
    raa_manager: groupsWithChildInScope,
    integration: (v, p, a) => (v.orgKind === 'LOCAL_AUTHORITY' ? ownLaGroups(v, p, a) : groupsWithChildInScope(v, p, a)),
  },
  columns: {
    id: (a) => `${a}.id`,
    authority: (a) => `${a}.authority`,
    sourceId: (a) => `${a}.source_id`,
    placeTogether: (a) => `${a}.place_together`,
    children: (a) => `${a}.id`,
  },
  fields: { id: readers, authority: readers, sourceId: readers, placeTogether: readers, children: readers },
};
