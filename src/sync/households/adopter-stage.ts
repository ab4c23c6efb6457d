// An adopter household's stage from its Annex A dates: the furthest milestone present, and WITHDRAWN once it has
// left (unless the adoption order was made). Used by the CSV import and, as SQL, by syncAdopterHouseholds when a
// record sends dates but no stage.
import type { AdopterStage } from '../../domain/stages';

/** Household date fields (record keys) with their columns, in Annex A order. */
export const HOUSEHOLD_DATES = [
  ['enquiryOn', 'enquiry_on'], ['stage1StartedOn', 'stage1_started_on'], ['stage1EndedOn', 'stage1_ended_on'],
  ['applicationOn', 'application_on'], ['stage2StartedOn', 'stage2_started_on'], ['stage2EndedOn', 'stage2_ended_on'],
  ['approvedOn', 'approved_on'], ['matchedOn', 'matched_on'], ['placedOn', 'placed_on'],
  ['adoptionOrderOn', 'adoption_order_on'], ['leftOn', 'left_on'],
] as const;

/** A household date field. */
export type HouseholdDateKey = (typeof HOUSEHOLD_DATES)[number][0];

const COLUMN: Record<HouseholdDateKey, string> = Object.fromEntries(HOUSEHOLD_DATES) as Record<HouseholdDateKey, string>;

/** Furthest first: the first rule whose date is present gives the stage. */
const RULES: [AdopterStage, HouseholdDateKey[]][] = [
  ['ADOPTION_ORDER', ['adoptionOrderOn']],
  ['WITHDRAWN', ['leftOn']],
  ['PLACED', ['placedOn']],
  ['MATCHED', ['matchedOn']],
  ['APPROVED', ['approvedOn']],
  ['STAGE_TWO', ['stage2StartedOn', 'applicationOn', 'stage2EndedOn']],
  ['STAGE_ONE', ['stage1StartedOn', 'stage1EndedOn']],
];

/** The stage the dates imply; ENQUIRY when none of the later milestones is present. */
export function deriveAdopterStage(dates: Partial<Record<HouseholdDateKey, string | null>>): AdopterStage {
  for (const [stage, keys] of RULES) if (keys.some((k) => dates[k])) return stage;
  return 'ENQUIRY';
}

/** The same rule as SQL over a row alias holding the date columns. */
export function derivedAdopterStageSql(alias: string): string {
  const whens = RULES.map(([stage, keys]) => `WHEN ${keys.map((k) => `${alias}.${COLUMN[k]} IS NOT NULL`).join(' OR ')} THEN '${stage}'`);
  return `CASE ${whens.join(' ')} ELSE 'ENQUIRY' END`;
}
