/**
 * Inference control: what an aggregate-only viewer (la_analyst; LA staff for RAA figures) receives, so that no sequence
 * of aggregate queries reveals what a single query may not (docs/access-policy.md; the reasoning and proofs are in
 * docs/inference-control.md). Which viewer is controlled for which authority or agency is decided by
 * aggregate-policy.ts and agency-aggregate-policy.ts (`suppressed`); this table says HOW each aggregate is controlled.
 */
import { forbidden } from './errors';
import { GroupAttribute, HOUSEHOLD_GROUP_KEY } from './household-groups-policy';

/** The rule a figure was published under; the API returns it beside every figure so the page can say so. */
export type InferenceControl = 'NONE' | 'SMALL_NUMBERS' | 'SCORECARD_YEAR_GROUPS' | 'HOUSEHOLD_GROUPS' | 'STAGE_FLOW_GROUPS';

/** Why one figure is withheld. */
export type SuppressionReason = 'SMALL_NUMBER' | 'COMPLEMENTARY' | 'SMALL_GROUP_IN_A_YEAR' | 'SMALL_HOUSEHOLD_GROUP' | 'SMALL_GROUP_IN_A_FLOW';

/**
 * The dates a controlled viewer's `asOf` may take: the argument is moved back to the latest such date on or before it
 * (default: on or before today), and the population and the bands are both taken as at that date.
 * - FINANCIAL_YEAR_END: 31 March. Whole-year age bands on 31 March depend only on the financial year of birth.
 * - LATEST_FINANCIAL_YEAR_END: the latest 31 March on or before today, and no other. An `asOf` whose 31 March is
 *   another one is refused (FORBIDDEN): the breakdowns of two years are snapshots of a changing population (children
 *   entering and leaving family finding, ageing into the next band), so setting one against another gives flows of a
 *   few children. One snapshot a year is what remains: the documented "change over time" limit.
 * - QUARTER_END: 31 March, 30 June, 30 September, 31 December. Wait bands of 3, 6 and 12 months counted from the next
 *   quarter's first day depend only on the quarter of approval.
 */
export type SnapshotRule = 'FINANCIAL_YEAR_END' | 'LATEST_FINANCIAL_YEAR_END' | 'QUARTER_END';

/**
 * How the withheld cells of a table are chosen for a controlled viewer (SMALL_NUMBERS):
 * - every count from 1 to SMALL_NUMBER_MAX is withheld (primary); zero is shown;
 * - then, within each block, the smallest other non-zero counts are withheld too until the withheld cells of the
 *   block together hold 0 or at least MIN_GROUP (complementary), so a total known from elsewhere never gives a small
 *   number by subtraction;
 * - `block` is the set of cells this is decided over. ROW: one key's row (the same in every query). CALENDAR_QUARTER:
 *   one key's months of one calendar quarter, whatever range was asked for, so each month is withheld or shown alike
 *   in every query and no two ranges can be played against each other; a quarter, because the adopter funnel
 *   publishes each quarter's enquiries (a cohort's total), so a quarter's withheld months must together hold 0 or at
 *   least 5, and then so do a year's. FINANCIAL_YEAR: the same for bands labelled by the financial year (the year it
 *   ends in) they fall in.
 */
export type SuppressionBlock = 'ROW' | 'CALENDAR_QUARTER' | 'FINANCIAL_YEAR';

/** One aggregate operation's inference control. */
export interface InferenceControlRule {
  /** The rule for a controlled viewer. */
  rule: Exclude<InferenceControl, 'NONE'>;
  /** How complementary suppression is blocked (SMALL_NUMBERS). */
  block?: SuppressionBlock;
  /** The dates `asOf` may take for a controlled viewer, when the operation takes one. */
  asOf?: SnapshotRule;
  /** HOUSEHOLD_GROUPS: the one decomposition of households every adopter figure counts whole groups of. */
  groups?: readonly GroupAttribute[];
}

/** Counts from 1 to this are withheld. */
export const SMALL_NUMBER_MAX = 4;
/** The smallest group a published figure (a count, or an average or share over it) may be about. */
export const MIN_GROUP = 5;

/**
 * The inference-control section of the aggregate policy: one row per aggregate a controlled viewer can reach.
 * An aggregate missing here is not reachable by a controlled viewer (tests/policy/aggregate-inference.test.ts walks it).
 */
export const inferenceControlPolicy = {
  familyFindingSummary: { rule: 'SMALL_NUMBERS', block: 'ROW' },
  childrenInFamilyFindingBreakdown: { rule: 'SMALL_NUMBERS', block: 'ROW', asOf: 'LATEST_FINANCIAL_YEAR_END' },
  adopterPipeline: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  approvedAdopterWaits: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY, asOf: 'QUARTER_END' },
  enquiriesPerMonth: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  matchesPerMonth: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  supportCaseSummary: { rule: 'SMALL_NUMBERS', block: 'ROW' },
  scorecard: { rule: 'SCORECARD_YEAR_GROUPS' },
  scorecardTrend: { rule: 'SCORECARD_YEAR_GROUPS' },
  adopterFunnel: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  adopterTimeliness: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  adopterIndicators: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  householdsLeaving: { rule: 'HOUSEHOLD_GROUPS', groups: HOUSEHOLD_GROUP_KEY },
  stageCountTrend: { rule: 'STAGE_FLOW_GROUPS' },
} as const satisfies Record<string, InferenceControlRule>;

/** The name of an aggregate under inference control. */
export type ControlledAggregate = keyof typeof inferenceControlPolicy;

/** The rules in words, as the API gives them to the page (`inferenceControlRules`). */
export const INFERENCE_CONTROL_TEXT: Record<InferenceControl, string> = {
  NONE: 'Figures in full: your role sees these figures unsuppressed.',
  SMALL_NUMBERS: 'Counts from 1 to 4 are withheld; zero is shown. Where a withheld count could be worked out from a total, '
    + 'the next smallest counts of the row (for months: of the calendar quarter) are withheld too, until the withheld cells '
    + 'together hold at least 5. The breakdowns of children in family finding are published as at the latest 31 March only '
    + '(earlier years set against it would single out a few children); adopters\' waits are as at the end of a quarter.',
  SCORECARD_YEAR_GROUPS: 'A three-year figure is shown only when, in every financial year inside the window, each group of '
    + 'children it counts or averages over (adopted not placed, placed, matched, under and over 426 days) is 0 or at '
    + 'least 5; otherwise it is withheld, so overlapping windows cannot be subtracted to reach a small group.',
  HOUSEHOLD_GROUPS: 'Adopter households are grouped by everything these figures count them by (stage, month of enquiry, '
    + 'how far they got, when and why they left, when each step ended and whether within its norm, quarters of approval, '
    + 'application and match). A figure is shown only when every group it counts holds 0 or at least 5 households, so no '
    + 'combination of figures, in any table, can single out 1 to 4 households.',
  STAGE_FLOW_GROUPS: 'Children in a stage on a quarter end are shown only when each group they are made of (the children '
    + 'who entered the stage in one quarter and left it in another) is 0 or at least 5, so no difference between two '
    + 'quarters can single out a few children.',
};

/** The text of a suppression reason. */
export const SUPPRESSION_REASON_TEXT: Record<SuppressionReason, string> = {
  SMALL_NUMBER: 'A count from 1 to 4.',
  COMPLEMENTARY: 'Withheld so that a withheld small number cannot be worked out from a total.',
  SMALL_GROUP_IN_A_YEAR: 'A financial year inside the window has a group of 1 to 4 children.',
  SMALL_HOUSEHOLD_GROUP: 'The figure counts a household of a group of 1 to 4 households alike in everything the adopter figures count.',
  SMALL_GROUP_IN_A_FLOW: 'Among the children counted, 1 to 4 entered the stage in one quarter and left it in another.',
};

/** The latest date on or before `asked` (ISO) that `rule` snapshots at (any 31 March for LATEST_FINANCIAL_YEAR_END). */
export function snapshotDate(rule: SnapshotRule, asked: string): string {
  const [y, m, d] = asked.split('-').map(Number);
  if (rule !== 'QUARTER_END') return m > 3 || (m === 3 && d === 31) ? `${y}-03-31` : `${y - 1}-03-31`;
  const ends = [[3, 31], [6, 30], [9, 30], [12, 31]];
  for (let i = ends.length - 1; i >= 0; i--) {
    const [em, ed] = ends[i];
    if (m > em || (m === em && d >= ed)) return `${y}-${String(em).padStart(2, '0')}-${ed}`;
  }
  return `${y - 1}-12-31`;
}

/**
 * The controlled viewer's day for `asOf` under `rule` (ISO), with `today` the hub's: the latest snapshot date on or
 * before the day asked (default today). LATEST_FINANCIAL_YEAR_END publishes one snapshot only, the latest 31 March on
 * or before today: an `asOf` whose 31 March is another is FORBIDDEN, before any data is read.
 */
export function controlledSnapshot(rule: SnapshotRule, asked: string | null | undefined, today: string): string {
  if (rule !== 'LATEST_FINANCIAL_YEAR_END') return snapshotDate(rule, asked ?? today);
  const latest = snapshotDate(rule, today);
  if (asked && snapshotDate(rule, asked) !== latest) {
    throw forbidden(`For your role the breakdowns are published as at the latest 31 March only (${latest}): `
      + 'snapshots of other years set against it would single out a few children.');
  }
  return latest;
}
