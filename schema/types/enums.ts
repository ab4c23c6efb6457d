import { registerEnumType } from 'type-graphql';
import { HOUSEHOLD_LEFT_REASONS, LINK_END_REASONS, LINK_INITIATORS, LINK_STATUSES, LINK_STEPS } from '../../src/domain/links';
import { ADOPTER_STAGES, NEED_LEVELS, PERMANENCE_STAGES, SEXES, SUPPORT_CASE_TYPES } from '../../src/domain/stages';

/** Builds a GraphQL enum object whose keys and values are the same strings. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const PermanenceStageEnum = enumOf(PERMANENCE_STAGES);
export const AdopterStageEnum = enumOf(ADOPTER_STAGES);
export const SupportCaseTypeEnum = enumOf(SUPPORT_CASE_TYPES);
export const NeedLevelEnum = enumOf(NEED_LEVELS);
export const SexEnum = enumOf(SEXES);
export const AuthorityKindEnum = enumOf(['LOCAL_AUTHORITY', 'REGIONAL_ADOPTION_AGENCY'] as const);
export const ChangeOperationEnum = enumOf(['UPSERT', 'DELETE'] as const);
export const ChildOrderEnum = enumOf(['DAYS_WAITING', 'AGE', 'FIRST_NAME', 'LAST_NAME', 'DATE_OF_BIRTH'] as const);

registerEnumType(PermanenceStageEnum, { name: 'PermanenceStage', description: 'Stages of family finding (ALE tracker), in order' });
registerEnumType(AdopterStageEnum, { name: 'AdopterStage', description: "Stages of an adopter household's journey" });
registerEnumType(SupportCaseTypeEnum, { name: 'SupportCaseType', description: 'Adoption support case types' });
registerEnumType(NeedLevelEnum, { name: 'NeedLevel', description: 'How far a household could meet a need' });
registerEnumType(SexEnum, { name: 'Sex' });
registerEnumType(AuthorityKindEnum, { name: 'AuthorityKind' });
registerEnumType(ChangeOperationEnum, { name: 'ChangeOperation' });
registerEnumType(ChildOrderEnum, {
  name: 'ChildOrder',
  description: 'Order of the children list; DAYS_WAITING (longest first) is the default. Each sorts only where the field is readable.',
});

/** How the dashboard breaks down children in active family finding (src/services/family-finding-aggregates.ts). */
export const BreakdownDimensionEnum = enumOf(['AGE_BAND', 'SIBLING_NEED', 'ETHNIC_GROUP'] as const);
registerEnumType(BreakdownDimensionEnum, {
  name: 'BreakdownDimension',
  description: 'AGE_BAND (whole years: Under 1, 1-2, 3-4, 5-9, 10+), SIBLING_NEED (Solo, With one sibling, With two or more siblings) or ETHNIC_GROUP',
});

/** The link journey's codes (src/domain/links.ts). */
export const LinkStatusEnum = enumOf(LINK_STATUSES);
export const LinkStepEnum = enumOf(LINK_STEPS);
export const LinkInitiatorEnum = enumOf(LINK_INITIATORS);
export const LinkEndReasonEnum = enumOf(LINK_END_REASONS);
export const HouseholdLeftReasonEnum = enumOf(HOUSEHOLD_LEFT_REASONS);
registerEnumType(LinkStatusEnum, { name: 'LinkStatus', description: "Where a link between a child (or sibling group) and a household is in its journey, or ENDED" });
registerEnumType(LinkStepEnum, { name: 'LinkStep', description: 'A step of the link journey, in order (EXPRESSION_OF_INTEREST to ADOPTION_ORDER)' });
registerEnumType(LinkInitiatorEnum, {
  name: 'LinkInitiator',
  description: "Who started the link: CHILD_SIDE (the child's social worker or family finder) or HOUSEHOLD_SIDE (the adopters, e.g. adopter-led matching)",
});
registerEnumType(LinkEndReasonEnum, {
  name: 'LinkEndReason',
  description: "Why a link ended: declined by the household, declined by the child's social worker, a disruption (placement ended) before or after the adoption order, or other",
});
registerEnumType(HouseholdLeftReasonEnum, {
  name: 'HouseholdLeftReason',
  description: 'Why a household left the process (ASGLB adopter tab): withdrew, on hold, application refused, approval rescinded, other',
});
