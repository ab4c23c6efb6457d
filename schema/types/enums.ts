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

/** What each stage means (docs/domain.md), shown beside the value in the explorer. */
const PERMANENCE_STAGE_MEANINGS: Record<keyof typeof PermanenceStageEnum, string> = {
  UNBORN: 'Unborn baby referred for possible early permanence',
  EARLY_MONITORING: 'Early monitoring: adoption may become the plan',
  PARALLEL_PLANNING: 'Parallel (twin-track) planning, adoption one of the plans',
  ADM_DECISION: 'The agency decision maker has decided the child should be placed for adoption',
  FAMILY_FINDING: 'Active family finding (usually once a placement order is granted)',
  PROGRESS_TO_MATCH: 'A link with adopters is being progressed to matching panel',
  MATCHED_PLACED: 'Matched and/or placed with adopters, adoption order not yet made',
  ADOPTED: 'Adoption order granted (the record closes for family finding)',
  PLAN_CHANGED: 'Adoption is no longer the plan',
};

const ADOPTER_STAGE_MEANINGS: Record<keyof typeof AdopterStageEnum, string> = {
  ENQUIRY: 'Registered an interest',
  STAGE_ONE: 'Stage one: registration, checks and preparation',
  STAGE_TWO: 'Stage two: assessment',
  APPROVED: 'Approved, waiting for a match',
  MATCHED: 'Matched with a child',
  PLACED: 'A child placed with them, adoption order not yet made',
  ADOPTION_ORDER: 'Adoption order granted',
  WITHDRAWN: 'Left the process',
};

const SUPPORT_CASE_MEANINGS: Record<keyof typeof SupportCaseTypeEnum, string> = {
  ASSESSMENT: 'An assessment of adoption support needs',
  UNASSESSED_SUPPORT: 'Interim support awaiting assessment',
  DIRECT_CONTACT: 'Supported direct contact with the birth family',
  LETTERBOX_CONTACT: 'Letterbox (indirect) contact with the birth family',
};

/** type-graphql's valuesConfig from a table of value -> description. */
function described<T extends string>(meanings: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(meanings).map(([k, d]) => [k, { description: d as string }])) as Record<T, { description: string }>;
}

registerEnumType(PermanenceStageEnum, {
  name: 'PermanenceStage',
  description: 'Stages of family finding (ALE tracker), in order',
  valuesConfig: described(PERMANENCE_STAGE_MEANINGS),
});
registerEnumType(AdopterStageEnum, {
  name: 'AdopterStage',
  description: "Stages of an adopter household's journey",
  valuesConfig: described(ADOPTER_STAGE_MEANINGS),
});
registerEnumType(SupportCaseTypeEnum, {
  name: 'SupportCaseType',
  description: 'Adoption support case types',
  valuesConfig: described(SUPPORT_CASE_MEANINGS),
});
registerEnumType(NeedLevelEnum, {
  name: 'NeedLevel',
  description: 'How far a household could meet a need',
  valuesConfig: described({ LOW: 'Could meet a low level of this need', MEDIUM: 'Could meet a medium level of this need', HIGH: 'Could meet a high level of this need' }),
});
registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Sex as recorded by the owning authority',
  valuesConfig: described({ MALE: 'Male', FEMALE: 'Female', UNKNOWN: 'Not known or not recorded' }),
});
registerEnumType(AuthorityKindEnum, {
  name: 'AuthorityKind',
  description: 'Whether an authority is a local authority or a regional adoption agency',
  valuesConfig: described({
    LOCAL_AUTHORITY: 'A local authority (owns child records)',
    REGIONAL_ADOPTION_AGENCY: 'A regional adoption agency (owns adopter households and support cases)',
  }),
});
registerEnumType(ChangeOperationEnum, {
  name: 'ChangeOperation',
  description: 'What happened to a record in the change feed',
  valuesConfig: described({ UPSERT: 'The record was created or changed', DELETE: 'The record was erased' }),
});
registerEnumType(ChildOrderEnum, {
  name: 'ChildOrder',
  description: 'Order of the children list; DAYS_WAITING (longest first) is the default. Each sorts only where the field is readable.',
  valuesConfig: described({
    DAYS_WAITING: 'Longest waiting first',
    AGE: 'Youngest first (by age in months)',
    FIRST_NAME: 'By first name, A to Z',
    LAST_NAME: 'By last name, A to Z (needs lastName access)',
    DATE_OF_BIRTH: 'By date of birth, oldest first (needs dateOfBirth access)',
  }),
});

/** How the dashboard breaks down children in active family finding (src/services/family-finding-aggregates.ts). */
export const BreakdownDimensionEnum = enumOf(['AGE_BAND', 'SIBLING_NEED', 'ETHNIC_GROUP'] as const);
registerEnumType(BreakdownDimensionEnum, {
  name: 'BreakdownDimension',
  description: 'How to band children in active family finding',
  valuesConfig: described({
    AGE_BAND: 'Whole years: Under 1, 1-2, 3-4, 5-9, 10+',
    SIBLING_NEED: 'Solo, With one sibling, With two or more siblings',
    ETHNIC_GROUP: 'The DfE ethnic groups (White, Mixed, Asian, Black, Other, Not known)',
  }),
});

/** The link journey's codes (src/domain/links.ts). */
export const LinkStatusEnum = enumOf(LINK_STATUSES);
export const LinkStepEnum = enumOf(LINK_STEPS);
export const LinkInitiatorEnum = enumOf(LINK_INITIATORS);
export const LinkEndReasonEnum = enumOf(LINK_END_REASONS);
export const HouseholdLeftReasonEnum = enumOf(HOUSEHOLD_LEFT_REASONS);
const LINK_STEP_MEANINGS: Record<keyof typeof LinkStepEnum, string> = {
  EXPRESSION_OF_INTEREST: 'An expression of interest between the child and the household',
  LINKED: 'Linked: the link is being explored',
  MATCHING_PANEL: 'Presented to the matching panel',
  MATCHED: 'Matched (agency decision)',
  PLACED: 'The child placed with the household',
  ADOPTION_ORDER: 'Adoption order granted',
};

registerEnumType(LinkStatusEnum, {
  name: 'LinkStatus',
  description: 'Where a link between a child (or sibling group) and a household is in its journey, or ENDED',
  valuesConfig: described({ ...LINK_STEP_MEANINGS, ENDED: 'The link ended before an adoption order (see its end reason)' }),
});
registerEnumType(LinkStepEnum, {
  name: 'LinkStep',
  description: 'A step of the link journey, in order (EXPRESSION_OF_INTEREST to ADOPTION_ORDER)',
  valuesConfig: described(LINK_STEP_MEANINGS),
});
registerEnumType(LinkInitiatorEnum, {
  name: 'LinkInitiator',
  description: 'Who started the link',
  valuesConfig: described({
    CHILD_SIDE: "The child's social worker or family finder",
    HOUSEHOLD_SIDE: 'The adopters (e.g. adopter-led matching)',
  }),
});
registerEnumType(LinkEndReasonEnum, {
  name: 'LinkEndReason',
  description: 'Why a link ended',
  valuesConfig: described({
    DECLINED_BY_HOUSEHOLD: 'The household declined',
    DECLINED_BY_CHILD_SOCIAL_WORKER: "The child's social worker declined",
    DISRUPTION_BEFORE_ORDER: 'The placement ended before the adoption order',
    DISRUPTION_AFTER_ORDER: 'The placement ended after the adoption order',
    OTHER: 'Any other reason',
  }),
});
registerEnumType(HouseholdLeftReasonEnum, {
  name: 'HouseholdLeftReason',
  description: 'Why a household left the process (ASGLB adopter tab)',
  valuesConfig: described({
    WITHDREW: 'The household withdrew',
    ON_HOLD: 'The household put its application on hold',
    APPLICATION_REFUSED: 'The agency refused the application',
    APPROVAL_RESCINDED: 'The agency rescinded its approval',
    OTHER: 'Any other reason',
  }),
});

/** The inference-control rule a figure was published under (src/policy/inference-control-policy.ts). */
export const InferenceControlEnum = enumOf(['NONE', 'SMALL_NUMBERS', 'SCORECARD_YEAR_GROUPS', 'HOUSEHOLD_GROUPS', 'STAGE_FLOW_GROUPS'] as const);
registerEnumType(InferenceControlEnum, {
  name: 'InferenceControl',
  description: 'The rule a figure was published under: NONE (in full), SMALL_NUMBERS (counts 1-4 withheld with complementary '
    + 'cells; dated figures as at the latest 31 March or a quarter end), SCORECARD_YEAR_GROUPS (a window withheld when a year inside it '
    + 'has a group of 1-4 children), HOUSEHOLD_GROUPS (adopter figures), STAGE_FLOW_GROUPS (stage-count trend). '
    + '`inferenceControlRules` gives the wording.',
  valuesConfig: {
    NONE: { description: 'Figures in full: the viewer sees these figures unsuppressed' },
    SMALL_NUMBERS: { description: 'Counts 1-4 withheld, then the smallest other counts of the row (months: calendar quarter) until the withheld cells hold at least 5' },
    SCORECARD_YEAR_GROUPS: { description: 'A three-year figure withheld unless every financial year inside has each of its groups of children 0 or at least 5' },
    HOUSEHOLD_GROUPS: { description: 'An adopter figure withheld unless every group of households it counts (alike in everything the adopter figures count) is 0 or at least 5' },
    STAGE_FLOW_GROUPS: { description: 'Children in a stage on a quarter end withheld unless each group by quarter of entering and of leaving the stage is 0 or at least 5' },
  },
});

/** Why a figure is withheld. */
export const SuppressionReasonEnum = enumOf(['SMALL_NUMBER', 'COMPLEMENTARY', 'SMALL_GROUP_IN_A_YEAR', 'SMALL_HOUSEHOLD_GROUP', 'SMALL_GROUP_IN_A_FLOW'] as const);
registerEnumType(SuppressionReasonEnum, {
  name: 'SuppressionReason',
  description: 'Why a figure is withheld',
  valuesConfig: {
    SMALL_NUMBER: { description: 'A count from 1 to 4' },
    COMPLEMENTARY: { description: 'Withheld so that a withheld small number cannot be worked out from a total' },
    SMALL_GROUP_IN_A_YEAR: { description: 'A financial year inside the scorecard window has a group of 1 to 4 children' },
    SMALL_HOUSEHOLD_GROUP: { description: 'The figure counts a household of a group of 1 to 4 households (HOUSEHOLD_GROUPS)' },
    SMALL_GROUP_IN_A_FLOW: { description: 'Among the children counted, 1 to 4 entered the stage in one quarter and left it in another' },
  },
});

/** The period a scorecard's figures cover (src/services/scorecard-view.ts). */
export const ScorecardPeriodEnum = enumOf(['THREE_YEARS', 'SINGLE_YEAR', 'NEXT_WINDOW'] as const);
registerEnumType(ScorecardPeriodEnum, {
  name: 'ScorecardPeriod',
  description: 'The period a scorecard covers',
  valuesConfig: {
    THREE_YEARS: { description: 'The three financial years ending 31 March yearEnding (the published window)' },
    SINGLE_YEAR: { description: 'The one financial year ending 31 March yearEnding' },
    NEXT_WINDOW: { description: 'The next window (years ending yearEnding+1), from the children adopted in it so far: the projection' },
  },
});

/** The steps of an adopter assessment timed against their norms (src/services/adopter-funnel.ts). */
export const TimelinessMeasureEnum = enumOf(['STAGE_ONE', 'STAGE_TWO', 'REGISTRATION_TO_APPROVAL', 'APPROVAL_TO_MATCH'] as const);
registerEnumType(TimelinessMeasureEnum, {
  name: 'TimelinessMeasure',
  description: 'A step of adopter assessment, timed against its norm',
  valuesConfig: {
    STAGE_ONE: { description: 'Stage 1 start to end; norm about 2 months' },
    STAGE_TWO: { description: 'Stage 2 start to end; norm about 4 months' },
    REGISTRATION_TO_APPROVAL: { description: 'Registration (stage 1 start) to approval; norm 6 months' },
    APPROVAL_TO_MATCH: { description: 'Approval to match; norm 3 months' },
  },
});
