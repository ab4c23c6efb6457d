import { Database, Sql } from '../db/sql';
import {
  AdopterRecord, AuthorityRecord, ChildRecord, EpisodeRecord, HouseholdRecord, MatchRecord, PartnershipData,
  SiblingGroupRecord, SupportCaseRecord,
} from './demo-records';

/** Rows per INSERT: big enough to be fast, small enough to stay well inside the statement timeout. */
export const BATCH_SIZE = 5000;

/** How one column is sent: its element type in the unnest arrays and, when the column is not that type, a cast. */
interface Column<R> {
  name: string;
  type: 'uuid' | 'text' | 'date' | 'integer' | 'boolean';
  value: (r: R) => unknown;
  /** SQL turning the unnested value `u.<name>` into the column's type (text[] and jsonb travel as text). */
  select?: string;
}

/** Multi-row INSERT ... SELECT FROM unnest(...) in batches of BATCH_SIZE: one statement per batch. */
async function insertRows<R>(sql: Sql, table: string, columns: Column<R>[], rows: R[], onConflict = ''): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  const selects = columns.map((c) => c.select ?? `u.${c.name}`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const text = `INSERT INTO ${table} (${names}) SELECT ${selects} FROM unnest(${arrays}) AS u(${names}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    await sql.query(text, columns.map((c) => batch.map(c.value)));
  }
}

const textArray = (name: string) => `string_to_array(u.${name}, '|')`;
const joined = (xs: string[]) => xs.join('|');

const AUTHORITY: Column<AuthorityRecord>[] = [
  { name: 'code', type: 'text', value: (r) => r.code }, { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'kind', type: 'text', value: (r) => r.kind }, { name: 'la_number', type: 'integer', value: (r) => r.laNumber },
  { name: 'raa_code', type: 'text', value: (r) => r.raaCode },
];

const SIBLING_GROUP: Column<SiblingGroupRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'authority', type: 'text', value: (r) => r.authority },
  { name: 'source_id', type: 'text', value: (r) => r.sourceId }, { name: 'place_together', type: 'boolean', value: (r) => r.placeTogether },
];

const CHILD: Column<ChildRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'authority', type: 'text', value: (r) => r.authority },
  { name: 'source_id', type: 'text', value: (r) => r.sourceId }, { name: 'first_name', type: 'text', value: (r) => r.firstName },
  { name: 'last_name', type: 'text', value: (r) => r.lastName }, { name: 'date_of_birth', type: 'date', value: (r) => r.dateOfBirth },
  { name: 'expected_date_of_birth', type: 'date', value: (r) => r.expectedDateOfBirth },
  { name: 'sex', type: 'text', value: (r) => r.sex }, { name: 'ethnicity', type: 'text', value: (r) => r.ethnicity },
  { name: 'upn', type: 'text', value: (r) => r.upn }, { name: 'nhs_number', type: 'text', value: (r) => r.nhsNumber },
  { name: 'placement_postcode', type: 'text', value: (r) => r.placementPostcode },
  { name: 'needs', type: 'text', value: (r) => joined(r.needs), select: textArray('needs') },
  { name: 'health_summary', type: 'text', value: (r) => r.healthSummary },
  { name: 'birth_family_background', type: 'text', value: (r) => r.birthFamilyBackground },
  { name: 'contact_plan', type: 'text', value: (r) => r.contactPlan }, { name: 'social_worker', type: 'text', value: (r) => r.socialWorker },
  { name: 'sibling_group_id', type: 'uuid', value: (r) => r.siblingGroupId }, { name: 'stage', type: 'text', value: (r) => r.stage },
  { name: 'stage_explicit', type: 'boolean', value: (r) => r.stage !== null },
  { name: 'entered_care_on', type: 'date', value: (r) => r.enteredCareOn }, { name: 'decision_on', type: 'date', value: (r) => r.decisionOn },
  { name: 'placement_order_on', type: 'date', value: (r) => r.placementOrderOn },
  { name: 'fostering_for_adoption_on', type: 'date', value: (r) => r.fosteringForAdoptionOn },
  { name: 'matched_on', type: 'date', value: (r) => r.matchedOn }, { name: 'placed_on', type: 'date', value: (r) => r.placedOn },
  { name: 'moved_in_on', type: 'date', value: (r) => r.movedInOn }, { name: 'adoption_order_on', type: 'date', value: (r) => r.adoptionOrderOn },
  { name: 'plan_changed_on', type: 'date', value: (r) => r.planChangedOn },
  { name: 'plan_changed_reason', type: 'text', value: (r) => r.planChangedReason },
  { name: 'source_year', type: 'integer', value: (r) => r.sourceYear },
];

const EPISODE: Column<EpisodeRecord>[] = [
  { name: 'child_id', type: 'uuid', value: (r) => r.childId }, { name: 'authority', type: 'text', value: (r) => r.authority },
  { name: 'source_id', type: 'text', value: (r) => r.sourceId }, { name: 'decom', type: 'date', value: (r) => r.decom },
  { name: 'rne', type: 'text', value: (r) => r.rne }, { name: 'legal_status', type: 'text', value: (r) => r.legalStatus },
  { name: 'cin', type: 'text', value: (r) => r.cin }, { name: 'place', type: 'text', value: (r) => r.place },
  { name: 'place_provider', type: 'text', value: (r) => r.placeProvider }, { name: 'dec', type: 'date', value: (r) => r.dec },
  { name: 'rec', type: 'text', value: (r) => r.rec }, { name: 'reason_place_change', type: 'text', value: (r) => r.reasonPlaceChange },
  { name: 'home_postcode', type: 'text', value: (r) => r.homePostcode },
  { name: 'placement_postcode', type: 'text', value: (r) => r.placementPostcode }, { name: 'urn', type: 'text', value: (r) => r.urn },
  { name: 'source_year', type: 'integer', value: (r) => r.sourceYear },
];

const HOUSEHOLD: Column<HouseholdRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'agency', type: 'text', value: (r) => r.agency },
  { name: 'reference', type: 'text', value: (r) => r.reference }, { name: 'stage', type: 'text', value: (r) => r.stage },
  { name: 'household_type', type: 'text', value: (r) => r.householdType }, { name: 'ethnicity', type: 'text', value: (r) => r.ethnicity },
  { name: 'religion', type: 'text', value: (r) => r.religion },
  { name: 'languages', type: 'text', value: (r) => joined(r.languages), select: textArray('languages') },
  { name: 'children_in_home', type: 'integer', value: (r) => r.childrenInHome },
  { name: 'social_worker', type: 'text', value: (r) => r.socialWorker }, { name: 'lives_in', type: 'text', value: (r) => r.livesIn },
  ...(['enquiry_on', 'stage1_started_on', 'stage1_ended_on', 'stage2_started_on', 'stage2_ended_on', 'application_on',
    'approved_on', 'matched_on', 'placed_on', 'adoption_order_on', 'left_on'] as const).map((name): Column<HouseholdRecord> => ({
    name, type: 'date', value: (r) => r[camel(name) as keyof HouseholdRecord],
  })),
  { name: 'left_reason', type: 'text', value: (r) => r.leftReason },
  { name: 'approved_min_age_months', type: 'integer', value: (r) => r.approvedMinAgeMonths },
  { name: 'approved_max_age_months', type: 'integer', value: (r) => r.approvedMaxAgeMonths },
  { name: 'age_tolerance_months', type: 'integer', value: (r) => r.ageToleranceMonths },
  { name: 'approved_max_children', type: 'integer', value: (r) => r.approvedMaxChildren },
  { name: 'approved_siblings', type: 'boolean', value: (r) => r.approvedSiblings },
  { name: 'early_permanence', type: 'boolean', value: (r) => r.earlyPermanence },
  { name: 'needs_capacity', type: 'text', value: (r) => JSON.stringify(r.needsCapacity), select: 'u.needs_capacity::jsonb' },
  { name: 'sexual_orientation', type: 'text', value: (r) => r.sexualOrientation }, { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'postcode', type: 'text', value: (r) => r.postcode }, { name: 'health_notes', type: 'text', value: (r) => r.healthNotes },
];

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const ADOPTER: Column<AdopterRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'position', type: 'integer', value: (r) => r.position }, { name: 'first_name', type: 'text', value: (r) => r.firstName },
  { name: 'last_name', type: 'text', value: (r) => r.lastName }, { name: 'date_of_birth', type: 'date', value: (r) => r.dateOfBirth },
  { name: 'sex', type: 'text', value: (r) => r.sex }, { name: 'ethnicity', type: 'text', value: (r) => r.ethnicity },
  { name: 'disability', type: 'text', value: (r) => r.disability },
];

const MATCH: Column<MatchRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'authority', type: 'text', value: (r) => r.authority },
  { name: 'source_id', type: 'text', value: (r) => r.sourceId }, { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'child_id', type: 'uuid', value: (r) => r.childId }, { name: 'sibling_group_id', type: 'uuid', value: (r) => r.siblingGroupId },
  { name: 'status', type: 'text', value: (r) => r.status }, { name: 'linked_on', type: 'date', value: (r) => r.linkedOn },
  { name: 'matched_on', type: 'date', value: (r) => r.matchedOn }, { name: 'placed_on', type: 'date', value: (r) => r.placedOn },
  { name: 'adoption_order_on', type: 'date', value: (r) => r.adoptionOrderOn },
  { name: 'ended_on', type: 'date', value: (r) => r.endedOn },
];

const SUPPORT_CASE: Column<SupportCaseRecord>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'agency', type: 'text', value: (r) => r.agency },
  { name: 'source_id', type: 'text', value: (r) => r.sourceId }, { name: 'lives_in', type: 'text', value: (r) => r.livesIn },
  { name: 'type', type: 'text', value: (r) => r.type }, { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'opened_on', type: 'date', value: (r) => r.openedOn }, { name: 'closed_on', type: 'date', value: (r) => r.closedOn },
];

/** A change-feed entry: every record the demo writes is an UPSERT its owner's integrations can replay. */
interface Change { authority: string; entity: string; entityId: string; sourceId: string }

const CHANGE: Column<Change>[] = [
  { name: 'authority', type: 'text', value: (r) => r.authority }, { name: 'entity', type: 'text', value: (r) => r.entity },
  { name: 'entity_id', type: 'uuid', value: (r) => r.entityId }, { name: 'source_id', type: 'text', value: (r) => r.sourceId },
  { name: 'operation', type: 'text', value: () => 'UPSERT' },
];

/** Writes one partnership chunk on `sql` (a transaction's), parents before children, then its change-feed history. */
export async function writePartnership(sql: Sql, data: PartnershipData): Promise<void> {
  // Authorities may already exist (e.g. created for integration clients); the demo's own definition then yields.
  await insertRows(sql, 'authority', AUTHORITY, data.authorities, 'ON CONFLICT (code) DO NOTHING');
  await insertRows(sql, 'sibling_group', SIBLING_GROUP, data.siblingGroups);
  await insertRows(sql, 'child', CHILD, data.children);
  await insertRows(sql, 'care_episode', EPISODE, data.episodes);
  await insertRows(sql, 'adopter_household', HOUSEHOLD, data.households);
  await insertRows(sql, 'adopter', ADOPTER, data.adopters);
  await insertRows(sql, 'adoption_match', MATCH, data.matches);
  await insertRows(sql, 'support_case', SUPPORT_CASE, data.supportCases);
  const changes: Change[] = [
    ...data.siblingGroups.map((r) => ({ authority: r.authority, entity: 'SiblingGroup', entityId: r.id, sourceId: r.sourceId })),
    ...data.children.map((r) => ({ authority: r.authority, entity: 'Child', entityId: r.id, sourceId: r.sourceId })),
    ...data.households.map((r) => ({ authority: r.agency, entity: 'AdopterHousehold', entityId: r.id, sourceId: r.reference })),
    ...data.supportCases.map((r) => ({ authority: r.agency, entity: 'SupportCase', entityId: r.id, sourceId: r.sourceId })),
  ];
  await insertRows(sql, 'change_log', CHANGE, changes);
}

/** Loads a partnership (or a stream of RAA chunks) in one transaction: all of it lands, or none. */
export async function loadPartnership(db: Database, data: PartnershipData | Iterable<PartnershipData>): Promise<void> {
  const chunks = isChunk(data) ? [data] : data;
  await db.transaction(async (tx) => {
    for (const chunk of chunks) await writePartnership(tx, chunk);
  });
}

function isChunk(data: PartnershipData | Iterable<PartnershipData>): data is PartnershipData {
  return Array.isArray((data as PartnershipData).children);
}
