// The DfE's XML form of the return (EXPSSDA903), flattened into the same rows as the CSVs, the way the
// validator's ingress does it: CHILDID -> CHILD, PL -> PLACE, AD1 items and AD_PLACED inside HEADER.
import { XMLParser } from 'fast-xml-parser';
import type { RawRow } from './extract';
import type { TableName } from './table-recognition';

type Node = Record<string, unknown>;

const REPEATED = new Set(['CHILD', 'EPISODE', 'AD_PLACED', 'AREVIEW', 'AMISSING']);
const AD1_ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];
const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];

/** Thrown when the file is not an EXPSSDA903 document at all. */
export class NotA903XmlError extends Error {}

/** Reads an EXPSSDA903 document into raw rows; row numbers count each table's records from 1. */
export function readXmlReturn(xml: string, file: string): RawRow[] {
  const parser = new XMLParser({
    ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => REPEATED.has(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new NotA903XmlError(`${file} is not well-formed XML: ${(err as Error).message}`);
  }
  const root = doc.EXPSSDA903 as Node | undefined;
  if (!root || typeof root !== 'object') throw new NotA903XmlError(`${file} has no EXPSSDA903 root element`);
  const rows: RawRow[] = [];
  const counters = new Map<TableName, number>();
  const push = (table: TableName, values: Record<string, string>) => {
    const row = (counters.get(table) ?? 0) + 1;
    counters.set(table, row);
    rows.push({ file, table, row, values });
  };
  for (const child of asArray(root.CHILD)) flattenChild(child, push);
  return rows;
}

function flattenChild(child: Node, push: (table: TableName, values: Record<string, string>) => void): void {
  const header = (child.HEADER ?? {}) as Node;
  const id = text(header.CHILDID);
  const dob = text(header.DOB);
  push('Header', {
    CHILD: id, SEX: text(header.SEX), DOB: dob, ETHNIC: text(header.ETHNIC), UPN: text(header.UPN),
    MOTHER: text(header.MOTHER), MC_DOB: text(header.MC_DOB), UASC: text(header.UASC),
  });
  if (text(header.DUC) !== '') push('UASC', { CHILD: id, SEX: text(header.SEX), DOB: dob, DUC: text(header.DUC) });
  if (AD1_ITEMS.some((k) => text(header[k]) !== '')) push('AD1', { CHILD: id, DOB: dob, ...pick(header, AD1_ITEMS) });
  if (OC3_ITEMS.some((k) => text(header[k]) !== '')) push('OC3', { CHILD: id, DOB: dob, ...pick(header, OC3_ITEMS) });
  for (const p of asArray(header.AD_PLACED)) {
    push('PlacedAdoption', { CHILD: id, DOB: dob, ...pick(p, ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED']) });
  }
  for (const r of asArray(header.AREVIEW)) push('Reviews', { CHILD: id, DOB: dob, ...pick(r, ['REVIEW', 'REVIEW_CODE']) });
  for (const m of asArray(header.AMISSING)) {
    push('Missing', { CHILD: id, DOB: dob, ...pick(m, ['MISSING', 'MIS_START', 'MIS_END']) });
  }
  for (const p of asArray(header.PERMANENCE)) {
    push('PrevPerm', { CHILD: id, DOB: dob, ...pick(p, ['PREV_PERM', 'LA_PERM', 'DATE_PERM']) });
  }
  for (const o of asArray(header.OC2)) push('OC2', { CHILD: id, DOB: dob, ...pick(o, Object.keys(o)) });
  for (const e of asArray(child.EPISODE)) {
    const values = pick(e, ['DECOM', 'RNE', 'LS', 'CIN', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE',
      'HOME_POST', 'PL_POST', 'URN']);
    push('Episodes', { CHILD: id, ...values, PLACE: text(e.PL ?? e.PLACE) });
  }
}

function asArray(v: unknown): Node[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function text(v: unknown): string {
  if (v === undefined || v === null || typeof v === 'object') return '';
  return String(v).trim();
}

function pick(node: Node, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = text(node[k]);
  return out;
}
