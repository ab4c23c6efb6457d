/**
 * HOUSEHOLD_GROUPS: the one decomposition of adopter households that every adopter aggregate a controlled viewer can
 * reach is published over (inference-control-policy.ts; the proof is in docs/inference-control.md).
 *
 * Two households are in the same group when they agree on every attribute any of those aggregates reads, at the
 * granularity it reads it (the list below). Then every figure of every adopter aggregate counts whole groups: a
 * household is in a figure or not according to its attributes only, so all of its group is too. A controlled viewer
 * gets a figure only when every group it counts holds 0 or at least MIN_GROUP households; otherwise the figure is
 * withheld (SMALL_HOUSEHOLD_GROUP). So every figure published, and anything computed from any set of them (the
 * pipeline against the funnel's cohorts, furthest steps against current stages and leavers, months against quarters,
 * snapshots against each other), is a function of groups of 0 or at least 5 households: a group of 1 to 4, and its
 * days, never enters a published figure.
 *
 * Adding an adopter aggregate, or a dimension to one, means adding what it reads here; otherwise its figures would cut
 * through groups and the proof fails (tests/policy/adopter-inference.test.ts generates attacks over all of them).
 */

/** One attribute of the group key: a SQL expression over the household `h`, and the aggregate that needs it. */
export interface GroupAttribute {
  sql: string;
  readBy: string;
}

const quarter = (d: string): string => `date_trunc('quarter', ${d})::date`;
const movedOn = 'LEAST(h.matched_on, h.placed_on, h.adoption_order_on, h.left_on)';

/** A timeliness step's end quarter and whether it was within the norm, or null when the step is not timed. */
function timed(from: string, to: string, months: number): string {
  return `CASE WHEN h.${from} IS NOT NULL AND h.${to} IS NOT NULL AND h.${to} >= h.${from}
    THEN to_char(h.${to}, 'YYYY-"Q"Q') || (h.${to} <= h.${from} + interval '${months} months')::text END`;
}

/** The furthest step reached, from dates or the current stage when a date is missing (adopterFunnel). */
export const FURTHEST_STEP_SQL = `GREATEST(
    CASE WHEN h.matched_on IS NOT NULL THEN 4 WHEN h.approved_on IS NOT NULL THEN 3 WHEN h.stage2_started_on IS NOT NULL THEN 2
         WHEN h.stage1_started_on IS NOT NULL THEN 1 ELSE 0 END,
    CASE h.stage WHEN 'STAGE_ONE' THEN 1 WHEN 'STAGE_TWO' THEN 2 WHEN 'APPROVED' THEN 3
         WHEN 'MATCHED' THEN 4 WHEN 'PLACED' THEN 4 WHEN 'ADOPTION_ORDER' THEN 4 ELSE 0 END)`;

/** The furthest step by dates only (householdsLeaving). */
export const FURTHEST_BY_DATES_SQL = `CASE WHEN h.matched_on IS NOT NULL THEN 'MATCHED' WHEN h.approved_on IS NOT NULL THEN 'APPROVED'
    WHEN h.stage2_started_on IS NOT NULL THEN 'STAGE_TWO' WHEN h.stage1_started_on IS NOT NULL THEN 'STAGE_ONE' ELSE 'ENQUIRY' END`;

/** The group key. Dates are read by quarter (or month, for the monthly series), as the figures read them. */
export const HOUSEHOLD_GROUP_KEY: readonly GroupAttribute[] = [
  { sql: 'h.agency', readBy: 'every aggregate (per RAA)' },
  { sql: 'h.stage', readBy: 'adopterPipeline; the current-stage tests of adopterFunnel, A11, A13 and approvedAdopterWaits' },
  { sql: "to_char(h.enquiry_on, 'YYYY-MM')", readBy: 'enquiriesPerMonth; adopterFunnel cohorts (its quarter)' },
  { sql: FURTHEST_STEP_SQL, readBy: 'adopterFunnel' },
  { sql: `CASE WHEN h.left_on IS NOT NULL THEN ${FURTHEST_BY_DATES_SQL} || '|' || COALESCE(h.left_reason_code, 'NOT_RECORDED') END`, readBy: 'householdsLeaving (furthest step and reason)' },
  { sql: quarter('h.left_on'), readBy: 'householdsLeaving (its financial year); A11, A13 and approvedAdopterWaits (gone by a quarter end)' },
  { sql: timed('stage1_started_on', 'stage1_ended_on', 2), readBy: 'adopterTimeliness STAGE_ONE' },
  { sql: timed('stage2_started_on', 'stage2_ended_on', 4), readBy: 'adopterTimeliness STAGE_TWO' },
  { sql: timed('stage1_started_on', 'approved_on', 6), readBy: 'adopterTimeliness REGISTRATION_TO_APPROVAL' },
  { sql: timed('approved_on', 'matched_on', 3), readBy: 'adopterTimeliness APPROVAL_TO_MATCH' },
  { sql: quarter('h.approved_on'), readBy: 'A11, A13; approvedAdopterWaits (population and band)' },
  { sql: quarter(movedOn), readBy: 'A11; approvedAdopterWaits (moved on by a quarter end)' },
  { sql: `CASE WHEN h.approved_on IS NOT NULL THEN ${quarter('h.matched_on')}::text || (h.matched_on >= h.approved_on + interval '3 months')::text END`, readBy: 'A12 (matched in the quarter, waited 3 months)' },
  { sql: quarter('h.application_on'), readBy: 'A13' },
  { sql: `(SELECT array_agg(m.authority || ' ' || to_char(m.matched_on, 'YYYY-MM') ORDER BY 1) FROM adoption_match m WHERE m.household_id = h.id AND m.matched_on IS NOT NULL)`, readBy: 'matchesPerMonth (a match counts in its household\'s group)' },
];

/**
 * SQL: a subquery giving, for each household of the agencies `keysParam` (and of any agency whose households they
 * matched), its id and `group_n`, the size of its group. Whole agencies, so a group is the same whatever is asked. Figures then test `bool_or(group_n < MIN_GROUP)` over what they count.
 */
export function householdGroupsSql(keysParam: string): string {
  return `SELECT h.id, count(*) OVER (PARTITION BY ${HOUSEHOLD_GROUP_KEY.map((a) => `(${a.sql})`).join(', ')})::int AS group_n
      FROM adopter_household h
     WHERE h.agency = ANY(${keysParam}::text[])
        OR h.agency IN (SELECT x.agency FROM adoption_match m JOIN adopter_household x ON x.id = m.household_id
                         WHERE m.authority = ANY(${keysParam}::text[]))`;
}
