// The ASGLB return's tables as SQL: one statement per table, every column from the item list (asglb-items.ts).
// Unsuppressed (a return to the collector); the caller has checked the export policy for the owner.
import type { Sql } from '../db/sql';
import { ADOPTER_ITEMS, CHILD_ITEMS, ENQUIRY_ITEMS, SGO_ENDINGS, SGO_ITEMS, type AsglbItem } from './asglb-items';
import type { AsglbQuarter } from './asglb-quarter';

/** A table of the return: headers, rows of text, and the children each row is about (for the audit). */
export interface AsglbRows {
  headers: string[];
  rows: (string | null)[][];
  childIds: string[];
}

const select = (items: readonly AsglbItem[]) => items.map((it, i) => `(${it.sql})::text AS c${i}`).join(',\n    ');

async function run(sql: Sql, items: readonly AsglbItem[], text: string, params: unknown[]): Promise<AsglbRows> {
  const raw = await sql.query<Record<string, string | null>>(text, params);
  return {
    headers: items.map((it) => it.header),
    rows: raw.map((r) => items.map((_, i) => r[`c${i}`])),
    childIds: raw.map((r) => r._child).filter((id): id is string => Boolean(id)),
  };
}

/** The children of the return for an LA: an ADM decision (or placement order) by the quarter's end, and their
 * journey not ended (adoption order, plan changed) before it began. */
export const CHILD_POPULATION = `c.authority = $1 AND LEAST(c.decision_on, c.placement_order_on) <= $3::date
  AND COALESCE(c.adoption_order_on, 'infinity'::date) >= $2::date AND COALESCE(c.plan_changed_on, 'infinity'::date) >= $2::date`;

const LINK_OF_CHILD = `(m.child_id = c.id OR (c.sibling_group_id IS NOT NULL AND m.sibling_group_id = c.sibling_group_id))`;

/** The child tab of an LA. */
export function childTab(sql: Sql, authority: string, q: AsglbQuarter): Promise<AsglbRows> {
  return run(sql, CHILD_ITEMS, `
    SELECT c.id AS _child, ${select(CHILD_ITEMS)}
    FROM child c
    LEFT JOIN sibling_group sg ON sg.id = c.sibling_group_id
    LEFT JOIN LATERAL (SELECT e.place_provider FROM care_episode e WHERE e.child_id = c.id AND e.place IN ('A3', 'A4', 'A5', 'A6')
      AND e.decom <= $3::date ORDER BY e.decom DESC LIMIT 1) pp ON true
    LEFT JOIN LATERAL (SELECT m.placing_agency, m.inter_agency FROM adoption_match m WHERE ${LINK_OF_CHILD}
      AND m.status <> 'ENDED' AND m.matched_on IS NOT NULL ORDER BY m.matched_on DESC LIMIT 1) lk ON true
    LEFT JOIN LATERAL (SELECT m.ended_on, m.end_reason FROM adoption_match m WHERE ${LINK_OF_CHILD}
      AND m.end_reason LIKE 'DISRUPTION%' AND m.ended_on <= $3::date ORDER BY m.ended_on DESC LIMIT 1) dis ON true
    WHERE ${CHILD_POPULATION}
    ORDER BY c.source_id`, [authority, q.start, q.end]);
}

/** The SGO table of an LA: episodes ended in special guardianship in the quarter. */
export function sgoTable(sql: Sql, authority: string, q: AsglbQuarter): Promise<AsglbRows> {
  return run(sql, SGO_ITEMS, `
    SELECT c.id AS _child, ${select(SGO_ITEMS)}
    FROM care_episode e JOIN child c ON c.id = e.child_id
    WHERE e.authority = $1 AND e.dec BETWEEN $2::date AND $3::date AND e.rec = ANY($4::text[])
    ORDER BY c.source_id, e.dec`, [authority, q.start, q.end, SGO_ENDINGS]);
}

/** The households of the return for an agency: in the process at some time in the quarter. */
export const HOUSEHOLD_POPULATION = `h.agency = $1
  AND COALESCE(h.enquiry_on, h.stage1_started_on, h.application_on, h.approved_on) <= $3::date
  AND COALESCE(h.left_on, 'infinity'::date) >= $2::date AND COALESCE(h.adoption_order_on, 'infinity'::date) >= $2::date`;

/** The adopter tab of an agency: one row per adopter (a household without adopters recorded: one row). */
export function adopterTab(sql: Sql, agency: string, q: AsglbQuarter): Promise<AsglbRows> {
  return run(sql, ADOPTER_ITEMS, `
    SELECT NULL AS _child, ${select(ADOPTER_ITEMS)}
    FROM adopter_household h
    LEFT JOIN adopter a ON a.household_id = h.id
    LEFT JOIN LATERAL (SELECT
        (SELECT count(*) FROM adoption_match m JOIN child lc ON lc.id = m.child_id
           OR (m.sibling_group_id IS NOT NULL AND lc.sibling_group_id = m.sibling_group_id)
         WHERE m.household_id = h.id AND m.status <> 'ENDED' AND m.placed_on IS NOT NULL) AS children_placed,
        (SELECT m.inter_agency FROM adoption_match m WHERE m.household_id = h.id AND m.status <> 'ENDED'
           AND m.matched_on IS NOT NULL ORDER BY m.matched_on DESC LIMIT 1) AS inter_agency
      ) hk ON true
    LEFT JOIN LATERAL (SELECT m.ended_on, m.end_reason FROM adoption_match m WHERE m.household_id = h.id
      AND m.end_reason LIKE 'DISRUPTION%' AND m.ended_on <= $3::date ORDER BY m.ended_on DESC LIMIT 1) dis ON true
    WHERE ${HOUSEHOLD_POPULATION}
    ORDER BY h.reference, a.position`, [agency, q.start, q.end]);
}

/** Section D of an agency's adopter tab: the enquiries received in the quarter (one row, 0 when none). */
export function enquiryTable(sql: Sql, agency: string, q: AsglbQuarter): Promise<AsglbRows> {
  return run(sql, ENQUIRY_ITEMS, `
    SELECT NULL AS _child, ${select(ENQUIRY_ITEMS)}
    FROM adopter_household h WHERE h.agency = $1 AND h.enquiry_on BETWEEN $2::date AND $3::date`,
  [agency, q.start, q.end, q.label]);
}
