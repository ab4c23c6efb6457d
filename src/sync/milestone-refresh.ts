// Re-derives children's milestone dates and stage from everything stored for them (all returns' episodes, AD1 and
// decisions), so returns imported in separate runs and in any order give the same child.
import type { Sql } from '../db/sql';
import type { ExtractPlacedAdoption } from './ssda903/extract';
import { followLinks, loadLinkFacts } from './links/link-milestones';
import { deriveMilestones, stageOf, type EpisodeFacts, type Milestones, type ReportedAdoption } from './ssda903/milestone-derivation';

interface EpisodeRow extends EpisodeFacts { child_id: string }
interface Ad1Row { child_id: string; dateInt: string | null; dateMatch: string | null }
interface DecisionRow extends ExtractPlacedAdoption { child_id: string }

const MILESTONE_COLUMNS: [keyof Milestones, string, string][] = [
  ['enteredCareOn', 'entered_care_on', 'date'], ['placementOrderOn', 'placement_order_on', 'date'],
  ['fosteringForAdoptionOn', 'fostering_for_adoption_on', 'date'], ['placedOn', 'placed_on', 'date'],
  ['movedInOn', 'moved_in_on', 'date'], ['adoptionOrderOn', 'adoption_order_on', 'date'],
  ['decisionOn', 'decision_on', 'date'], ['planChangedOn', 'plan_changed_on', 'date'],
  ['planChangedReason', 'plan_changed_reason', 'text'], ['matchedOn', 'matched_on', 'date'],
];

/** Loads what the derivation needs for these children (five statements, whatever their number). */
async function loadFacts(tx: Sql, childIds: readonly string[]) {
  // One after another: a transaction's client runs one statement at a time.
  const episodes = await tx.query<EpisodeRow>(`SELECT child_id, decom::text AS decom, rne, legal_status AS "legalStatus", place,
        dec::text AS dec, rec FROM care_episode WHERE child_id = ANY($1::uuid[])`, [childIds]);
  const ad1s = await tx.query<Ad1Row>(`SELECT child_id, decision_on::text AS "dateInt", matched_on::text AS "dateMatch"
        FROM child_adoption WHERE child_id = ANY($1::uuid[])`, [childIds]);
  const decisions = await tx.query<DecisionRow>(`SELECT child_id, decided_on::text AS "datePlaced", reversed_on::text AS "datePlacedCeased",
        reversal_reason AS "reasonPlacedCeased" FROM child_adoption_decision WHERE child_id = ANY($1::uuid[])`, [childIds]);
  // The DfE CSC path's adoption blocks: the child's latest (by its latest date) stands for the child.
  const reported = await tx.query<ReportedAdoption & { child_id: string }>(`SELECT DISTINCT ON (child_id) child_id,
        decision_on::text AS "decisionOn", matched_on::text AS "matchedOn", placed_on::text AS "placedOn"
        FROM child_csc_adoption WHERE child_id = ANY($1::uuid[])
        ORDER BY child_id, COALESCE(placed_on, matched_on, decision_on) DESC NULLS LAST, csc_episode_id`, [childIds]);
  // The dates the LA sent through syncChildren: a date no stored case-system fact establishes falls back to them.
  const sent = await tx.query<{ child_id: string; sent: Record<string, string> }>(
    `SELECT id AS child_id, sent_milestones AS sent FROM child WHERE id = ANY($1::uuid[])`, [childIds]);
  const group = <T extends { child_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.child_id, [...(m.get(r.child_id) ?? []), r]);
    return m;
  };
  return { episodes: group(episodes), ad1s: new Map(ad1s.map((a) => [a.child_id, a])), decisions: group(decisions),
    reported: new Map(reported.map((r) => [r.child_id, r])), sent: new Map(sent.map((c) => [c.child_id, c.sent])) };
}

/**
 * A milestone the stored facts do not establish takes the date the LA sent through syncChildren (e.g. a placement
 * order for a child synced through the DfE API, which carries no legal status); the stage then follows from the
 * merged dates by the same rules.
 */
function keepSentDates(derived: Milestones, sent: Record<string, string> | undefined): Milestones {
  if (!sent || Object.keys(sent).length === 0) return derived;
  const merged: Record<string, unknown> = { ...derived };
  for (const [key, column] of MILESTONE_COLUMNS) if (merged[key] == null && sent[column]) merged[key] = sent[column];
  return { ...(merged as unknown as Milestones), stage: stageOf(merged as unknown as Milestones) };
}

/**
 * Recomputes the milestones of `childIds` and writes those that differ. A child with an explicit stage (from
 * syncChildren) keeps it: the 903 then sets only its dates. Returns the ids of the children it changed.
 */
export async function refreshMilestones(tx: Sql, childIds: readonly string[]): Promise<string[]> {
  if (childIds.length === 0) return [];
  const facts = await loadFacts(tx, childIds);
  // The RAA's links come last: they fill what the case records leave empty (links/link-milestones.ts).
  const links = await loadLinkFacts(tx, childIds);
  const derived = childIds.map((id) => followLinks(keepSentDates(deriveMilestones({
    episodes: facts.episodes.get(id) ?? [], ad1: facts.ad1s.get(id) ?? null, placedAdoption: facts.decisions.get(id) ?? [],
    reported: facts.reported.get(id) ?? null,
  }), facts.sent.get(id)), links.get(id)));
  const params: unknown[] = [childIds, derived.map((m) => m.stage)];
  for (const [key] of MILESTONE_COLUMNS) params.push(derived.map((m) => m[key]));
  const cols = MILESTONE_COLUMNS.map(([, col]) => col);
  const types = MILESTONE_COLUMNS.map(([, , type], i) => `$${i + 3}::${type}[]`);
  const stage = `CASE WHEN c.stage_explicit THEN c.stage ELSE u.stage END`;
  const rows = await tx.query<{ id: string }>(`
    UPDATE child c SET ${cols.map((k) => `${k} = u.${k}`).join(', ')}, stage = ${stage}, updated_at = now()
    FROM unnest($1::uuid[], $2::text[], ${types.join(', ')}) AS u(id, stage, ${cols.join(', ')})
    WHERE c.id = u.id
      AND (${cols.map((k) => `c.${k}`).join(', ')}, c.stage)
          IS DISTINCT FROM (${cols.map((k) => `u.${k}`).join(', ')}, ${stage})
    RETURNING c.id`, params);
  return rows.map((r) => r.id);
}

/** Marks children changed: bumps `updated_at` and appends one UPSERT to the change feed for each. */
export async function recordChildChanges(tx: Sql, authority: string, childIds: readonly string[]): Promise<void> {
  if (childIds.length === 0) return;
  await tx.query(`
    WITH touched AS (
      UPDATE child SET updated_at = now() WHERE authority = $1 AND id = ANY($2::uuid[]) RETURNING id, source_id
    )
    INSERT INTO change_log (authority, entity, entity_id, source_id, operation)
    SELECT $1, 'Child', id, source_id, 'UPSERT' FROM touched ORDER BY source_id`, [authority, childIds]);
}
