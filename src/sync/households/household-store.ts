// Writes syncAdopterHouseholds records inside the caller's transaction: the households (one merge statement), their
// adopters (one statement), then one change-feed entry per household that really changed.
import type { Sql } from '../../db/sql';
import { recordUpserts } from '../change-log';
import { mergeUpsert, sentSql, type MergeColumn, type MergeSpec } from '../merge-upsert';
import { derivedAdopterStageSql, HOUSEHOLD_DATES } from './adopter-stage';
import { ADOPTER_FIELDS, type AdopterRecord, type ApprovedForRecord, type ValidHousehold } from './household-record';

const col = (key: string, column: string, type = 'text', extra: Partial<MergeColumn> = {}): MergeColumn => ({ key, column, type, ...extra });

const BASE: MergeSpec = { table: 'adopter_household', owner: 'agency', keyColumn: 'reference', columns: [] };

/** How each AdopterHousehold record key fills the adopter_household table. */
export const HOUSEHOLD_SPEC: MergeSpec = {
  ...BASE,
  columns: [
    ...HOUSEHOLD_DATES.map(([key, column]) => col(key, column, 'date')),
    col('leftReason', 'left_reason'), col('leftReasonCode', 'left_reason_code'), col('householdType', 'household_type'), col('ethnicity', 'ethnicity'),
    col('religion', 'religion'),
    col('languages', 'languages', 'text[]', { input: 'ARRAY(SELECT jsonb_array_elements_text(u.languages_json))', fallback: `'{}'::text[]` }),
    col('childrenInHome', 'children_in_home', 'int', { fallback: '0' }),
    col('socialWorker', 'social_worker'), col('livesIn', 'lives_in'),
    col('approvedFor', 'approved_min_age_months', 'int'), col('approvedFor', 'approved_max_age_months', 'int'),
    col('approvedFor', 'age_tolerance_months', 'int', { fallback: '0' }), col('approvedFor', 'approved_max_children', 'int'),
    col('approvedFor', 'approved_siblings', 'boolean', { fallback: 'false' }),
    col('approvedFor', 'early_permanence', 'boolean', { fallback: 'false' }),
    col('needsCapacity', 'needs_capacity', 'jsonb', { fallback: `'{}'::jsonb` }),
    col('sexualOrientation', 'sexual_orientation'), col('address', 'address'), col('postcode', 'postcode'),
    col('healthNotes', 'health_notes'),
    col('stage', 'stage'),
  ],
  extraInputs: [['languages_json', 'jsonb']],
};

// A sent stage wins; a record that sends dates but no stage gets the stage its dates imply; otherwise the stored
// stage stays (a new household with nothing to go on starts at ENQUIRY).
const stageColumn = HOUSEHOLD_SPEC.columns[HOUSEHOLD_SPEC.columns.length - 1];
stageColumn.output = `CASE WHEN ${sentSql(HOUSEHOLD_SPEC, 'stage')} THEN m.stage
  WHEN ${HOUSEHOLD_DATES.map(([key]) => sentSql(HOUSEHOLD_SPEC, key)).join(' OR ')} THEN ${derivedAdopterStageSql('m')}
  ELSE COALESCE(m.stage, ${derivedAdopterStageSql('m')}) END`;

const APPROVED_FOR_COLUMNS: [keyof ApprovedForRecord, string][] = [
  ['minAgeMonths', 'approved_min_age_months'], ['maxAgeMonths', 'approved_max_age_months'],
  ['ageToleranceMonths', 'age_tolerance_months'], ['maxChildren', 'approved_max_children'],
  ['siblingGroups', 'approved_siblings'], ['earlyPermanence', 'early_permanence'],
];

function mergeValues(h: ValidHousehold): Record<string, unknown> {
  const values: Record<string, unknown> = { languages_json: h.values.languages };
  for (const c of HOUSEHOLD_SPEC.columns) if (!c.input && c.key !== 'approvedFor') values[c.column] = h.values[c.key];
  const approved = h.values.approvedFor as ApprovedForRecord | null | undefined;
  for (const [key, column] of APPROVED_FOR_COLUMNS) values[column] = approved ? approved[key] : null;
  return values;
}

const ADOPTER_COLUMNS = ['first_name', 'last_name', 'date_of_birth', 'sex', 'ethnicity', 'disability'];
const ADOPTER_TYPES = ['text', 'text', 'date', 'text', 'text', 'text'];

/**
 * Replaces the adopters of the households whose record sent `adopters` (positions 1 and 2): positions beyond the
 * list go; within an adopter a field left out keeps its stored value (the Annex A list, say, has no names). Writes
 * only rows that differ; returns the ids of the households whose adopters changed.
 */
async function replaceAdopters(tx: Sql, agency: string, households: readonly ValidHousehold[]): Promise<string[]> {
  const withAdopters = households.filter((h) => h.sent.has('adopters'));
  if (withAdopters.length === 0) return [];
  const rows = withAdopters.flatMap((h) => ((h.values.adopters as AdopterRecord[] | null) ?? []).map((a, i) => ({ ref: h.reference, pos: i + 1, a })));
  const sentMask = (a: AdopterRecord) => ADOPTER_FIELDS.reduce((m, f, i) => (a[f] === undefined ? m : m | (1 << i)), 0);
  const merged = ADOPTER_COLUMNS.map((c, i) => `CASE WHEN (u.sent & ${1 << i}) <> 0 THEN u.${c} ELSE cur.${c} END`);
  const changed = await tx.query<{ household_id: string }>(`
    WITH h AS (SELECT id, reference FROM adopter_household WHERE agency = $1 AND reference = ANY($2::text[])),
    u AS (SELECT * FROM unnest($3::text[], $4::int[], $5::int[], ${ADOPTER_TYPES.map((t, i) => `$${i + 6}::${t}[]`).join(', ')})
            AS u(reference, position, sent, ${ADOPTER_COLUMNS.join(', ')})),
    gone AS (
      DELETE FROM adopter a USING h WHERE a.household_id = h.id
        AND NOT EXISTS (SELECT 1 FROM u WHERE u.reference = h.reference AND u.position = a.position)
      RETURNING a.household_id),
    put AS (
      INSERT INTO adopter AS a (household_id, position, ${ADOPTER_COLUMNS.join(', ')})
      SELECT h.id, u.position, ${merged.join(', ')}
      FROM u JOIN h USING (reference) LEFT JOIN adopter cur ON cur.household_id = h.id AND cur.position = u.position
      ON CONFLICT (household_id, position) DO UPDATE SET ${ADOPTER_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
      WHERE (${ADOPTER_COLUMNS.map((c) => `a.${c}`).join(', ')}) IS DISTINCT FROM (${ADOPTER_COLUMNS.map((c) => `excluded.${c}`).join(', ')})
      RETURNING a.household_id)
    SELECT household_id FROM gone UNION SELECT household_id FROM put`,
  [agency, withAdopters.map((h) => h.reference), rows.map((r) => r.ref), rows.map((r) => r.pos), rows.map((r) => sentMask(r.a)),
    ...ADOPTER_FIELDS.map((f) => rows.map((r) => r.a[f] ?? null))]);
  return changed.map((r) => r.household_id);
}

/** Upserts validated, non-deleted households and their adopters; appends an UPSERT per changed household. */
export async function upsertHouseholds(tx: Sql, agency: string, households: readonly ValidHousehold[]): Promise<string[]> {
  if (households.length === 0) return [];
  const rows = await mergeUpsert(tx, HOUSEHOLD_SPEC, agency, households.map((h) => ({ key: h.reference, sent: h.sent, values: mergeValues(h) })));
  const changed = [...new Set([...rows.map((r) => r.id), ...(await replaceAdopters(tx, agency, households))])];
  await recordUpserts(tx, 'AdopterHousehold', agency, changed);
  return changed;
}
