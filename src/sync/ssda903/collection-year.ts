// The collection year a return covers: years end on 31 March, and a return holds nothing after its year's end.
import type { ExtractChild } from './extract';

/** The year ending 31 March on or after an ISO date: 2021-03-31 -> 2021, 2021-04-01 -> 2022. */
export function yearEndingOn(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) <= '03-31' ? year : year + 1;
}

/**
 * The year ending 31 March on or after the latest episode or adoption date of the return (dates of birth and
 * the other tables' dates say nothing about the collection year); null when the return has no such date.
 */
export function inferCollectionYear(children: readonly ExtractChild[]): number | null {
  let latest = '';
  const see = (d: string | null | undefined) => { if (d && d > latest) latest = d; };
  for (const c of children) {
    for (const e of c.episodes) { see(e.decom); see(e.dec); }
    if (c.ad1) { see(c.ad1.dateInt); see(c.ad1.dateMatch); }
    for (const p of c.placedAdoption ?? []) { see(p.datePlaced); see(p.datePlacedCeased); }
  }
  return latest ? yearEndingOn(latest) : null;
}
