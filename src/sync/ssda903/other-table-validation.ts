// Light checks for the tables the hub reads but does not store: an LA learns of a bad row, nothing is kept.
import * as codes from './code-lists';
import type { ImportIssue, RawRow } from './extract';
import { FieldReader } from './field-reader';
import type { TableName } from './table-recognition';

type Check = (r: FieldReader) => void;

const date = (column: string, required = false): Check => (r) => { r.date(column, required); };
const code = (column: string, list: ReadonlySet<string>, required = false, rule?: string): Check => (r) => { r.code(column, list, required, rule); };
const SDQ_SCORE = /^([0-9]|[1-3][0-9]|40)$/;
const FLAG = new Set(['0', '1']);

const CHECKS: Partial<Record<TableName, Check[]>> = {
  UASC: [code('SEX', codes.SEX_CODES), date('DOB'), date('DUC')],
  Reviews: [date('DOB'), date('REVIEW', true), code('REVIEW_CODE', codes.REVIEW_CODES)],
  Missing: [date('DOB'), code('MISSING', codes.MISSING_CODES, true), date('MIS_START', true), date('MIS_END')],
  OC2: [date('DOB'), (r) => { r.pattern('SDQ_SCORE', SDQ_SCORE, false, 'a score from 0 to 40'); },
    ...['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE',
      'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'].map((c) => code(c, FLAG))],
  OC3: [date('DOB'), code('IN_TOUCH', codes.IN_TOUCH_CODES), code('ACTIV', codes.ACTIV_CODES, false, '132'),
    code('ACCOM', codes.ACCOM_CODES, false, '133')],
  PrevPerm: [date('DOB'), code('PREV_PERM', codes.PREV_PERM_CODES), date('DATE_PERM')],
  SWEpisodes: [date('DOB'), date('SW_DECOM'), date('SW_DEC'), code('SW_REASON', codes.SW_REASON_CODES)],
  DoLo: [date('DOB'), date('DOLO_START', true), date('DOLO_END')],
};

/** Issues of one row of a table the hub does not store (reviews, missing, OC2, OC3, PrevPerm, UASC, SW, DoLo). */
export function validateOtherRow(raw: RawRow): ImportIssue[] {
  const r = new FieldReader(raw);
  if (r.childId === '') r.fail('CHILD', 'CHILD is required but blank');
  for (const check of CHECKS[raw.table] ?? []) check(r);
  return r.issues;
}
