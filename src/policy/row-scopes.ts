import { RAA_VISIBLE_STAGES } from '../domain/stages';
import { RowRule } from './policy-types';

/** Children (or anything with `authority`) owned by the viewer's own LA. */
export const ownLocalAuthority: RowRule = (v, p, a) =>
  (v.orgKind === 'LOCAL_AUTHORITY' ? `${a}.authority = ${p.add(v.org)}` : null);

/** Children of the RAA's member LAs in the live pipeline (UNBORN to MATCHED_PLACED). */
export const raaPipelineChildren: RowRule = (v, p, a) =>
  (v.orgKind === 'REGIONAL_ADOPTION_AGENCY'
    ? `(${a}.authority = ANY(${p.add(v.raaMembers)}::text[]) AND ${a}.stage = ANY(${p.add(RAA_VISIBLE_STAGES)}::text[]))`
    : null);

/** An integration client reads children as its LA (own children) or its RAA (the pipeline). */
export const integrationChildren: RowRule = (v, p, a) =>
  (v.orgKind === 'LOCAL_AUTHORITY' ? ownLocalAuthority(v, p, a) : raaPipelineChildren(v, p, a));

/** Records owned by the viewer's RAA (households, support cases). */
export const ownAgency: RowRule = (v, p, a) =>
  (v.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? `${a}.agency = ${p.add(v.org)}` : null);

/** Households linked or matched to one of the viewer's LA's children (directly or through a sibling group). */
export const householdsLinkedToOwnChildren: RowRule = (v, p, a) => {
  if (v.orgKind !== 'LOCAL_AUTHORITY') return null;
  const org = p.add(v.org);
  return `EXISTS (SELECT 1 FROM adoption_match m
    LEFT JOIN child mc ON mc.id = m.child_id
    LEFT JOIN sibling_group msg ON msg.id = m.sibling_group_id
    WHERE m.household_id = ${a}.id AND (mc.authority = ${org} OR msg.authority = ${org}))`;
};

/**
 * Households of the RAA the viewer's LA belongs to: the households a social worker may be offered as suggestions
 * for its own LA's children (household-policy.ts, householdSuggestionPolicy). Not a general read scope.
 */
export const householdsOfOwnLasRaa: RowRule = (v, p, a) =>
  (v.orgKind === 'LOCAL_AUTHORITY' && v.raa !== null ? `${a}.agency = ${p.add(v.raa)}` : null);
