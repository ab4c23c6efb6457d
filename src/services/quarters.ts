import { badInput } from '../policy/errors';

/** The most quarters one per-quarter query may span. */
export const MAX_QUARTERS = 40;

/**
 * A range of calendar quarters from 'YYYY-Qn' arguments (Q1 = January to March), as the first days of the first and
 * last quarter: both or neither (then the caller's default, e.g. the 8 quarters up to the latest with data).
 */
export function quarterRange(from?: string | null, to?: string | null): { from: string | null; to: string | null } {
  if (!from && !to) return { from: null, to: null };
  if (!from || !to) throw badInput('Give both fromQuarter and toQuarter (YYYY-Qn), or neither.');
  const parse = (q: string, name: string): number => {
    const m = /^(\d{4})-Q([1-4])$/.exec(q);
    if (!m || Number(m[1]) < 1990 || Number(m[1]) > 2100) throw badInput(`${name} must be a quarter as YYYY-Qn (Q1 = January to March).`);
    return Number(m[1]) * 4 + Number(m[2]) - 1;
  };
  const a = parse(from, 'fromQuarter');
  const b = parse(to, 'toQuarter');
  if (b < a || b - a + 1 > MAX_QUARTERS) throw badInput(`fromQuarter must not be after toQuarter, and the range at most ${MAX_QUARTERS} quarters.`);
  const day = (n: number): string => `${Math.floor(n / 4)}-${String((n % 4) * 3 + 1).padStart(2, '0')}-01`;
  return { from: day(a), to: day(b) };
}

/** SQL: the 'YYYY-Qn' label of a quarter's first day. */
export function quarterLabelSql(day: string): string {
  return `to_char(${day}, 'YYYY') || '-Q' || to_char(${day}, 'Q')`;
}

/**
 * SQL for the first days of the first and last quarter asked for (`from`/`to`: placeholders of first days, or null);
 * by default the 8 quarters up to the one holding `latest` (a SQL date expression, e.g. the latest date with data in
 * scope), or `today`'s (a placeholder of the hub's today, clock.ts).
 */
export function quarterSeriesSql(from: string, to: string, latest: string, today: string): { first: string; last: string } {
  const last = `COALESCE(${to}::date, date_trunc('quarter', COALESCE(${latest}, ${today}::date))::date)`;
  const first = `COALESCE(${from}::date, (${last} - interval '21 months')::date)`;
  return { first, last };
}
