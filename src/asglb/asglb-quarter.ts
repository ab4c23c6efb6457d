// The ASGLB return's quarters are the financial year's (the collection's own naming, e.g. ALBQ1201415 = Q1 of
// 2014-15): `2025Q3` is the third quarter of 2025-26, October to December 2025.
import { badInput } from '../policy/errors';

/** A quarter of the return: its label, its first and last day, and the financial year it belongs to. */
export interface AsglbQuarter {
  label: string;
  start: string;
  end: string;
  /** The financial year as the collection writes it, e.g. 202526. */
  yearCode: string;
  quarter: number;
}

const LAST_DAY = ['06-30', '09-30', '12-31', '03-31'];
const FIRST_DAY = ['04-01', '07-01', '10-01', '01-01'];

/** Parses `YYYYQn` (YYYY the year the financial year starts in); BAD_USER_INPUT otherwise. */
export function parseAsglbQuarter(text: string): AsglbQuarter {
  const m = /^(\d{4})-?Q([1-4])$/i.exec(String(text ?? '').trim());
  if (!m || Number(m[1]) < 1990 || Number(m[1]) > 2100) {
    throw badInput('quarter must be YYYYQn, the quarter of the financial year starting in YYYY (2025Q3 = October to December 2025).');
  }
  const year = Number(m[1]);
  const q = Number(m[2]);
  const calendarYear = q === 4 ? year + 1 : year;
  return {
    label: `${year}Q${q}`, quarter: q, yearCode: `${year}${String(year + 1).slice(2)}`,
    start: `${calendarYear}-${FIRST_DAY[q - 1]}`, end: `${calendarYear}-${LAST_DAY[q - 1]}`,
  };
}
