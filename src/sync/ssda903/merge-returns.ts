// Several annual returns merged in memory, as the store merges them in SQL: an episode recurs in consecutive
// returns (open at 31 March, then closed), so episodes are keyed by start date and the later return wins.
import type { ExtractChild, Ssda903Extract } from './extract';

/** Merges returns given in any order into one child list, the most recent collection year winning each record. */
export function mergeReturns(extracts: readonly Ssda903Extract[]): ExtractChild[] {
  const byYear = [...extracts].sort((a, b) => (a.collectionYear ?? 0) - (b.collectionYear ?? 0));
  const merged = new Map<string, ExtractChild>();
  for (const extract of byYear) {
    for (const c of extract.children) {
      const into = merged.get(c.sourceId) ?? { ...c, episodes: [], placedAdoption: undefined, ad1: undefined };
      if (c.sex !== null) Object.assign(into, { sex: c.sex, dateOfBirth: c.dateOfBirth, ethnicity: c.ethnicity, upn: c.upn });
      into.episodes = mergeBy(into.episodes, c.episodes, (e) => e.decom);
      if (c.ad1) into.ad1 = c.ad1;
      if (c.placedAdoption) into.placedAdoption = mergeBy(into.placedAdoption ?? [], c.placedAdoption, (p) => p.datePlaced);
      merged.set(c.sourceId, into);
    }
  }
  return [...merged.values()];
}

function mergeBy<T>(older: readonly T[], newer: readonly T[], key: (t: T) => string): T[] {
  const map = new Map(older.map((t) => [key(t), t]));
  for (const t of newer) map.set(key(t), t);
  return [...map.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
