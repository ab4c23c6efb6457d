// The collection year a return covers: years end on 31 March. A return holds the episodes open at some time in its
// year, so their end dates fall in it; a few dates beyond it (an episode ending on 1 April) are errors to report
// (the validator's rule 385), not a reason to take the return for the next year.
import type { ExtractChild } from './extract';

/** The year ending 31 March on or after an ISO date: 2021-03-31 -> 2021, 2021-04-01 -> 2022. */
export function yearEndingOn(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) <= '03-31' ? year : year + 1;
}

/** The first and last day of the year ending 31 March `year`. */
export function collectionBounds(year: number): { start: string; end: string } {
  return { start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/**
 * The year most of the return's episode end dates fall in (a tie goes to the later year). A return with no ended
 * episode: the year of its latest episode or adoption date. Null when the return has no such date. Dates of birth
 * and the other tables' dates say nothing about the collection year.
 */
export function inferCollectionYear(children: readonly ExtractChild[]): number | null {
  const votes = new Map<number, number>();
  let latest = '';
  const see = (d: string | null | undefined) => { if (d && d > latest) latest = d; };
  for (const c of children) {
    for (const e of c.episodes) {
      see(e.decom);
      if (e.dec) votes.set(yearEndingOn(e.dec), (votes.get(yearEndingOn(e.dec)) ?? 0) + 1);
    }
    if (c.ad1) { see(c.ad1.dateInt); see(c.ad1.dateMatch); }
    for (const p of c.placedAdoption ?? []) { see(p.datePlaced); see(p.datePlacedCeased); }
  }
  if (votes.size > 0) {
    return [...votes.entries()].reduce((best, cur) => (cur[1] > best[1] || (cur[1] === best[1] && cur[0] > best[0]) ? cur : best))[0];
  }
  return latest ? yearEndingOn(latest) : null;
}

/**
 * The collection year a DfE XML file states in its header (`<CollectionDetails><Year>` or a `<ReferenceDate>`, as
 * the DfE's collection headers carry them), or null when it states none.
 */
export function declaredCollectionYear(xml: string): number | null {
  const details = /<CollectionDetails>([\s\S]*?)<\/CollectionDetails>/i.exec(xml)?.[1] ?? '';
  const year = /<Year>\s*(\d{4})\s*<\/Year>/i.exec(details);
  if (year) return Number(year[1]);
  const ref = /<ReferenceDate>\s*(\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4})\s*<\/ReferenceDate>/i.exec(xml);
  if (!ref) return null;
  const iso = ref[1].includes('/') ? ref[1].split('/').reverse().join('-') : ref[1];
  return yearEndingOn(iso);
}
