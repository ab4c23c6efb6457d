// Writes 903 children into the hub: one transaction per batch, multi-row upserts, milestones re-derived from all
// stored rows, and the change feed told only about children that really changed. Shared by the 903 import endpoint
// and any sync path that carries episodes.
import type { Database, Sql } from '../db/sql';
import { refreshMilestones, recordChildChanges } from './milestone-refresh';
import { lockOwner } from './owner-lock';
import type { ExtractChild } from './ssda903/extract';
import { validateExtractChildren, type RecordRejection } from './ssda903/extract-validation';
import { childIdsBySource, upsertAd1, upsertChildHeaders, upsertDecisions, upsertEpisodes } from './ssda903-upserts';

/** What storing a set of children did. */
export interface StoreResult {
  childrenAccepted: number;
  episodesAccepted: number;
  /** Children whose stored row, episodes or adoption rows changed (and got a change-feed entry). */
  childrenChanged: number;
  rejected: RecordRejection[];
}

/** Options: children per transaction (default 1,000). */
export interface StoreOptions {
  batchSize?: number;
}

/**
 * Validates and stores one return's children for `authority`, `sourceYear` being its collection year. Invalid
 * children are rejected by index; the others land, batch by batch (a failing batch writes nothing, and throws).
 */
export async function storeExtractChildren(db: Database, authority: string, sourceYear: number, children: unknown,
  options: StoreOptions = {}): Promise<StoreResult> {
  const { valid, rejected } = validateExtractChildren(children);
  const size = options.batchSize ?? 1000;
  const result: StoreResult = { childrenAccepted: 0, episodesAccepted: 0, childrenChanged: 0, rejected };
  for (let i = 0; i < valid.length; i += size) {
    const batch = valid.slice(i, i + size);
    const changed = await db.transaction((tx) => storeBatch(tx, authority, sourceYear, batch));
    result.childrenAccepted += batch.length;
    result.episodesAccepted += batch.reduce((n, c) => n + c.episodes.length, 0);
    result.childrenChanged += changed.length;
  }
  return result;
}

/** Stores already-validated children inside the caller's transaction; returns the ids of the changed ones. */
export async function storeBatch(tx: Sql, authority: string, sourceYear: number, children: readonly ExtractChild[]): Promise<string[]> {
  // The milestone refresh reads what syncChildren sent (sent_milestones) and the stored episodes, then writes the
  // result: the LA's write lock first, so a concurrent writer of this LA cannot change them in between.
  await lockOwner(tx, authority);
  const headerChanged = await upsertChildHeaders(tx, authority, sourceYear, children);
  const rowsChanged = new Set([
    ...(await upsertEpisodes(tx, authority, sourceYear, children)),
    ...(await upsertAd1(tx, authority, sourceYear, children)),
    ...(await upsertDecisions(tx, authority, sourceYear, children)),
  ]);
  const milestonesChanged = await refreshMilestones(tx, [...rowsChanged]);
  const changed = [...new Set([...headerChanged, ...rowsChanged, ...milestonesChanged])];
  await recordChildChanges(tx, authority, changed);
  return changed;
}

/** The hub ids of an authority's children by source id (for callers that report per child). */
export { childIdsBySource };
