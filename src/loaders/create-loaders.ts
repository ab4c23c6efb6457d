import DataLoader from 'dataloader';
import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { AdopterRow, adoptersOfHouseholds, HouseholdRow, householdsByIds } from '../services/household-query';

/** Returns `rows` grouped by `key`, in the order of `keys` (DataLoader's contract). */
export function groupInKeyOrder<R>(keys: readonly string[], rows: R[], key: (r: R) => string): R[][] {
  const byKey = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(r); else byKey.set(k, [r]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

/** One row per key (or null when out of scope), in the order of `keys`. */
export function oneInKeyOrder<R>(keys: readonly string[], rows: R[], key: (r: R) => string): (R | null)[] {
  return groupInKeyOrder(keys, rows, key).map((g) => g[0] ?? null);
}

/**
 * The request's loaders, for the reads that are not compiled (households and their adopters): every relation is
 * fetched in one scoped statement per batch, never per parent. Children and sibling groups are compiled (src/compiler).
 */
export interface Loaders {
  household: DataLoader<string, HouseholdRow | null>;
  adoptersOfHousehold: DataLoader<string, AdopterRow[]>;
}

/** New loaders for one request and viewer: nothing is cached across requests or viewers. */
export function createLoaders(sql: Sql, viewer: Viewer): Loaders {
  return {
    household: new DataLoader(async (ids) => oneInKeyOrder(ids, await householdsByIds(sql, viewer, ids), (r) => String(r.id))),
    adoptersOfHousehold: new DataLoader(async (ids) =>
      groupInKeyOrder(ids, await adoptersOfHouseholds(sql, viewer, ids), (r) => String(r._household))),
  };
}
