/** The child's stages of family finding, in order (ALE's tracker; docs/domain.md). */
export const PERMANENCE_STAGES = [
  'UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING',
  'PROGRESS_TO_MATCH', 'MATCHED_PLACED', 'ADOPTED', 'PLAN_CHANGED',
] as const;
export type PermanenceStage = (typeof PERMANENCE_STAGES)[number];

/** The stages in which RAA staff may see a child: the live pipeline, not ADOPTED or PLAN_CHANGED. */
export const RAA_VISIBLE_STAGES: readonly PermanenceStage[] = [
  'UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH', 'MATCHED_PLACED',
];

/** Stages in which a match needs dual-approved (early permanence) adopters. */
export const EARLY_PERMANENCE_STAGES: readonly PermanenceStage[] = ['UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING'];

/** The adopter household's stages (Ofsted Annex A list 11 dates; docs/domain.md). */
export const ADOPTER_STAGES = [
  'ENQUIRY', 'STAGE_ONE', 'STAGE_TWO', 'APPROVED', 'MATCHED', 'PLACED', 'ADOPTION_ORDER', 'WITHDRAWN',
] as const;
export type AdopterStage = (typeof ADOPTER_STAGES)[number];

/** Adoption support case types in ALE's reporting. */
export const SUPPORT_CASE_TYPES = ['ASSESSMENT', 'UNASSESSED_SUPPORT', 'DIRECT_CONTACT', 'LETTERBOX_CONTACT'] as const;
export type SupportCaseType = (typeof SUPPORT_CASE_TYPES)[number];

export const NEED_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

export const SEXES = ['MALE', 'FEMALE', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];
