// Reads an Ofsted Annex A list 11 (adopters) CSV into household records. One row is one adopter; rows sharing an
// Adopter ID are one household (up to two adopters, dates from its first row). Column names are matched loosely
// (case, spaces, underscores, "Date of ..." forms); dates are dd/mm/yyyy or yyyy-mm-dd.
import { ETHNICITY_CODES } from '../domain/codes';
import { leftReasonCodeOf } from '../domain/links';
import { deriveAdopterStage, type HouseholdDateKey } from '../sync/households/adopter-stage';
import type { AdopterRecord, HouseholdRecord } from '../sync/households/household-record';
import { parseCsv } from '../sync/ssda903/csv-reader';

/** A problem with one row of the file: its 1-based line (the header is line 1), the column, and why. */
export interface CsvIssue {
  row: number;
  adopterId: string | null;
  column: string | null;
  reason: string;
}

/** A household read from the file, with the line of its first row (to report the hub's answer against). */
export interface CsvHousehold {
  row: number;
  record: HouseholdRecord;
}

/** The list's columns, by canonical name, each with the spellings accepted after normalising (see `normalise`). */
const COLUMNS: Record<string, string[]> = {
  AdopterID: ['adopterid', 'adopterref', 'adopterreference', 'reference'],
  Gender: ['gender', 'sex'],
  Ethnicity: ['ethnicity', 'ethnicorigin', 'ethnicgroup'],
  DOB: ['dob', 'birth'],
  Disability: ['disability', 'disabled'],
  EnquiryDate: ['enquiry', 'enquiryreceived'],
  Stage1StartDate: ['stage1start', 'stage1started', 'stageonestart'],
  Stage1EndDate: ['stage1end', 'stage1ended', 'stage1completed', 'stageoneend'],
  Stage2StartDate: ['stage2start', 'stage2started', 'stagetwostart'],
  Stage2EndDate: ['stage2end', 'stage2ended', 'stage2completed', 'stagetwoend'],
  ApplicationDate: ['application', 'applicationreceived'],
  ApprovalDate: ['approval', 'approved'],
  MatchedDate: ['matched', 'match'],
  PlacedDate: ['placed', 'placement'],
  NumSiblingsPlaced: ['numsiblingsplaced', 'numberofsiblingsplaced', 'siblingsplaced', 'numberofchildrenplaced'],
  AdoptionOrderDate: ['adoptionorder', 'adoptionordergranted'],
  LeftDate: ['left', 'dateleft', 'leftprocess', 'withdrawn', 'withdrawal'],
  LeftReason: ['leftreason', 'reasonleft', 'reasonforleaving', 'withdrawalreason', 'reasonforwithdrawal'],
};

const DATE_COLUMNS: [string, HouseholdDateKey][] = [
  ['EnquiryDate', 'enquiryOn'], ['Stage1StartDate', 'stage1StartedOn'], ['Stage1EndDate', 'stage1EndedOn'],
  ['Stage2StartDate', 'stage2StartedOn'], ['Stage2EndDate', 'stage2EndedOn'], ['ApplicationDate', 'applicationOn'],
  ['ApprovalDate', 'approvedOn'], ['MatchedDate', 'matchedOn'], ['PlacedDate', 'placedOn'],
  ['AdoptionOrderDate', 'adoptionOrderOn'], ['LeftDate', 'leftOn'],
];

/** Lower case, letters and digits only, without a leading "date of"/"date" or a trailing "date". */
export function normalise(header: string): string {
  const flat = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (flat === 'dateofbirth' || flat === 'birthdate') return 'birth';
  return flat.replace(/^dateof/, '').replace(/^date(?=.)/, '').replace(/(?<=.)date$/, '');
}

/** Which canonical column each header of the file is (or null when the list has no such column). */
export function recogniseColumns(headers: readonly string[]): (string | null)[] {
  return headers.map((h) => {
    const n = normalise(h);
    return Object.entries(COLUMNS).find(([, names]) => names.includes(n))?.[0] ?? null;
  });
}

class CellProblem extends Error {
  constructor(readonly column: string, reason: string) { super(reason); }
}

/** A date as dd/mm/yyyy (also with - or .) or yyyy-mm-dd, to ISO; blank is null. */
export function parseDate(column: string, raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!uk && !iso) throw new CellProblem(column, `"${v}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
  const [y, mo, d] = uk ? [uk[3], uk[2], uk[1]] : [iso![1], iso![2], iso![3]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) throw new CellProblem(column, `"${v}" is not a real date`);
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function parseGender(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  if (['m', 'male', '1', 'man'].includes(v)) return 'MALE';
  if (['f', 'female', '2', 'woman'].includes(v)) return 'FEMALE';
  if (['u', 'unknown', 'not known', 'not stated', '0', '9', 'other'].includes(v)) return 'UNKNOWN';
  throw new CellProblem('Gender', `"${raw.trim()}" is not a gender (M/F/Male/Female/Unknown)`);
}

function parseEthnicity(raw: string): string | null {
  const v = raw.trim().toUpperCase();
  if (!v) return null;
  if (!ETHNICITY_CODES.includes(v)) throw new CellProblem('Ethnicity', `"${raw.trim()}" is not a DfE ethnicity code (e.g. WBRI)`);
  return v;
}

type Row = Record<string, string>;

function householdDates(row: Row): Partial<Record<HouseholdDateKey, string | null>> {
  const dates: Partial<Record<HouseholdDateKey, string | null>> = {};
  for (const [column, key] of DATE_COLUMNS) if (column in row) dates[key] = parseDate(column, row[column]);
  return dates;
}

function adopterOf(row: Row): AdopterRecord {
  return {
    sex: 'Gender' in row ? parseGender(row.Gender) : undefined,
    dateOfBirth: 'DOB' in row ? parseDate('DOB', row.DOB) : undefined,
    ethnicity: 'Ethnicity' in row ? parseEthnicity(row.Ethnicity) : undefined,
    disability: 'Disability' in row ? (row.Disability.trim() || null) : undefined,
  };
}

/** Reads the file's text: households to send, and rows refused here (with line, column and reason). */
export function readAdopterCsv(text: string): { households: CsvHousehold[]; issues: CsvIssue[]; rowsRead: number; unknownColumns: string[] } {
  const table = parseCsv(text);
  const canon = recogniseColumns(table.columns);
  if (!canon.includes('AdopterID')) {
    throw new Error(`the file has no Adopter ID column (columns found: ${table.columns.join(', ') || 'none'})`);
  }
  const issues: CsvIssue[] = [];
  const byId = new Map<string, CsvHousehold>();
  for (const rec of table.records) {
    const row: Row = {};
    canon.forEach((c, i) => { if (c) row[c] = rec.fields[i] ?? ''; });
    const id = row.AdopterID.trim();
    try {
      if (!id) throw new CellProblem('AdopterID', 'is blank');
      const adopter = adopterOf(row);
      const dates = householdDates(row);
      const existing = byId.get(id);
      if (existing) addSecondAdopter(existing, adopter, dates);
      else byId.set(id, { row: rec.line, record: newHousehold(id, row, adopter, dates) });
    } catch (err) {
      if (!(err instanceof CellProblem)) throw err;
      issues.push({ row: rec.line, adopterId: id || null, column: err.column, reason: err.message });
    }
  }
  const unknownColumns = table.columns.filter((_, i) => canon[i] === null);
  return { households: [...byId.values()], issues, rowsRead: table.records.length, unknownColumns };
}

function newHousehold(id: string, row: Row, adopter: AdopterRecord, dates: Partial<Record<HouseholdDateKey, string | null>>): HouseholdRecord {
  return {
    reference: id,
    ...dates,
    // The list holds every date, so the stage is what they say (a blank date is a milestone not reached).
    stage: deriveAdopterStage(dates),
    ...('LeftReason' in row ? leftReasonOf(row.LeftReason) : {}),
    ...(adopter.ethnicity !== undefined ? { ethnicity: adopter.ethnicity } : {}),
    adopters: [adopter],
  };
}

function addSecondAdopter(h: CsvHousehold, adopter: AdopterRecord, dates: Partial<Record<HouseholdDateKey, string | null>>): void {
  const adopters = h.record.adopters!;
  if (adopters.length >= 2) throw new CellProblem('AdopterID', `a third row for ${h.record.reference}; a household has at most two adopters`);
  for (const [key, value] of Object.entries(dates)) {
    if (value && h.record[key as HouseholdDateKey] && value !== h.record[key as HouseholdDateKey]) {
      const column = DATE_COLUMNS.find(([, k]) => k === key)![0];
      throw new CellProblem(column, `differs from line ${h.row} of the same household (${h.record[key as HouseholdDateKey]})`);
    }
  }
  adopters.push(adopter);
}

/**
 * The list's leaving reason, kept as written and coded for the ASGLB return: a text the hub cannot place (e.g.
 * "Changed circumstances") is OTHER, with the words kept in leftReason.
 */
function leftReasonOf(text: string): Pick<HouseholdRecord, 'leftReason' | 'leftReasonCode'> {
  const t = text.trim();
  return t ? { leftReason: t, leftReasonCode: leftReasonCodeOf(t) ?? 'OTHER' } : { leftReason: null, leftReasonCode: null };
}
