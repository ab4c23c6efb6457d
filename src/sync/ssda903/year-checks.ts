// The checks that need the return's collection year, run once the year is known (given, declared or inferred):
// codes that exist only in some years, dates beyond the year's end (rule 385), adoption decisions after the year or
// after the child left care (rule 117), and the MOTHER item (rule 165), which the DfE judges across the Header,
// Episodes and OC3 tables. Only a code the year does not have rejects its record (an invalid value); the others are
// cross-record or cross-table, so they warn and the record is kept.
import { collectionBounds } from './collection-year';
import { normaliseCode, YEAR_BOUNDED_CODES, yearBoundBroken } from './code-lists';
import type { ImportIssue, RawRow } from './extract';
import { issueAt, parseDate } from './field-reader';

/** What the year checks see of one child: every raw row of its tables (valid or not), by table. */
export interface ChildRows {
  header: RawRow[];
  episodes: RawRow[];
  oc3: RawRow[];
  placed: RawRow[];
}

/** The checks' verdicts: rows to reject (episodes, OC3) and warnings. */
export interface YearFindings {
  rejections: ImportIssue[];
  /** Rows rejected here, to drop from the extract (by file and row). */
  rejectedRows: Set<RawRow>;
  warnings: ImportIssue[];
}

const v = (row: RawRow, column: string) => (row.values[column] ?? '').trim();
const dateOf = (row: RawRow, column: string) => parseDate(v(row, column));

/** Runs every year check over the children's rows; `alreadyRejected` rows get no year-bound rejection twice. */
export function yearChecks(children: Iterable<ChildRows>, year: number, alreadyRejected: ReadonlySet<RawRow>): YearFindings {
  const out: YearFindings = { rejections: [], rejectedRows: new Set(), warnings: [] };
  const { start, end } = collectionBounds(year);
  for (const c of children) {
    for (const e of c.episodes) {
      codesOfTheYear(e, ['REC', 'REASON_PLACE_CHANGE'], year, alreadyRejected, out);
      const dec = dateOf(e, 'DEC');
      const decom = dateOf(e, 'DECOM');
      if (dec && dec > end) {
        out.warnings.push(issueAt(e, 'DEC', `DEC ${dec} is after the end of the collection year (${end}); the DfE's validator rejects the episode (rule 385); the hub keeps it`, '385'));
      } else if (decom && decom > end) {
        out.warnings.push(issueAt(e, 'DECOM', `DECOM ${decom} is after the end of the collection year (${end}); the hub keeps the episode`));
      }
    }
    for (const o of c.oc3) codesOfTheYear(o, ['ACTIV'], year, alreadyRejected, out);
    decisionsAfterCare(c, end, out);
    motherStatus(c, start, end, out);
  }
  return out;
}

/** A code the year does not have rejects the row; a code since retired, used in a year it was valid, warns. */
function codesOfTheYear(row: RawRow, columns: string[], year: number, alreadyRejected: ReadonlySet<RawRow>, out: YearFindings): void {
  for (const column of columns) {
    const raw = v(row, column);
    if (!raw) continue;
    const code = normaliseCode(raw);
    const broken = yearBoundBroken(column, code, year);
    if (broken) {
      // Reported even on a row already rejected (everything wrong with it at once); counted and dropped once.
      out.rejections.push(issueAt(row, column, `${column} "${raw}" is not a code of the ${year - 1}-${String(year).slice(2)} return: ${broken.note} (DfE rule ${broken.rule})`, broken.rule));
      if (!alreadyRejected.has(row)) out.rejectedRows.add(row);
      continue;
    }
    const retired = YEAR_BOUNDED_CODES.find((b) => b.column === column && b.code === code && b.to !== undefined);
    if (retired) {
      out.warnings.push(issueAt(row, column, `${column} "${raw}" is valid for the ${year - 1}-${String(year).slice(2)} return, but ${retired.note}: the DfE's current validator rejects it (rule ${retired.rule})`, retired.rule));
    }
  }
}

/**
 * Rule 117: a decision that the child should (or should no longer) be placed for adoption dated after the year's
 * end, or after the end of the child's latest episode that is not followed by another (REC other than X1).
 */
function decisionsAfterCare(c: ChildRows, end: string, out: YearFindings): void {
  if (c.placed.length === 0) return;
  const candidates = c.episodes.filter((e) => dateOf(e, 'DECOM') && normaliseCode(v(e, 'REC')) !== 'X1');
  if (candidates.length === 0) return;
  const latest = candidates.reduce((a, b) => (dateOf(b, 'DECOM')! > dateOf(a, 'DECOM')! ? b : a));
  const dec = dateOf(latest, 'DEC');
  let flagged = false;
  for (const p of c.placed) {
    const late = (['DATE_PLACED', 'DATE_PLACED_CEASED'] as const).find((col) => {
      const d = dateOf(p, col);
      return d !== null && (d > end || (dec !== null && d > dec));
    });
    if (!late) continue;
    flagged = true;
    out.warnings.push(issueAt(p, late, `${late} ${dateOf(p, late)} is after the end of the collection year (${end}) or after the child's last episode ended${dec ? ` (${dec})` : ''}; the DfE's validator rejects it (rule 117); the hub keeps it`, '117'));
  }
  if (flagged) out.warnings.push(issueAt(latest, 'DEC', 'the child\'s adoption decision is dated after this episode ended or after the collection year (rule 117); the hub keeps it', '117'));
}

const MALE = new Set(['1', 'M']);
const FEMALE = new Set(['2', 'F']);

/**
 * Rule 165, as the validator reads it: MOTHER, when given, is 0 or 1 and only for a girl; a girl looked after in the
 * year must have it; a girl not looked after in the year but reported as a care leaver (OC3) must not. Children
 * with no episodes outside short breaks (V3/V4) are not judged. The hub does not store MOTHER, so it only warns.
 */
function motherStatus(c: ChildRows, start: string, end: string, out: YearFindings): void {
  const episodes = c.episodes.filter((e) => !['V3', 'V4'].includes(normaliseCode(v(e, 'LS'))));
  if (episodes.length === 0 || c.header.length === 0) return;
  const inYear = episodes.some((e) => {
    const decom = dateOf(e, 'DECOM');
    const dec = dateOf(e, 'DEC') ?? end;
    return decom !== null && decom <= end && dec >= start;
  });
  const hasOc3 = c.oc3.some((o) => ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((col) => v(o, col) !== ''));
  for (const h of c.header) {
    const sex = normaliseCode(v(h, 'SEX'));
    const mother = v(h, 'MOTHER');
    let why: string | null = null;
    if (mother !== '' && mother !== '0' && mother !== '1') why = `MOTHER "${mother}" is not 0 or 1`;
    else if (mother !== '' && MALE.has(sex)) why = `MOTHER "${mother}" is given for a boy`;
    else if (mother === '' && FEMALE.has(sex) && inYear) why = 'MOTHER is blank for a girl looked after in the year';
    else if (mother !== '' && FEMALE.has(sex) && !inYear && hasOc3) why = 'MOTHER is given for a care leaver not looked after in the year';
    if (!why) continue;
    const invalidValue = why.includes('not 0 or 1');
    // An invalid MOTHER value already rejected the Header row (validateHeader); the rest only warns.
    if (!invalidValue) out.warnings.push(issueAt(h, 'MOTHER', `${why}; the DfE's validator rejects the record (rule 165); the hub keeps it and does not store MOTHER`, '165'));
    for (const o of c.oc3) out.warnings.push(issueAt(o, 'MOTHER', `the child's Header: ${why} (rule 165); the hub does not store OC3`, '165'));
  }
}
