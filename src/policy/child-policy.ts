import { EntityPolicy, FieldRule } from './policy-types';
import { integrationChildren, ownLocalAuthority, raaPipelineChildren } from './row-scopes';

/** Every field of a Child the API can serve. */
export type ChildField =
  | 'id' | 'authority' | 'sourceId' | 'firstName' | 'lastName' | 'dateOfBirth' | 'expectedDateOfBirth' | 'ageMonths' | 'sex' | 'ethnicity'
  | 'stage' | 'needs' | 'healthSummary' | 'birthFamilyBackground' | 'upn' | 'nhsNumber' | 'placementPostcode'
  | 'siblingGroup' | 'socialWorker' | 'enteredCareOn' | 'decisionOn' | 'placementOrderOn' | 'fosteringForAdoptionOn'
  | 'matchedOn' | 'placedOn' | 'movedInOn' | 'adoptionOrderOn' | 'planChangedOn' | 'planChangedReason' | 'daysWaiting' | 'links';

const everyone = { social_worker: 'allow', family_finder: 'allow', raa_manager: 'allow', integration: 'allow' } as const;
const ownLaOnly = {
  social_worker: 'allow',
  integration: { LOCAL_AUTHORITY: 'allow' },
} as const;

/** RAA staff read the birth family's background only once a link is being progressed to matching. */
const lateInJourney: FieldRule = {
  when: (a) => `${a}.stage IN ('PROGRESS_TO_MATCH', 'MATCHED_PLACED')`,
  description: 'only when the child is at PROGRESS_TO_MATCH or MATCHED_PLACED',
};

/** Age in whole months today; the exact date of birth stays in the database. */
export const ageMonthsSql = (a: string): string =>
  `(EXTRACT(YEAR FROM age(current_date, ${a}.date_of_birth)) * 12 + EXTRACT(MONTH FROM age(current_date, ${a}.date_of_birth)))::int`;

/** Days from entering care to the match, or to today while unmatched (null before care, e.g. unborn). */
export const daysWaitingSql = (a: string): string => `(COALESCE(${a}.matched_on, current_date) - ${a}.entered_care_on)`;

/** The data-sharing agreement for child records (docs/access-policy.md, "Child"). */
export const childPolicy: EntityPolicy<ChildField> = {
  entity: 'Child',
  table: 'child',
  rows: {
    social_worker: ownLocalAuthority,
    family_finder: raaPipelineChildren,
    raa_manager: raaPipelineChildren,
    integration: integrationChildren,
  },
  columns: {
    id: (a) => `${a}.id`,
    authority: (a) => `${a}.authority`,
    sourceId: (a) => `${a}.source_id`,
    firstName: (a) => `${a}.first_name`,
    lastName: (a) => `${a}.last_name`,
    dateOfBirth: (a) => `to_char(${a}.date_of_birth, 'YYYY-MM-DD')`,
    expectedDateOfBirth: (a) => `to_char(${a}.expected_date_of_birth, 'YYYY-MM-DD')`,
    ageMonths: ageMonthsSql,
    sex: (a) => `${a}.sex`,
    ethnicity: (a) => `${a}.ethnicity`,
    stage: (a) => `${a}.stage`,
    needs: (a) => `${a}.needs`,
    healthSummary: (a) => `${a}.health_summary`,
    birthFamilyBackground: (a) => `${a}.birth_family_background`,
    upn: (a) => `${a}.upn`,
    nhsNumber: (a) => `${a}.nhs_number`,
    placementPostcode: (a) => `${a}.placement_postcode`,
    siblingGroup: (a) => `${a}.sibling_group_id`,
    socialWorker: (a) => `${a}.social_worker`,
    enteredCareOn: (a) => `${a}.entered_care_on`,
    decisionOn: (a) => `${a}.decision_on`,
    placementOrderOn: (a) => `${a}.placement_order_on`,
    fosteringForAdoptionOn: (a) => `${a}.fostering_for_adoption_on`,
    matchedOn: (a) => `${a}.matched_on`,
    placedOn: (a) => `${a}.placed_on`,
    movedInOn: (a) => `${a}.moved_in_on`,
    adoptionOrderOn: (a) => `${a}.adoption_order_on`,
    planChangedOn: (a) => `${a}.plan_changed_on`,
    planChangedReason: (a) => `${a}.plan_changed_reason`,
    daysWaiting: daysWaitingSql,
    // The links themselves are loaded under their own policy (link-policy.ts); this is the key they hang on.
    links: (a) => `${a}.id`,
  },
  fields: {
    id: everyone,
    authority: everyone,
    sourceId: everyone,
    firstName: everyone,
    ageMonths: everyone,
    sex: everyone,
    ethnicity: everyone,
    stage: everyone,
    needs: everyone,
    healthSummary: everyone,
    siblingGroup: everyone,
    socialWorker: everyone,
    enteredCareOn: everyone,
    decisionOn: everyone,
    placementOrderOn: everyone,
    fosteringForAdoptionOn: everyone,
    matchedOn: everyone,
    placedOn: everyone,
    movedInOn: everyone,
    adoptionOrderOn: everyone,
    planChangedOn: everyone,
    // The 903's coded reason (RD1-RD4) beside its date: part of the milestone record every reader sees.
    planChangedReason: everyone,
    daysWaiting: everyone,
    // Who is linked with the child: read by whoever reads the child, each link within the reader's link scope.
    links: everyone,
    lastName: ownLaOnly,
    dateOfBirth: ownLaOnly,
    // An unborn baby's due date identifies the mother as surely as a date of birth identifies the child.
    expectedDateOfBirth: ownLaOnly,
    upn: ownLaOnly,
    nhsNumber: ownLaOnly,
    placementPostcode: ownLaOnly,
    birthFamilyBackground: {
      social_worker: 'allow',
      family_finder: lateInJourney,
      raa_manager: lateInJourney,
      integration: { LOCAL_AUTHORITY: 'allow', REGIONAL_ADOPTION_AGENCY: lateInJourney },
    },
  },
};
