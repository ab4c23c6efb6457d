/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): day arithmetic is then plain integer arithmetic and the
 * differences are exactly the scorecard's "end minus start" in days.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date of a day number, or null for null. */
export function isoOrNull(day: Day | null | undefined): string | null {
  return day === null || day === undefined ? null : isoOf(day);
}

/** 1 April of the financial year that ends on 31 March `yearEnding`. */
export function financialYearStart(yearEnding: number): Day {
  return dayOf(`${yearEnding - 1}-04-01`);
}

/** 31 March `yearEnding`. */
export function financialYearEnd(yearEnding: number): Day {
  return dayOf(`${yearEnding}-03-31`);
}

/** The year in which the financial year holding `day` ends (the 903 collection year). */
export function collectionYearOf(day: Day): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
}

/** Whole years from `birth` to `on`. */
export function ageInYears(birth: Day, on: Day): number {
  const b = new Date(birth * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let years = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) years -= 1;
  return years;
}
