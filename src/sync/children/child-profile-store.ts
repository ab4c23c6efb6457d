// Writes syncChildren records: sibling groups, then the children (one merge statement), then the change feed,
// all inside the caller's transaction. The 903 store (../child-store.ts) writes episodes and derives dates; this
// one writes the profile an LA's case system holds, dates included, and derives the stage only when none was sent.
import type { Sql } from '../../db/sql';
import { recordChildChanges } from '../milestone-refresh';
import { mergeUpsert, sentSql, type MergeColumn, type MergeSpec } from '../merge-upsert';
import { CHILD_DATES, type ValidChild } from './child-record';
import { LINK_FILLED_DATES, linkAwareStageSql, linkFilledDateSql } from '../links/link-milestones';

const text = (key: string, column: string): MergeColumn => ({ key, column, type: 'text' });

/**
 * A milestone date as written: the LA's (sent, or stored from an earlier record); where the LA is silent (sent null),
 * the stored date when it is not the LA's own (so it came from the 903/DfE facts or a link: an explicit null takes
 * back only what the LA gave); then, for the dates links fill, the child's live links' (docs/links.md, "Which date
 * wins"). Re-sending the same batch therefore rewrites nothing.
 */
function filled(column: string): string {
  const notTheLas = `(SELECT s.${column} FROM child s WHERE s.authority = $1 AND s.source_id = m._key
      AND s.${column} IS DISTINCT FROM (s.sent_milestones->>'${column}')::date)`;
  const merged = `COALESCE(m.${column}, ${notTheLas})`;
  return (LINK_FILLED_DATES as readonly string[]).includes(column)
    ? linkFilledDateSql(merged, column as (typeof LINK_FILLED_DATES)[number], 'm._key') : merged;
}

/**
 * The stage the dates imply when the LA sent none: the same rules as the 903 derivation (`stageOf` in
 * ssda903/milestone-derivation.ts), written over the merged row so a partial record sees the stored dates.
 */
const DERIVED_STAGE = `CASE WHEN ${filled('adoption_order_on')} IS NOT NULL THEN 'ADOPTED'
  WHEN ${filled('plan_changed_on')} IS NOT NULL THEN 'PLAN_CHANGED'
  WHEN ${filled('placed_on')} IS NOT NULL THEN 'MATCHED_PLACED'
  WHEN ${filled('placement_order_on')} IS NOT NULL THEN 'FAMILY_FINDING'
  WHEN ${filled('decision_on')} IS NOT NULL THEN 'ADM_DECISION' END`;

/** How each Child record key fills the child table, before the sent-dates record (which reads its bits). */
const PROFILE_SPEC: MergeSpec = {
  table: 'child',
  owner: 'authority',
  keyColumn: 'source_id',
  columns: [
    text('firstName', 'first_name'), text('lastName', 'last_name'),
    { key: 'dateOfBirth', column: 'date_of_birth', type: 'date' },
    { key: 'expectedDateOfBirth', column: 'expected_date_of_birth', type: 'date' },
    text('sex', 'sex'), text('ethnicity', 'ethnicity'), text('upn', 'upn'), text('nhsNumber', 'nhs_number'),
    text('placementPostcode', 'placement_postcode'),
    { key: 'needs', column: 'needs', type: 'text[]', input: 'ARRAY(SELECT jsonb_array_elements_text(u.needs_json))', fallback: `'{}'::text[]` },
    text('healthSummary', 'health_summary'), text('birthFamilyBackground', 'birth_family_background'),
    text('socialWorker', 'social_worker'),
    { key: 'siblingGroup', column: 'sibling_group_id', type: 'uuid', input: 'sg.id' },
    // The LA's dates; where it is silent, the 903's or the live links' (see `filled`).
    ...CHILD_DATES.map(([key, column]): MergeColumn => ({ key, column, type: 'date', output: filled(column) })),
    { key: 'stage', column: 'stage_explicit', type: 'boolean', input: 'true', fallback: 'false' },
    // Not explicit: the stage the dates imply, moved by the child's links as syncLinks moves it (link-milestones.ts).
    { key: 'stage', column: 'stage', type: 'text',
      output: `CASE WHEN m.stage_explicit THEN m.stage ELSE ${linkAwareStageSql(DERIVED_STAGE, 'm._key', filled('placed_on'))} END` },
  ],
  extraInputs: [['needs_json', 'jsonb'], ['sibling_group_source', 'text']],
  joins: 'LEFT JOIN sibling_group sg ON sg.authority = $1 AND sg.source_id = u.sibling_group_source',
};

/**
 * The dates this record sent, merged into what earlier records sent: sent keys are replaced (or removed when sent
 * as null), others kept. The 903 and DfE derivations fall back to these (see milestone-refresh.ts).
 */
function sentMilestonesSql(spec: MergeSpec): string {
  const sent = (key: string) => sentSql(spec, key);
  const removed = CHILD_DATES.map(([key, column]) => `CASE WHEN ${sent(key)} THEN '${column}' END`).join(', ');
  const added = CHILD_DATES.map(([key, column]) => `'${column}', CASE WHEN ${sent(key)} THEN m.${column} END`).join(', ');
  return `(COALESCE(m.sent_milestones, '{}'::jsonb) - array_remove(ARRAY[${removed}]::text[], NULL))
    || jsonb_strip_nulls(jsonb_build_object(${added}))`;
}

/** The whole spec: the profile, then the dates sent (appended last, so every other key keeps its bit). */
export const CHILD_SPEC: MergeSpec = {
  ...PROFILE_SPEC,
  columns: [
    ...PROFILE_SPEC.columns,
    // Never sent as such: the merged value is the stored one, and the output adds this record's dates.
    { key: 'sentMilestones', column: 'sent_milestones', type: 'jsonb', input: 'NULL', output: sentMilestonesSql(PROFILE_SPEC) },
  ],
};

const COLUMN_OF = new Map(CHILD_SPEC.columns.filter((c) => !c.input).map((c) => [c.key, c.column]));

/** Creates the batch's sibling groups and updates their place-together flag when sent (one statement). */
export async function upsertSiblingGroups(tx: Sql, authority: string, children: readonly ValidChild[]): Promise<void> {
  const groups = new Map<string, boolean | null>();
  for (const c of children) {
    const id = c.values.siblingGroup;
    if (typeof id !== 'string') continue;
    const together = c.values.placeTogether as boolean | null;
    groups.set(id, together ?? groups.get(id) ?? null);
  }
  if (groups.size === 0) return;
  await tx.query(`
    INSERT INTO sibling_group AS g (authority, source_id, place_together)
    SELECT $1, u.source_id, COALESCE(u.together, cur.place_together, true)
    FROM unnest($2::text[], $3::boolean[]) AS u(source_id, together)
    LEFT JOIN sibling_group cur ON cur.authority = $1 AND cur.source_id = u.source_id
    ON CONFLICT (authority, source_id) DO UPDATE SET place_together = excluded.place_together, updated_at = now()
      WHERE g.place_together IS DISTINCT FROM excluded.place_together`,
  [authority, [...groups.keys()], [...groups.values()]]);
}

/** Upserts validated, non-deleted children; appends an UPSERT for each one that changed; returns their ids. */
export async function upsertChildProfiles(tx: Sql, authority: string, children: readonly ValidChild[]): Promise<string[]> {
  if (children.length === 0) return [];
  await upsertSiblingGroups(tx, authority, children);
  const rows = await mergeUpsert(tx, CHILD_SPEC, authority, children.map((c) => {
    const values: Record<string, unknown> = { needs_json: c.values.needs, sibling_group_source: c.values.siblingGroup };
    for (const [key, column] of COLUMN_OF) values[column] = c.values[key];
    return { key: c.sourceId, sent: c.sent, values };
  }));
  const ids = rows.map((r) => r.id);
  await recordChildChanges(tx, authority, ids);
  return ids;
}
