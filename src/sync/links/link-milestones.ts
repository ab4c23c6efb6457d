// How the RAA's links move a child's milestones and stage, and a household's, where the case records are silent.
// Precedence for a child: the 903 (and DfE API) facts first, then the dates the LA sent through syncChildren, then
// the links; an explicit stage sent by the LA stays (milestone-refresh.ts). For a household: its own record first.
import type { Sql } from '../../db/sql';
import type { PermanenceStage } from '../../domain/stages';
import { stageOf, type Milestones } from '../ssda903/milestone-derivation';

/** What a child's links say: the live links' latest dates and furthest status, and the latest disruption. */
export interface LinkFacts {
  matchedOn: string | null;
  placedOn: string | null;
  adoptionOrderOn: string | null;
  /** The furthest status of a live (not ENDED) link. */
  liveStatus: string | null;
  /** When the latest link ended by a disruption before the adoption order. */
  disruptedOn: string | null;
}

const ORDER = ['EXPRESSION_OF_INTEREST', 'LINKED', 'MATCHING_PANEL', 'MATCHED', 'PLACED', 'ADOPTION_ORDER'];

/** The link facts of each child, its own links and its sibling group's (one statement). */
export async function loadLinkFacts(tx: Sql, childIds: readonly string[]): Promise<Map<string, LinkFacts>> {
  const rows = await tx.query<{ child_id: string; status: string; matched_on: string | null; placed_on: string | null;
    adoption_order_on: string | null; ended_on: string | null; end_reason: string | null }>(`
    SELECT c.id AS child_id, m.status, m.matched_on::text, m.placed_on::text, m.adoption_order_on::text,
           m.ended_on::text, m.end_reason
    FROM child c JOIN adoption_match m ON m.child_id = c.id OR (c.sibling_group_id IS NOT NULL AND m.sibling_group_id = c.sibling_group_id)
    WHERE c.id = ANY($1::uuid[])`, [childIds]);
  const out = new Map<string, LinkFacts>();
  const max = (a: string | null, b: string | null) => (a && (!b || a > b) ? a : b);
  for (const r of rows) {
    const f = out.get(r.child_id) ?? { matchedOn: null, placedOn: null, adoptionOrderOn: null, liveStatus: null, disruptedOn: null };
    if (r.status === 'ENDED') {
      if (r.end_reason === 'DISRUPTION_BEFORE_ORDER') f.disruptedOn = max(r.ended_on, f.disruptedOn);
    } else {
      f.matchedOn = max(r.matched_on, f.matchedOn);
      f.placedOn = max(r.placed_on, f.placedOn);
      f.adoptionOrderOn = max(r.adoption_order_on, f.adoptionOrderOn);
      if (!f.liveStatus || ORDER.indexOf(r.status) > ORDER.indexOf(f.liveStatus)) f.liveStatus = r.status;
    }
    out.set(r.child_id, f);
  }
  return out;
}

const BEFORE_LINK: readonly (PermanenceStage | null)[] = ['ADM_DECISION', 'FAMILY_FINDING'];
const BEFORE_MATCH: readonly (PermanenceStage | null)[] = ['ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH'];

/**
 * Fills the dates the case records leave empty from the live links (a match the RAA recorded is the match date),
 * then moves the stage: a link being progressed (LINKED, MATCHING_PANEL) is PROGRESS_TO_MATCH, a match or
 * placement MATCHED_PLACED; a disruption before the order, later than any live match, is back to FAMILY_FINDING.
 * A child not on an adoption pathway by its records (no stage), adopted or whose plan changed is left as it is.
 */
export function followLinks(m: Milestones, f: LinkFacts | undefined): Milestones {
  if (!f) return m;
  const merged: Milestones = {
    ...m,
    matchedOn: m.matchedOn ?? f.matchedOn,
    placedOn: m.placedOn ?? f.placedOn,
    adoptionOrderOn: m.adoptionOrderOn ?? f.adoptionOrderOn,
  };
  let stage = m.stage === null ? null : stageOf(merged) ?? m.stage;
  if (stage === null || stage === 'ADOPTED' || stage === 'PLAN_CHANGED') return { ...merged, stage };
  const disrupted = f.disruptedOn !== null && (f.matchedOn === null || f.disruptedOn >= f.matchedOn)
    && (merged.placedOn === null || f.disruptedOn >= merged.placedOn);
  if (disrupted) {
    stage = 'FAMILY_FINDING';
  } else if (f.liveStatus && ORDER.indexOf(f.liveStatus) >= ORDER.indexOf('MATCHED') && BEFORE_MATCH.includes(stage)) {
    stage = 'MATCHED_PLACED';
  } else if ((f.liveStatus === 'LINKED' || f.liveStatus === 'MATCHING_PANEL') && BEFORE_LINK.includes(stage)) {
    stage = 'PROGRESS_TO_MATCH';
  }
  return { ...merged, stage };
}

/**
 * Moves households with their links: dates the household's own record leaves empty are filled from its live links,
 * and an APPROVED, MATCHED or PLACED household moves forward to what its furthest live link says; when its latest
 * link ended by a disruption before the order and no live link is matched, a MATCHED or PLACED household is back to
 * APPROVED (waiting again). Returns the households changed (one statement).
 */
export async function followLinksForHouseholds(tx: Sql, agency: string, householdIds: readonly string[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const rows = await tx.query<{ id: string }>(`
    WITH f AS (
      SELECT m.household_id,
        max(m.matched_on) FILTER (WHERE m.status <> 'ENDED') AS matched_on,
        max(m.placed_on) FILTER (WHERE m.status <> 'ENDED') AS placed_on,
        max(m.adoption_order_on) FILTER (WHERE m.status <> 'ENDED') AS adoption_order_on,
        max(array_position($3::text[], m.status)) FILTER (WHERE m.status <> 'ENDED') AS live_step,
        max(m.ended_on) FILTER (WHERE m.status = 'ENDED' AND m.end_reason = 'DISRUPTION_BEFORE_ORDER') AS disrupted_on
      FROM adoption_match m WHERE m.authority = $1 AND m.household_id = ANY($2::uuid[])
      GROUP BY m.household_id),
    n AS (
      SELECT h.id,
        COALESCE(h.matched_on, f.matched_on) AS matched_on, COALESCE(h.placed_on, f.placed_on) AS placed_on,
        COALESCE(h.adoption_order_on, f.adoption_order_on) AS adoption_order_on,
        CASE
          WHEN h.stage NOT IN ('APPROVED', 'MATCHED', 'PLACED') THEN h.stage
          WHEN f.disrupted_on IS NOT NULL AND (f.matched_on IS NULL OR f.disrupted_on >= f.matched_on)
               AND h.stage IN ('MATCHED', 'PLACED') THEN 'APPROVED'
          WHEN f.live_step >= 6 THEN 'ADOPTION_ORDER'
          WHEN f.live_step >= 5 AND h.stage IN ('APPROVED', 'MATCHED') THEN 'PLACED'
          WHEN f.live_step >= 4 AND h.stage = 'APPROVED' THEN 'MATCHED'
          ELSE h.stage END AS stage
      FROM adopter_household h JOIN f ON f.household_id = h.id WHERE h.agency = $1)
    UPDATE adopter_household h SET matched_on = n.matched_on, placed_on = n.placed_on,
      adoption_order_on = n.adoption_order_on, stage = n.stage, updated_at = now()
    FROM n WHERE h.id = n.id
      AND (h.matched_on, h.placed_on, h.adoption_order_on, h.stage) IS DISTINCT FROM (n.matched_on, n.placed_on, n.adoption_order_on, n.stage)
    RETURNING h.id`, [agency, householdIds, ORDER]);
  return rows.map((r) => r.id);
}

/**
 * followLinks's stage rule as SQL, for the syncChildren merge: `derived` is the stage the LA's dates imply, `childKey`
 * the child's source id (owner `$1`), `placedOn` its merged placement date. Without it, an LA re-sending a linked
 * child would put it back to the stage of its own dates until the next link change (and a re-run would not be
 * idempotent once syncLinks moved it again).
 */
export function linkAwareStageSql(derived: string, childKey: string, placedOn: string): string {
  const steps = `ARRAY[${ORDER.map((s) => `'${s}'`).join(', ')}]`;
  return `(SELECT CASE
      WHEN d.s IS NULL OR d.s IN ('ADOPTED', 'PLAN_CHANGED') OR f.n = 0 THEN d.s
      WHEN f.disrupted IS NOT NULL AND (f.matched IS NULL OR f.disrupted >= f.matched)
           AND (${placedOn} IS NULL OR f.disrupted >= ${placedOn}) THEN 'FAMILY_FINDING'
      WHEN f.live_step >= 4 AND d.s IN ('ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH') THEN 'MATCHED_PLACED'
      WHEN f.live_step IN (2, 3) AND d.s IN ('ADM_DECISION', 'FAMILY_FINDING') THEN 'PROGRESS_TO_MATCH'
      ELSE d.s END
    FROM (SELECT ${derived} AS s) d,
      (SELECT count(*) AS n,
         max(array_position(${steps}, lm.status)) FILTER (WHERE lm.status <> 'ENDED') AS live_step,
         max(lm.matched_on) FILTER (WHERE lm.status <> 'ENDED') AS matched,
         max(lm.ended_on) FILTER (WHERE lm.status = 'ENDED' AND lm.end_reason = 'DISRUPTION_BEFORE_ORDER') AS disrupted
       FROM child lc JOIN adoption_match lm ON lm.child_id = lc.id
         OR (lc.sibling_group_id IS NOT NULL AND lm.sibling_group_id = lc.sibling_group_id)
       WHERE lc.authority = $1 AND lc.source_id = ${childKey}) f)`;
}

/** The dates a live link fills where the LA's own record is silent (followLinks's `merged`). */
export const LINK_FILLED_DATES = ['matched_on', 'placed_on', 'adoption_order_on'] as const;

/**
 * `column` (one of LINK_FILLED_DATES) of the child `childKey` (owner `$1`) as the syncChildren merge writes it: the
 * merged value (the LA's date; null when the LA sent null or never sent one) or else the child's live links' latest,
 * as followLinks fills it. So an LA sending null for a date a link filled changes nothing (the precedence in
 * docs/links.md), and a re-run of the same batch stays idempotent.
 */
export function linkFilledDateSql(merged: string, column: (typeof LINK_FILLED_DATES)[number], childKey: string): string {
  return `COALESCE(${merged}, (SELECT max(lm.${column}) FROM child lc JOIN adoption_match lm ON lm.child_id = lc.id
      OR (lc.sibling_group_id IS NOT NULL AND lm.sibling_group_id = lc.sibling_group_id)
    WHERE lc.authority = $1 AND lc.source_id = ${childKey} AND lm.status <> 'ENDED'))`;
}

