// The coded values of a link's journey and of a household leaving the process (asglb.md), in one place: the
// migration's CHECK constraints, the sync validation, the GraphQL enums and the ASGLB export all use these lists.

/** The steps of a link, in order; a link at a step has reached every earlier one it has a date for. */
export const LINK_STEPS = ['EXPRESSION_OF_INTEREST', 'LINKED', 'MATCHING_PANEL', 'MATCHED', 'PLACED', 'ADOPTION_ORDER'] as const;
export type LinkStep = (typeof LINK_STEPS)[number];

/** A link's status: one of its steps, or ENDED (with the step it ended at and a reason). */
export const LINK_STATUSES = [...LINK_STEPS, 'ENDED'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Each step's date, as the record key and the adoption_match column. */
export const LINK_STEP_DATES: readonly [LinkStep, string, string][] = [
  ['EXPRESSION_OF_INTEREST', 'interestOn', 'interest_on'],
  ['LINKED', 'linkedOn', 'linked_on'],
  ['MATCHING_PANEL', 'matchingPanelOn', 'matching_panel_on'],
  ['MATCHED', 'matchedOn', 'matched_on'],
  ['PLACED', 'placedOn', 'placed_on'],
  ['ADOPTION_ORDER', 'adoptionOrderOn', 'adoption_order_on'],
];

/** Who started the link: the child's side (LA social worker or family finder) or the household's (adopter-led). */
export const LINK_INITIATORS = ['CHILD_SIDE', 'HOUSEHOLD_SIDE'] as const;
export type LinkInitiator = (typeof LINK_INITIATORS)[number];

/** Why a link ended. A disruption is a placement that ended, before or after the adoption order. */
export const LINK_END_REASONS = [
  'DECLINED_BY_HOUSEHOLD', 'DECLINED_BY_CHILD_SOCIAL_WORKER', 'DISRUPTION_BEFORE_ORDER', 'DISRUPTION_AFTER_ORDER', 'OTHER',
] as const;
export type LinkEndReason = (typeof LINK_END_REASONS)[number];

/** Why a household left the process (the ASGLB adopter tab's reasons). */
export const HOUSEHOLD_LEFT_REASONS = ['WITHDREW', 'ON_HOLD', 'APPLICATION_REFUSED', 'APPROVAL_RESCINDED', 'OTHER'] as const;
export type HouseholdLeftReason = (typeof HOUSEHOLD_LEFT_REASONS)[number];

/** The 903's reasons adoption stopped being the plan (PlacedAdoption REASON_PLACED_CEASED). */
export const PLAN_CHANGED_REASONS: Record<string, string> = {
  RD1: "The child's needs changed after the decision",
  RD2: 'The court did not make a placement order',
  RD3: 'Prospective adopters could not be found',
  RD4: 'Any other reason',
};

/**
 * Reads a leaving reason as a case system or an Annex A list writes it ("Withdrew", "on hold", "Approval rescinded",
 * "Application refused", a code itself); null for anything it cannot place, so the caller can fall back to OTHER.
 */
export function leftReasonCodeOf(text: string): HouseholdLeftReason | null {
  const t = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if ((HOUSEHOLD_LEFT_REASONS as readonly string[]).includes(t)) return t as HouseholdLeftReason;
  const words = text.toLowerCase();
  if (/rescind|de-?regist|approval (was )?(withdrawn|terminated|ended)/.test(words)) return 'APPROVAL_RESCINDED';
  if (/refus|not approved|turned down|unsuitable|unsuccessful/.test(words)) return 'APPLICATION_REFUSED';
  if (/on hold|paused|deferred|suspended/.test(words)) return 'ON_HOLD';
  if (/withdr|self.?select|chose not|decided not|no longer wish/.test(words)) return 'WITHDREW';
  return null;
}
