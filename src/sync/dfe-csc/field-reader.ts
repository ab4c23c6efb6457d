// Reads typed values out of an untrusted JSON object, recording `path: reason` problems instead of throwing.
// List positions are written `.N`, never `[N]`: the D2I pipeline treats any `[N]` in an answer as a record index.

/** A JSON object as parsed (unknown values). */
export type Json = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (1900 to 2100). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects the problems of one record; `at(path)` gives a reader for a nested object. */
export class FieldReader {
  constructor(readonly obj: Json, readonly path: string, readonly problems: string[]) {}

  /** The reader of a nested object or list item. */
  at(obj: Json, key: string | number): FieldReader {
    return new FieldReader(obj, this.name(key), this.problems);
  }

  /** The dotted path of a key of this object. */
  name(key: string | number): string {
    return this.path ? `${this.path}.${key}` : String(key);
  }

  /** Records a problem with a key of this object. */
  fail(key: string | number, reason: string): void {
    this.problems.push(`${this.name(key)}: ${reason}`);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key);
  }

  /** A string (trimmed; empty is null), null, or undefined when absent; anything else is a problem. */
  string(key: string, maxLength = 200): string | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') { this.fail(key, 'must be a string'); return undefined; }
    const s = v.trim();
    if (s.length > maxLength) { this.fail(key, `longer than ${maxLength} characters`); return undefined; }
    return s === '' ? null : s;
  }

  /** A YYYY-MM-DD date, null, or undefined when absent. */
  date(key: string): string | null | undefined {
    const s = this.string(key, 10 + 20);
    if (s === undefined || s === null) return s;
    const day = s.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
    if (!isIsoDate(day)) { this.fail(key, 'not a date (YYYY-MM-DD)'); return undefined; }
    return day;
  }

  /** A boolean, null, or undefined when absent. */
  boolean(key: string): boolean | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (v === null || typeof v === 'boolean') return v;
    this.fail(key, 'must be true or false');
    return undefined;
  }

  /** A number, null, or undefined when absent. */
  number(key: string): number | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (v === null || (typeof v === 'number' && Number.isFinite(v))) return v;
    this.fail(key, 'must be a number');
    return undefined;
  }

  /** A code from `codes` (compared upper-case), null, or undefined when absent or unknown. */
  code(key: string, codes: ReadonlySet<string>, what: string): string | null | undefined {
    const s = this.string(key, 20);
    if (s === undefined || s === null) return s;
    const c = s.toUpperCase();
    if (!codes.has(c)) { this.fail(key, `not a known ${what} code`); return undefined; }
    return c;
  }

  /** An object, null, or undefined when absent. */
  object(key: string): Json | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (v === null || isObject(v)) return v;
    this.fail(key, 'must be an object');
    return undefined;
  }

  /** A list (null reads as empty), or undefined when absent. */
  list(key: string): unknown[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (v === null) return [];
    if (Array.isArray(v)) return v;
    this.fail(key, 'must be a list');
    return undefined;
  }

  /** The `purge` flag: true only when sent as true. */
  purge(): boolean {
    return this.boolean('purge') === true;
  }
}
