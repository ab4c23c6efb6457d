// What is missing for the return, with the record to fix: for an LA's children (the child tab's population) and
// for an agency's households and links (the adopter tab's). One statement each.
import type { Sql } from '../db/sql';
import type { AsglbRows } from './asglb-query';
import { CHILD_POPULATION, HOUSEHOLD_POPULATION } from './asglb-query';
import type { AsglbQuarter } from './asglb-quarter';

const HEADERS = ['Table', 'Authority', 'Record', 'Item', 'Problem'];

/** [item, SQL condition on `c`, problem] for a child of the child tab. */
const CHILD_CHECKS: [string, string, string][] = [
  ['B1 Date entered care', 'c.entered_care_on IS NULL', 'no date the child entered care'],
  ['B2 Date of ADM decision', 'c.decision_on IS NULL', 'a placement order without the ADM decision date'],
  ['B4 Date matched', `c.matched_on IS NULL AND (c.placed_on IS NOT NULL OR c.adoption_order_on IS NOT NULL OR c.stage = 'MATCHED_PLACED'
     OR EXISTS (SELECT 1 FROM adoption_match m WHERE (m.child_id = c.id OR (c.sibling_group_id IS NOT NULL AND m.sibling_group_id = c.sibling_group_id))
       AND m.status IN ('MATCHED', 'PLACED', 'ADOPTION_ORDER')))`, 'a match (or placement) without a match date'],
  ['B6 Date of adoption order', `c.adoption_order_on IS NULL AND c.stage = 'ADOPTED'`, 'adopted without an adoption order date'],
  ['D2 Reason adoption no longer the plan', 'c.plan_changed_on IS NOT NULL AND c.plan_changed_reason IS NULL', 'a decision reversed without its reason (RD1-RD4)'],
  ['A2 Sex', 'c.sex IS NULL', 'no sex recorded'],
  ['A4 Date of birth', 'c.date_of_birth IS NULL', 'no date of birth recorded'],
];

/** [item, SQL condition on `h`, problem] for a household of the adopter tab. */
const HOUSEHOLD_CHECKS: [string, string, string][] = [
  ['B1 Date of enquiry', 'h.enquiry_on IS NULL', 'no enquiry date'],
  ...([['B2 Stage 1 start', 'stage1_started_on'], ['B3 Stage 1 end', 'stage1_ended_on'], ['B4 Stage 2 start', 'stage2_started_on'],
    ['B5 Stage 2 end', 'stage2_ended_on']] as const).map(([item, column]): [string, string, string] =>
    [item, `h.approved_on IS NOT NULL AND h.${column} IS NULL`, 'an approved household without this stage date']),
  ['B7 Date of approval', `h.approved_on IS NULL AND h.stage IN ('APPROVED', 'MATCHED', 'PLACED', 'ADOPTION_ORDER')`, 'approved without an approval date'],
  ['B8 Date matched', `h.matched_on IS NULL AND h.stage IN ('MATCHED', 'PLACED', 'ADOPTION_ORDER')`, 'a match without a date'],
  ['B13 Reason left', 'h.left_on IS NOT NULL AND h.left_reason_code IS NULL', 'left the process without a coded reason'],
];

/** The report for an LA's children. */
export async function childValidation(sql: Sql, authority: string, q: AsglbQuarter): Promise<AsglbRows> {
  const checks = CHILD_CHECKS.map(([item, cond, problem], i) =>
    `SELECT c.id AS _child, 'Child' AS t, c.authority AS a, c.source_id AS r, $${4 + 2 * i}::text AS item, $${5 + 2 * i}::text AS problem
     FROM child c WHERE ${CHILD_POPULATION} AND ${cond}`);
  const rows = await sql.query<{ _child: string; t: string; a: string; r: string; item: string; problem: string }>(
    `${checks.join('\nUNION ALL\n')} ORDER BY r, item`, [authority, q.start, q.end, ...CHILD_CHECKS.flatMap(([item, , problem]) => [item, problem])]);
  return { headers: HEADERS, rows: rows.map((x) => [x.t, x.a, x.r, x.item, x.problem]), childIds: [...new Set(rows.map((x) => x._child))] };
}

/** The report for an agency's households and links. */
export async function agencyValidation(sql: Sql, agency: string, q: AsglbQuarter): Promise<AsglbRows> {
  const checks = HOUSEHOLD_CHECKS.map(([, cond], i) =>
    `SELECT 'Household' AS t, h.agency AS a, h.reference AS r, $${4 + 2 * i}::text AS item, $${5 + 2 * i}::text AS problem
     FROM adopter_household h WHERE ${HOUSEHOLD_POPULATION} AND ${cond}`);
  const n = 4 + 2 * HOUSEHOLD_CHECKS.length;
  checks.push(`SELECT 'Link', m.authority, m.source_id, $${n}::text, $${n + 1}::text FROM adoption_match m
     WHERE m.authority = $1 AND m.status IN ('MATCHED', 'PLACED', 'ADOPTION_ORDER') AND m.matched_on IS NULL
       AND COALESCE(m.placed_on, m.adoption_order_on, $3::date) <= $3::date`);
  checks.push(`SELECT 'Link', m.authority, m.source_id, $${n + 2}::text, $${n + 3}::text FROM adoption_match m
     WHERE m.authority = $1 AND m.status = 'ENDED' AND m.end_reason IS NULL AND m.ended_on BETWEEN $2::date AND $3::date`);
  const rows = await sql.query<{ t: string; a: string; r: string; item: string; problem: string }>(
    `${checks.join('\nUNION ALL\n')} ORDER BY t, r, item`,
    [agency, q.start, q.end, ...HOUSEHOLD_CHECKS.flatMap(([item, , problem]) => [item, problem]),
      'matchedOn', 'a match without a match date', 'endReason', 'an ended link without its reason']);
  return { headers: HEADERS, rows: rows.map((x) => [x.t, x.a, x.r, x.item, x.problem]), childIds: [] };
}
