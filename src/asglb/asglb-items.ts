// The ASGLB return's items, in one place (asglb.md): each table's columns in order, with the header written in the
// CSV and the SQL that fills it from the table's query (asglb-query.ts). The current template's item codes were
// not available; the headers follow the guidance's published contents, so this list can follow the template when an
// RAA supplies it. A row's SQL reads the aliases its table's query provides.

/** One item: the CSV header, what it holds, and its SQL. */
export interface AsglbItem {
  header: string;
  description: string;
  sql: string;
}

const yn = (cond: string) => `CASE WHEN ${cond} THEN 'Y' ELSE 'N' END`;
const d = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;
const inQuarter = (expr: string) => yn(`${expr} BETWEEN $2::date AND $3::date`);
const ADOPTED_IN_QUARTER = 'c.adoption_order_on BETWEEN $2::date AND $3::date';
/** Y when `to` is within `months` of `from`, N when later, empty when either date is missing. */
const within = (from: string, to: string, months: number) =>
  `CASE WHEN ${from} IS NULL OR ${to} IS NULL THEN NULL WHEN ${to} <= ${from} + interval '${months} months' THEN 'Y' ELSE 'N' END`;

/** The child tab (per LA): one row per child with an adoption decision, still on the pathway in the quarter. */
export const CHILD_ITEMS: readonly AsglbItem[] = [
  { header: 'A1 Child ID', description: "the LA's own child id", sql: 'c.source_id' },
  { header: 'A2 Sex', description: 'M, F or U', sql: `CASE c.sex WHEN 'MALE' THEN 'M' WHEN 'FEMALE' THEN 'F' WHEN 'UNKNOWN' THEN 'U' END` },
  { header: 'A3 Ethnicity', description: 'DfE ethnicity code', sql: 'c.ethnicity' },
  { header: 'A4 Date of birth', description: 'YYYY-MM-DD', sql: d('c.date_of_birth') },
  { header: 'A5 Disability', description: 'Y when a disability is among the needs recorded', sql: yn(`EXISTS (SELECT 1 FROM unnest(c.needs) n WHERE n LIKE '%DISAB%')`) },
  { header: 'A6 Sibling group ID', description: "the LA's sibling group id", sql: 'sg.source_id' },
  { header: 'B1 Date entered care', description: 'start of the period of care', sql: d('c.entered_care_on') },
  { header: 'B2 Date of ADM decision', description: 'should be placed for adoption', sql: d('c.decision_on') },
  { header: 'B3 Date of placement order', description: 'court authority to place', sql: d('c.placement_order_on') },
  { header: 'B3a Date placed in FfA or concurrent planning', description: 'U2/U5 placement', sql: d('c.fostering_for_adoption_on') },
  { header: 'B4 Date matched', description: 'match decision', sql: d('c.matched_on') },
  { header: 'B5 Date placed for adoption', description: 'A3-A6 placement', sql: d('c.placed_on') },
  { header: 'B6 Date of adoption order', description: '', sql: d('c.adoption_order_on') },
  { header: 'C3 Family finding', description: 'Y when in active family finding at the end of the quarter', sql: yn(`c.adoption_order_on IS NULL AND c.plan_changed_on IS NULL AND c.stage IN ('ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH')`) },
  { header: 'C3a Family finding status', description: "the hub's tracker stage", sql: 'c.stage' },
  { header: 'B7 Placement provider', description: 'PR code of the placement for adoption', sql: 'pp.place_provider' },
  { header: 'B7a Providing agency', description: 'the placing agency of the match', sql: 'lk.placing_agency' },
  { header: 'B7b Inter-agency', description: 'Y when the match is inter-agency', sql: `CASE WHEN lk.inter_agency THEN 'Y' WHEN lk.inter_agency = false THEN 'N' END` },
  { header: 'D1 Date adoption no longer the plan', description: 'decision reversed', sql: d('c.plan_changed_on') },
  { header: 'D2 Reason adoption no longer the plan', description: 'RD1-RD4', sql: 'c.plan_changed_reason' },
  { header: 'D3 Date of disruption', description: 'placement ended before the order', sql: d('dis.ended_on') },
  { header: 'D4 Disruption reason', description: 'the end reason recorded with the link', sql: 'dis.end_reason' },
  { header: 'Q1 ADM decision in quarter', description: 'Y/N', sql: inQuarter('c.decision_on') },
  { header: 'Q2 Placement order in quarter', description: 'Y/N', sql: inQuarter('c.placement_order_on') },
  { header: 'Q3 Matched in quarter', description: 'Y/N', sql: inQuarter('c.matched_on') },
  { header: 'Q4 Placed in quarter', description: 'Y/N', sql: inQuarter('c.placed_on') },
  { header: 'Q5 Adopted in quarter', description: 'Y/N', sql: inQuarter('c.adoption_order_on') },
  { header: 'Q6 Waiting over 90 days since placement order, unmatched', description: 'Y/N at the end of the quarter', sql: yn(`c.placement_order_on <= $3::date - 90 AND (c.matched_on IS NULL OR c.matched_on > $3::date) AND c.adoption_order_on IS NULL`) },
  { header: 'Q7 No longer considered for adoption in quarter', description: 'Y/N', sql: inQuarter('c.plan_changed_on') },
  { header: 'Q8 Placed in FfA or concurrent planning in quarter', description: 'Y/N', sql: inQuarter('c.fostering_for_adoption_on') },
  // A10 and A2 per child adopted in the quarter, as scorecard.md defines them (GREATEST skips a NULL, so each date is
  // checked first); the rolling three-year averages are the
  // scorecard's (`scorecard(authority, yearEnding)`), not a row of this tab.
  { header: 'Q9 A10 days (adopted in quarter)', description: 'entered care to moving in with the adopters, for a child adopted in the quarter and placed for adoption',
    sql: `CASE WHEN ${ADOPTED_IN_QUARTER} AND c.placed_on IS NOT NULL AND c.entered_care_on IS NOT NULL
      THEN GREATEST(0, COALESCE(c.moved_in_on, c.placed_on) - c.entered_care_on) END` },
  { header: 'Q10 A2 days (adopted in quarter)', description: 'placement order to match (0 when matched before the order), for a child adopted in the quarter',
    sql: `CASE WHEN ${ADOPTED_IN_QUARTER} AND c.placed_on IS NOT NULL AND c.matched_on IS NOT NULL
      AND c.placement_order_on IS NOT NULL THEN GREATEST(0, c.matched_on - c.placement_order_on) END` },
];

/** The adopter tab (per agency): one row per prospective adopter, grouped by family (household). */
export const ADOPTER_ITEMS: readonly AsglbItem[] = [
  { header: 'A1 Adopter ID', description: 'family id and the adopter\'s position', sql: `h.reference || '-' || COALESCE(a.position::text, '1')` },
  { header: 'A2 Family ID', description: "the RAA's household reference", sql: 'h.reference' },
  { header: 'A3 Sex', description: 'M, F or U', sql: `CASE a.sex WHEN 'MALE' THEN 'M' WHEN 'FEMALE' THEN 'F' WHEN 'UNKNOWN' THEN 'U' END` },
  { header: 'A4 Ethnicity', description: 'DfE ethnicity code (the household\'s when the adopter has none)', sql: 'COALESCE(a.ethnicity, h.ethnicity)' },
  { header: 'A5 Disability', description: 'Y when a disability is recorded', sql: `CASE WHEN a.disability IS NULL THEN NULL WHEN lower(a.disability) IN ('no', 'n', 'none', 'false') THEN 'N' ELSE 'Y' END` },
  { header: 'A6 Fostering for adoption (dual approved)', description: 'Y/N', sql: yn('h.early_permanence') },
  { header: 'B1 Date of enquiry', description: 'registration of interest', sql: d('h.enquiry_on') },
  { header: 'B2 Stage 1 start', description: '', sql: d('h.stage1_started_on') },
  { header: 'B3 Stage 1 end', description: '', sql: d('h.stage1_ended_on') },
  { header: 'B4 Stage 2 start', description: '', sql: d('h.stage2_started_on') },
  { header: 'B5 Stage 2 end', description: '', sql: d('h.stage2_ended_on') },
  { header: 'B6 Date of application', description: '', sql: d('h.application_on') },
  { header: 'B7 Date of approval', description: '', sql: d('h.approved_on') },
  { header: 'B8 Date matched', description: '', sql: d('h.matched_on') },
  { header: 'B9 Date placed', description: '', sql: d('h.placed_on') },
  { header: 'B10 Number of children placed', description: 'children placed by the live links', sql: 'hk.children_placed' },
  { header: 'B11 Date of adoption order', description: '', sql: d('h.adoption_order_on') },
  { header: 'B12 Date left the process', description: '', sql: d('h.left_on') },
  { header: 'B13 Reason left', description: 'WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED or OTHER', sql: 'h.left_reason_code' },
  { header: 'B14 Placement provider for the match', description: 'OWN or OTHER agency', sql: `CASE WHEN hk.inter_agency THEN 'OTHER' WHEN hk.inter_agency = false THEN 'OWN' END` },
  { header: 'B15 Approved within 6 months of registration', description: 'Y/N: stage 1 start to approval (the norm in asglb.md)', sql: within('h.stage1_started_on', 'h.approved_on', 6) },
  { header: 'B16 Matched within 3 months of approval', description: 'Y/N: approval to match', sql: within('h.approved_on', 'h.matched_on', 3) },
  { header: 'C1 Date of disruption', description: 'the latest link of the household ended by a disruption, by the quarter\'s end', sql: d('dis.ended_on') },
  { header: 'C2 Disruption reason', description: 'DISRUPTION_BEFORE_ORDER or DISRUPTION_AFTER_ORDER', sql: 'dis.end_reason' },
];

/**
 * Section D of the adopter tab (per agency): the enquiries received in the quarter, one row. An enquiry is a
 * household record's enquiry date (registration of interest): the hub holds no enquiry that never became a household.
 * Parameters: $1 the agency, $2 and $3 the quarter's first and last day, $4 its label.
 */
export const ENQUIRY_ITEMS: readonly AsglbItem[] = [
  { header: 'Agency', description: "the agency's code", sql: '$1::text' },
  { header: 'Quarter', description: 'YYYYQn of the financial year', sql: '$4::text' },
  { header: 'Quarter start', description: 'YYYY-MM-DD', sql: d('$2::date') },
  { header: 'Quarter end', description: 'YYYY-MM-DD', sql: d('$3::date') },
  { header: 'D1 Number of enquiries received in the quarter', description: 'households whose enquiry date falls in the quarter',
    sql: 'count(*) FILTER (WHERE h.enquiry_on BETWEEN $2::date AND $3::date)' },
];

/** The SGO table (per LA): special guardianship orders made in the quarter, from the 903 episodes. */
export const SGO_ITEMS: readonly AsglbItem[] = [
  { header: 'Child ID', description: "the LA's own child id", sql: 'c.source_id' },
  { header: 'Date of SGO', description: 'the episode end', sql: d('e.dec') },
  { header: 'Reason episode ceased', description: 'E43-E48', sql: 'e.rec' },
  { header: 'SGO to former foster carers', description: 'Y/N', sql: yn(`e.rec IN ('E43', 'E45', 'E46')`) },
  { header: 'SGO to relatives or friends', description: 'Y/N (E45, E47; not known for E43/E44)', sql: `CASE WHEN e.rec IN ('E45', 'E47') THEN 'Y' WHEN e.rec IN ('E46', 'E48') THEN 'N' END` },
];

/** Reasons an episode ended in special guardianship, old and new codes. */
export const SGO_ENDINGS = ['E43', 'E44', 'E45', 'E46', 'E47', 'E48'];
