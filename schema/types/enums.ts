import { registerEnumType } from 'type-graphql';
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

/** The inference-control rule a figure was published under (src/policy/inference-control-policy.ts). */
export const InferenceControlEnum = enumOf(['NONE', 'SMALL_NUMBERS', 'SCORECARD_YEAR_GROUPS'] as const);
registerEnumType(InferenceControlEnum, {
  name: 'InferenceControl',
  description: 'The rule a figure was published under: NONE (in full), SMALL_NUMBERS (counts 1-4 withheld with complementary '
    + 'cells; dated figures as at 31 March or a quarter end), SCORECARD_YEAR_GROUPS (a window withheld when a year inside it '
    + 'has a group of 1-4 children). `inferenceControlRules` gives the wording.',
  valuesConfig: {
    NONE: { description: 'Figures in full: the viewer sees these figures unsuppressed' },
    SMALL_NUMBERS: { description: 'Counts 1-4 withheld, then the smallest other counts of the row (months: calendar year) until the withheld cells hold at least 5' },
    SCORECARD_YEAR_GROUPS: { description: 'A three-year figure withheld unless every financial year inside has each of its groups of children 0 or at least 5' },
  },
});

/** Why a figure is withheld. */
export const SuppressionReasonEnum = enumOf(['SMALL_NUMBER', 'COMPLEMENTARY', 'SMALL_GROUP_IN_A_YEAR'] as const);
registerEnumType(SuppressionReasonEnum, {
  name: 'SuppressionReason',
  description: 'Why a figure is withheld',
  valuesConfig: {
    SMALL_NUMBER: { description: 'A count from 1 to 4' },
    COMPLEMENTARY: { description: 'Withheld so that a withheld small number cannot be worked out from a total' },
    SMALL_GROUP_IN_A_YEAR: { description: 'A financial year inside the scorecard window has a group of 1 to 4 children' },
  },
});
