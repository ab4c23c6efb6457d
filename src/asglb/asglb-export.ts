// One table of the ASGLB return for one owner and quarter, as a CSV file named as the collection names it: the
// export policy checked first, every child row recorded in the access log (one multi-row INSERT) before the file
// leaves, cells that a spreadsheet would run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { AuthorityRecord } from '../auth/authority-directory';
import type { Viewer } from '../auth/viewer';
import type { Sql } from '../db/sql';
import { asglbExportRefusal, type AsglbTable } from '../policy/asglb-export-policy';
import { forbidden } from '../policy/errors';
import { adopterTab, childTab, enquiryTable, sgoTable, type AsglbRows } from './asglb-query';
import type { AsglbQuarter } from './asglb-quarter';
import { agencyValidation, childValidation } from './asglb-validation';

/** The Child fields each child table exports, for the access log. */
const AUDITED_FIELDS: Record<string, string[]> = {
  children: ['sourceId', 'sex', 'ethnicity', 'dateOfBirth', 'needs', 'siblingGroup', 'enteredCareOn', 'decisionOn',
    'placementOrderOn', 'fosteringForAdoptionOn', 'matchedOn', 'placedOn', 'movedInOn', 'adoptionOrderOn', 'stage', 'planChangedOn',
    'planChangedReason', 'links'],
  sgo: ['sourceId'],
  validation: ['sourceId'],
};

/** A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula: prefix a quote. */
export function neutralise(cell: string | null): string {
  if (cell === null) return '';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The file name: the owner (LA number and code, or the agency's code), the collection and quarter, the table. */
export function asglbFileName(owner: AuthorityRecord, table: AsglbTable, q: AsglbQuarter): string {
  const who = owner.laNumber ? `${owner.laNumber}${owner.code}` : owner.code;
  return `${who}_ALBQ${q.quarter}${q.yearCode}_${table}.csv`;
}

/** A table as CSV text, header row first. */
export function toCsv(t: AsglbRows): string {
  return stringify([t.headers, ...t.rows.map((r) => r.map(neutralise))], { record_delimiter: '\r\n' });
}

/** Who asked, for the access log. */
export interface ExportRequest {
  viewer: Viewer;
  requestId: string;
}

/**
 * Builds one table for `owner` (an LA for children, sgo and its validation; an agency for adopters and its
 * validation), after the export policy; records each child row in the access log. FORBIDDEN when not allowed.
 */
export async function exportAsglbTable(sql: Sql, who: ExportRequest, table: AsglbTable, owner: AuthorityRecord, q: AsglbQuarter): Promise<{ fileName: string; csv: string; rows: number }> {
  const kind = owner.kind === 'LOCAL_AUTHORITY' ? 'la' : 'agency';
  const refusal = asglbExportRefusal(who.viewer, table, kind, owner.code);
  if (refusal) throw forbidden(refusal);
  const rows = table === 'children' ? await childTab(sql, owner.code, q)
    : table === 'sgo' ? await sgoTable(sql, owner.code, q)
      : table === 'adopters' ? await adopterTab(sql, owner.code, q)
        : table === 'enquiries' ? await enquiryTable(sql, owner.code, q)
        : kind === 'la' ? await childValidation(sql, owner.code, q) : await agencyValidation(sql, owner.code, q);
  await auditChildRows(sql, who, owner.code, rows.childIds, AUDITED_FIELDS[table] ?? ['sourceId']);
  return { fileName: asglbFileName(owner, table, q), csv: toCsv(rows), rows: rows.rows.length };
}

/** One access-log entry per child exported, written before the file is sent (if it fails, nothing is sent). */
async function auditChildRows(sql: Sql, who: ExportRequest, owner: string, childIds: readonly string[], fields: string[]): Promise<void> {
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return;
  await sql.query(`
    INSERT INTO access_log (request_id, viewer_sub, viewer_org, viewer_roles, child_id, owner_authority, fields,
      refused_fields, operation_name, cross_organisation)
    SELECT $1, $2, $3, $4::text[], u.id, $5, $6::text[], '{}', 'asglbExport', $3 <> $5
    FROM unnest($7::uuid[]) AS u(id)`,
  [who.requestId, who.viewer.sub, who.viewer.org, who.viewer.roles, owner, fields, ids]);
}

/** The files a viewer may download for an owner and quarter: [table, owner code] pairs. */
export function asglbFilesFor(viewer: Viewer, owner: AuthorityRecord, members: readonly AuthorityRecord[]): [AsglbTable, AuthorityRecord][] {
  const out: [AsglbTable, AuthorityRecord][] = [];
  const las = owner.kind === 'LOCAL_AUTHORITY' ? [owner] : members;
  if (owner.kind !== 'LOCAL_AUTHORITY') {
    for (const t of ['adopters', 'enquiries', 'validation'] as const) if (!asglbExportRefusal(viewer, t, 'agency', owner.code)) out.push([t, owner]);
  }
  for (const la of las) {
    for (const t of ['children', 'sgo', 'validation'] as const) if (!asglbExportRefusal(viewer, t, 'la', la.code)) out.push([t, la]);
  }
  return out;
}
