// Reads one raw 903 row field by field, collecting every problem instead of stopping at the first,
// so an LA sees all that is wrong with a row in one report.
import { normaliseCode } from './code-lists';
import type { ImportIssue, RawRow } from './extract';

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const PLACEHOLDER = /^\*.*\*$|DUMMY/i;

/** Parses a 903 date (dd/mm/YYYY) to ISO, or null when it is not a real calendar date. */
export function parseDate(value: string): string | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A row being validated: typed getters that record an issue and return null for a bad value. */
export class FieldReader {
  readonly issues: ImportIssue[] = [];
  /** Problems that cost only the value, not the row (a malformed postcode). */
  readonly warnings: ImportIssue[] = [];
  constructor(private readonly raw_: RawRow) {}

  get childId(): string {
    return (this.raw_.values.CHILD ?? '').trim();
  }

  /** A trimmed value, or null if blank; a required blank or a placeholder (`*DUMMY*`) is an issue. */
  text(column: string, required: boolean): string | null {
    const value = (this.raw_.values[column] ?? '').trim();
    if (value === '') {
      if (required) this.fail(column, `${column} is required but blank`);
      return null;
    }
    if (PLACEHOLDER.test(value)) {
      this.fail(column, `${column} holds a placeholder value "${value}"`);
      return null;
    }
    return value;
  }

  /** A code from `codes` (compared upper-case), returned upper-case; `rule` is the DfE validator rule it breaks. */
  code(column: string, codes: ReadonlySet<string>, required: boolean, rule?: string): string | null {
    const value = this.text(column, required);
    if (value === null) return null;
    const code = normaliseCode(value);
    if (!codes.has(code)) {
      this.fail(column, `${column} "${value}" is not a valid code${rule ? ` (DfE rule ${rule})` : ''}`, rule);
      return null;
    }
    return code;
  }

  /** A dd/mm/YYYY date, returned ISO. */
  date(column: string, required: boolean): string | null {
    const value = this.text(column, required);
    if (value === null) return null;
    const iso = parseDate(value);
    if (!iso) this.fail(column, `${column} "${value}" is not a date in dd/mm/YYYY form`);
    return iso;
  }

  /** Matches a pattern (UPN, postcode). */
  pattern(column: string, re: RegExp, required: boolean, what: string, rule?: string): string | null {
    const value = this.text(column, required);
    if (value === null) return null;
    if (!re.test(value)) {
      this.fail(column, `${column} "${value}" is not ${what}${rule ? ` (DfE rule ${rule})` : ''}`, rule);
      return null;
    }
    return value.toUpperCase();
  }

  /** Like `pattern`, but a mismatch is a warning and the value is dropped: the row itself stays good. */
  optionalPattern(column: string, re: RegExp, what: string): string | null {
    const value = (this.raw_.values[column] ?? '').trim();
    if (value === '') return null;
    if (!re.test(value)) {
      this.warn(column, `${column} "${value}" is not ${what}; the value was dropped`);
      return null;
    }
    return value.toUpperCase();
  }

  /** The raw value of a column, trimmed ('' when absent). */
  raw(column: string): string {
    return (this.raw_.values[column] ?? '').trim();
  }

  /** Whether the row has the column at all (an XML Header carries UASC; a CSV one does not). */
  has(column: string): boolean {
    return column in this.raw_.values;
  }

  fail(column: string | null, reason: string, rule?: string): void {
    this.issues.push(issueAt(this.raw_, column, reason, rule));
  }

  warn(column: string | null, reason: string, rule?: string): void {
    this.warnings.push(issueAt(this.raw_, column, reason, rule));
  }
}

/** An issue about a raw row; `rule` is the DfE validator's rule, when the issue is one of its conditions. */
export function issueAt(raw: RawRow, column: string | null, reason: string, rule?: string): ImportIssue {
  const childId = (raw.values.CHILD ?? '').trim();
  return { file: raw.file, table: raw.table, row: raw.row, column, reason, childId: childId || undefined, ...(rule ? { rule } : {}) };
}
