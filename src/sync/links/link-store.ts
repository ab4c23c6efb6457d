// Writes syncLinks records inside the caller's transaction: references resolved (a record naming a household,
// child or sibling group the hub does not hold is rejected), deletions erased, the links merged (one statement),
// the change feed, then the children and households the changed links touch follow them.
import type { Sql } from '../../db/sql';
import { LINK_STEP_DATES } from '../../domain/links';
import { recordUpserts } from '../change-log';
import { eraseLinks } from '../erasure';
import { mergeUpsert, sentSql, type MergeColumn, type MergeSpec } from '../merge-upsert';
import { recordChildChanges, refreshMilestones } from '../milestone-refresh';
import type { SyncRejection } from '../sync-batch';
import { followLinksForHouseholds } from './link-milestones';
import type { ValidLink } from './link-record';

const text = (key: string, column: string): MergeColumn => ({ key, column, type: 'text' });

/** How each Link record key fills the adoption_match table; references are found by the owners' own ids. */
export const LINK_SPEC: MergeSpec = {
  table: 'adoption_match',
  owner: 'authority',
  keyColumn: 'source_id',
  columns: [
    { key: 'householdReference', column: 'household_id', type: 'uuid', input: 'hh.id' },
    { key: 'target', column: 'child_id', type: 'uuid', input: 'tc.id' },
    { key: 'target', column: 'sibling_group_id', type: 'uuid', input: 'tg.id' },
    ...LINK_STEP_DATES.map(([, key, column]): MergeColumn => ({ key, column, type: 'date' })),
    text('initiatedBy', 'initiated_by'), text('placingAgency', 'placing_agency'),
    { key: 'interAgency', column: 'inter_agency', type: 'boolean' },
    { key: 'endedOn', column: 'ended_on', type: 'date' },
    text('endReason', 'end_reason'), text('endedAtStep', 'ended_at_step'),
    text('status', 'status'),
  ],
  extraInputs: [['household_reference', 'text'], ['child_authority', 'text'], ['child_source', 'text'], ['group_source', 'text']],
  joins: `LEFT JOIN adopter_household hh ON hh.agency = $1 AND hh.reference = u.household_reference
      LEFT JOIN child tc ON tc.authority = u.child_authority AND tc.source_id = u.child_source
      LEFT JOIN sibling_group tg ON tg.authority = u.child_authority AND tg.source_id = u.group_source`,
};

const col = (column: string) => LINK_SPEC.columns.find((c) => c.column === column)!;

/** The furthest step with a date on the merged row `m`. */
const furthestStep = `CASE ${[...LINK_STEP_DATES].reverse().map(([step, , column]) => `WHEN m.${column} IS NOT NULL THEN '${step}'`).join(' ')} END`;

// A sent status wins; a record that sends dates but no status gets the one its dates say (ENDED once it has an end
// date); otherwise the stored status stays. The end's fields hold only while the link is ENDED, and an ended link
// without a step sent ended at its furthest dated step.
const anyDateSent = [...LINK_STEP_DATES.map(([, key]) => key), 'endedOn'].map((k) => sentSql(LINK_SPEC, k)).join(' OR ');
const derivedStatus = `CASE WHEN m.ended_on IS NOT NULL THEN 'ENDED' ELSE ${furthestStep} END`;
const statusSql = `CASE WHEN ${sentSql(LINK_SPEC, 'status')} THEN m.status
  WHEN ${anyDateSent} THEN COALESCE(${derivedStatus}, m.status, 'EXPRESSION_OF_INTEREST')
  ELSE COALESCE(m.status, ${derivedStatus}, 'EXPRESSION_OF_INTEREST') END`;
col('status').output = statusSql;
col('ended_on').output = `CASE WHEN (${statusSql}) = 'ENDED' THEN m.ended_on END`;
col('end_reason').output = `CASE WHEN (${statusSql}) = 'ENDED' THEN m.end_reason END`;
col('ended_at_step').output = `CASE WHEN (${statusSql}) = 'ENDED' THEN COALESCE(m.ended_at_step, ${furthestStep}) END`;

interface Resolved { idx: number; existing: string | null; household: string | null; child: string | null; grp: string | null; raa: string | null }

/** Rejects records whose references the hub cannot resolve, and new links missing a side (one statement). */
async function resolveReferences(tx: Sql, agency: string, links: readonly ValidLink[]): Promise<SyncRejection[]> {
  if (links.length === 0) return [];
  const rows = await tx.query<Resolved>(`
    SELECT u.idx, cur.id AS existing, h.id AS household, c.id AS child, g.id AS grp, a.raa_code AS raa
    FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(idx, source_id, household_ref, child_authority, child_source, group_source)
    LEFT JOIN adoption_match cur ON cur.authority = $1 AND cur.source_id = u.source_id
    LEFT JOIN adopter_household h ON h.agency = $1 AND h.reference = u.household_ref
    LEFT JOIN authority a ON a.code = u.child_authority
    LEFT JOIN child c ON c.authority = u.child_authority AND c.source_id = u.child_source
    LEFT JOIN sibling_group g ON g.authority = u.child_authority AND g.source_id = u.group_source`,
  [agency, links.map((l) => l.index), links.map((l) => l.sourceId), ...['householdReference', 'childAuthority', 'childSourceId', 'siblingGroupSourceId']
    .map((k) => links.map((l) => (l.values[k] as string | null | undefined) ?? null))]);
  const byIdx = new Map(rows.map((r) => [r.idx, r]));
  const out: SyncRejection[] = [];
  for (const l of links) {
    const r = byIdx.get(l.index)!;
    const reject = (field: string, why: string) => out.push({ index: l.index, sourceId: l.sourceId, field, reason: `${field} ${why}` });
    const v = l.values;
    if (l.sent.has('householdReference') && !r.household) reject('householdReference', `"${v.householdReference}": ${agency} holds no household with this reference`);
    else if (l.sent.has('target') && r.raa !== agency) reject('childAuthority', `"${v.childAuthority}" is not a member LA of ${agency}`);
    else if (v.childSourceId && !r.child) reject('childSourceId', `"${v.childSourceId}": ${v.childAuthority} holds no child with this id`);
    else if (v.siblingGroupSourceId && !r.grp) reject('siblingGroupSourceId', `"${v.siblingGroupSourceId}": ${v.childAuthority} holds no sibling group with this id`);
    else if (!r.existing && !l.sent.has('householdReference')) reject('householdReference', 'is required for a new link');
    else if (!r.existing && !l.sent.has('target')) reject('childSourceId', 'is required for a new link (or siblingGroupSourceId), with childAuthority');
  }
  return out;
}

/** The children a set of links reaches: their own child and every child of their sibling group. */
async function childrenOfLinks(tx: Sql, where: string, params: unknown[]): Promise<{ id: string; authority: string }[]> {
  return tx.query(`SELECT DISTINCT c.id, c.authority FROM adoption_match m
    JOIN child c ON c.id = m.child_id OR (m.sibling_group_id IS NOT NULL AND c.sibling_group_id = m.sibling_group_id)
    WHERE ${where}`, params);
}

/**
 * Writes the valid links; returns how many links changed or were erased, and the records refused for their
 * references. Children and households the changed links touch (before and after) are re-derived and reported.
 */
export async function storeLinks(tx: Sql, agency: string, valid: readonly ValidLink[]): Promise<{ changed: number; rejected: SyncRejection[] }> {
  const rejected = await resolveReferences(tx, agency, valid.filter((l) => !l.deleted));
  const refused = new Set(rejected.map((r) => r.index));
  const upserts = valid.filter((l) => !l.deleted && !refused.has(l.index));
  const deletions = valid.filter((l) => l.deleted).map((l) => l.sourceId);
  const keys = [...upserts.map((l) => l.sourceId), ...deletions];
  // What the links reach before the write, so a link moved to another child or household moves both.
  const before = await childrenOfLinks(tx, 'm.authority = $1 AND m.source_id = ANY($2::text[])', [agency, keys]);
  const householdsBefore = await tx.query<{ household_id: string; source_id: string }>(
    'SELECT household_id, source_id FROM adoption_match WHERE authority = $1 AND source_id = ANY($2::text[])', [agency, keys]);

  const erased = (await eraseLinks(tx, agency, deletions)).map((e) => ({ id: e.id, source_id: e.sourceId }));
  const merged = await mergeUpsert(tx, LINK_SPEC, agency, upserts.map((l) => {
    const values: Record<string, unknown> = {
      household_reference: l.values.householdReference, child_authority: l.values.childAuthority,
      child_source: l.values.childSourceId, group_source: l.values.siblingGroupSourceId,
    };
    for (const c of LINK_SPEC.columns) if (!c.input) values[c.column] = l.values[c.key];
    return { key: l.sourceId, sent: l.sent, values };
  }));
  await recordUpserts(tx, 'AdoptionLink', agency, merged.map((r) => r.id));

  const changedKeys = new Set([...merged.map((r) => r.key), ...erased.map((e) => e.source_id)]);
  if (changedKeys.size > 0) {
    const after = await childrenOfLinks(tx, 'm.id = ANY($1::uuid[])', [merged.map((r) => r.id)]);
    const touched = new Map([...before, ...after].map((c) => [c.id, c.authority]));
    const changedChildren = await refreshMilestones(tx, [...touched.keys()]);
    const byAuthority = new Map<string, string[]>();
    for (const id of changedChildren) byAuthority.set(touched.get(id)!, [...(byAuthority.get(touched.get(id)!) ?? []), id]);
    for (const [authority, ids] of [...byAuthority].sort(([a], [b]) => a.localeCompare(b))) await recordChildChanges(tx, authority, ids);
    const householdsAfter = await tx.query<{ household_id: string }>('SELECT household_id FROM adoption_match WHERE id = ANY($1::uuid[])', [merged.map((r) => r.id)]);
    const households = new Set([...householdsBefore.filter((h) => changedKeys.has(h.source_id)), ...householdsAfter].map((h) => h.household_id));
    await recordUpserts(tx, 'AdopterHousehold', agency, await followLinksForHouseholds(tx, agency, [...households]));
  }
  return { changed: merged.length + erased.length, rejected };
}
