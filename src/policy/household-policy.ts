import { EntityPolicy } from './policy-types';
import { householdsLinkedToOwnChildren, householdsOfOwnLasRaa, ownAgency } from './row-scopes';

/** Every field of an AdopterHousehold the API can serve (adopters' own fields are in adopter-policy.ts). */
export type HouseholdField =
  | 'id' | 'agency' | 'reference' | 'stage' | 'enquiryOn' | 'stage1StartedOn' | 'stage1EndedOn' | 'stage2StartedOn'
  | 'stage2EndedOn' | 'applicationOn' | 'approvedOn' | 'matchedOn' | 'placedOn' | 'adoptionOrderOn' | 'leftOn'
  | 'leftReason' | 'leftReasonCode' | 'householdType' | 'numberOfAdopters' | 'ethnicity' | 'religion' | 'languages' | 'childrenInHome'
  | 'approvedFor' | 'needsCapacity' | 'socialWorker' | 'livesIn' | 'adopters' | 'daysWaiting' | 'links'
  | 'address' | 'postcode' | 'sexualOrientation' | 'healthNotes';

const allReaders = { family_finder: 'allow', raa_manager: 'allow', social_worker: 'allow', integration: 'allow' } as const;
const managerOnly = { raa_manager: 'allow' } as const;

/** The data-sharing agreement for adopter households (docs/access-policy.md, "Adopter household"). */
export const householdPolicy: EntityPolicy<HouseholdField> = {
  entity: 'AdopterHousehold',
  table: 'adopter_household',
  rows: {
    social_worker: householdsLinkedToOwnChildren,
    family_finder: ownAgency,
    raa_manager: ownAgency,
    integration: ownAgency,
  },
  columns: {
    id: (a) => `${a}.id`,
    agency: (a) => `${a}.agency`,
    reference: (a) => `${a}.reference`,
    stage: (a) => `${a}.stage`,
    enquiryOn: (a) => `${a}.enquiry_on`,
    stage1StartedOn: (a) => `${a}.stage1_started_on`,
    stage1EndedOn: (a) => `${a}.stage1_ended_on`,
    stage2StartedOn: (a) => `${a}.stage2_started_on`,
    stage2EndedOn: (a) => `${a}.stage2_ended_on`,
    applicationOn: (a) => `${a}.application_on`,
    approvedOn: (a) => `${a}.approved_on`,
    matchedOn: (a) => `${a}.matched_on`,
    placedOn: (a) => `${a}.placed_on`,
    adoptionOrderOn: (a) => `${a}.adoption_order_on`,
    leftOn: (a) => `${a}.left_on`,
    leftReason: (a) => `${a}.left_reason`,
    leftReasonCode: (a) => `${a}.left_reason_code`,
    householdType: (a) => `${a}.household_type`,
    numberOfAdopters: (a) => `(SELECT count(*)::int FROM adopter ad WHERE ad.household_id = ${a}.id)`,
    ethnicity: (a) => `${a}.ethnicity`,
    religion: (a) => `${a}.religion`,
    languages: (a) => `${a}.languages`,
    childrenInHome: (a) => `${a}.children_in_home`,
    approvedFor: (a) => `json_build_object('minAgeMonths', ${a}.approved_min_age_months, 'maxAgeMonths', ${a}.approved_max_age_months,
      'ageToleranceMonths', ${a}.age_tolerance_months, 'maxChildren', ${a}.approved_max_children,
      'siblingGroups', ${a}.approved_siblings, 'earlyPermanence', ${a}.early_permanence)`,
    needsCapacity: (a) => `${a}.needs_capacity`,
    socialWorker: (a) => `${a}.social_worker`,
    livesIn: (a) => `${a}.lives_in`,
    adopters: (a) => `${a}.id`,
    links: (a) => `${a}.id`,
    daysWaiting: (a) => `CASE WHEN ${a}.stage = 'APPROVED' THEN current_date - ${a}.approved_on END`,
    address: (a) => `${a}.address`,
    postcode: (a) => `${a}.postcode`,
    sexualOrientation: (a) => `${a}.sexual_orientation`,
    healthNotes: (a) => `${a}.health_notes`,
  },
  fields: {
    id: allReaders, agency: allReaders, reference: allReaders, stage: allReaders,
    enquiryOn: allReaders, stage1StartedOn: allReaders, stage1EndedOn: allReaders, stage2StartedOn: allReaders,
    stage2EndedOn: allReaders, applicationOn: allReaders, approvedOn: allReaders, matchedOn: allReaders,
    placedOn: allReaders, adoptionOrderOn: allReaders, leftOn: allReaders, leftReason: allReaders, leftReasonCode: allReaders, daysWaiting: allReaders,
    householdType: allReaders, numberOfAdopters: allReaders, ethnicity: allReaders, religion: allReaders,
    languages: allReaders, childrenInHome: allReaders, approvedFor: allReaders, needsCapacity: allReaders,
    socialWorker: allReaders, adopters: allReaders,
    // The household's links, each within the reader's link scope (a social worker: only its own children's).
    links: allReaders,
    // Where the household lives, as an authority code: the area, not the address (needed to flag birth-family proximity).
    livesIn: allReaders,
    address: managerOnly, postcode: managerOnly, sexualOrientation: managerOnly, healthNotes: managerOnly,
  },
};

/**
 * The suggestion scope, a named rule: which households `matchSuggestions` may propose for a child (the matching
 * query adds "approved and not yet matched", and the child must be in the viewer's own child scope). Family finders
 * and RAA managers: their RAA's households. A social worker: the households of its LA's RAA, for its own LA's
 * children only; we read a household proposed for the social worker's own child as linked to that child for that
 * answer, so it reads them with the policy's "linked household" column (no surname, date of birth, address,
 * postcode, sexual orientation or health notes). Integration clients, analysts and auditors: none. Rows OR across
 * a token's roles, as everywhere; the fields are the household table's own.
 */
export const householdSuggestionPolicy: EntityPolicy<HouseholdField> = {
  ...householdPolicy,
  entity: 'AdopterHousehold (suggested for a child)',
  rows: {
    family_finder: ownAgency,
    raa_manager: ownAgency,
    social_worker: householdsOfOwnLasRaa,
  },
};
