// One batch of the DfE children's social care API endpoint: validated as a whole, then written in one transaction.
// The batch is atomic: if any record is invalid nothing is written, because the D2I pipeline records every record
// of a refused batch that the answer does not name as "record valid but batch failed", i.e. not stored.
import type { Database, Sql } from '../../db/sql';
import { eraseChildren } from '../erasure';
import { lockOwner } from '../owner-lock';
import { recordChildChanges, refreshMilestones } from '../milestone-refresh';
import { bodyItems, laCodeMatches } from './batch-body';
import type { ChildState } from './child-state';
import type { CscRecord } from './csc-record';
import { loadChildStates, placementKeyOwners } from './csc-snapshot';
import { removeAndAbsorbEpisodes, upsertChildDetails, upsertPlacements, writeAdoptions } from './csc-writes';
import { applyRecord, checkMergedChildren } from './record-merge';
import { readRecord } from './record-validation';

/** The answer to a batch: one receipt per record (`YYYY-MM-DD_HH:MM:SS.ffffff_<child uuid>`), or its problems. */
export type BatchOutcome =
  | { ok: true; receipts: string[]; changed: number; deleted: number }
  | { ok: false; problems: string[] };

/** Reads a parsed body into records; problems are `[index] path: reason` (index = position in the batch). */
export function readBatch(body: unknown, laNumber: number): { records: CscRecord[]; problems: string[] } {
  const items = bodyItems(body);
  if ('error' in items) return { records: [], problems: [items.error] };
  const records: CscRecord[] = [];
  const problems: string[] = [];
  items.items.forEach((item, i) => {
    if (!laCodeMatches(item.laCode, laNumber)) problems.push(`[${i}] la_code: not the LA number in the address`);
    const { record, problems: own } = readRecord(item.payload);
    problems.push(...own.map((p) => `[${i}] ${p}`));
    if (record) records.push(record);
  });
  return { records, problems };
}

/** Validates and stores a batch for `authority` (whose LA number is `laNumber`). */
export async function ingestBatch(db: Database, authority: string, laNumber: number, body: unknown): Promise<BatchOutcome> {
  const { records, problems } = readBatch(body, laNumber);
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 0) return { ok: true, receipts: [], changed: 0, deleted: 0 };
  return db.transaction((tx) => writeBatch(tx, authority, records));
}

async function writeBatch(tx: Sql, authority: string, records: readonly CscRecord[]): Promise<BatchOutcome> {
  // The LA's one write lock, before reading: the batch writes back every column it read, so neither another batch
  // nor a concurrent syncChildren or 903 import of this LA may change the child in between (owner-lock.ts).
  await lockOwner(tx, authority);
  const states = await loadChildStates(tx, authority, [...new Set(records.map((r) => r.sourceId))]);
  const problems: string[] = [];
  const ids = records.map((r, i) => {
    const s = states.get(r.sourceId)!;
    problems.push(...applyRecord(s, r, i).map((p) => `[${i}] ${p}`));
    return s.id;
  });
  const all = [...states.values()];
  const keys = all.flatMap((s) => [...s.placements.keys()]);
  problems.push(...checkMergedChildren(all, await placementKeyOwners(tx, authority, keys)));
  if (problems.length > 0) return { ok: false, problems: sortByIndex(problems) };

  const erased = await eraseChildren(tx, authority, all.filter((s) => s.deleted).map((s) => s.sourceId));
  const present = all.filter((s) => s.present);
  const changed = await writeChildren(tx, authority, present);
  const [{ at }] = await tx.query<{ at: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"_"HH24:MI:SS.US') AS at`);
  return { ok: true, receipts: ids.map((id) => `${at}_${id}`), changed: changed.length, deleted: erased.length };
}

/** Writes the merged children; returns the ids of those that changed (and got a change-feed entry). */
async function writeChildren(tx: Sql, authority: string, present: readonly ChildState[]): Promise<string[]> {
  const headers = await upsertChildDetails(tx, authority, present);
  const rows = new Set([
    ...(await removeAndAbsorbEpisodes(tx, authority, present)),
    ...(await upsertPlacements(tx, authority, present)),
    ...(await writeAdoptions(tx, present)),
  ]);
  const milestones = await refreshMilestones(tx, [...rows]);
  const changed = [...new Set([...headers, ...rows, ...milestones])];
  await recordChildChanges(tx, authority, changed);
  return changed;
}

function sortByIndex(problems: string[]): string[] {
  const index = (p: string) => Number(/^\[(\d+)\]/.exec(p)?.[1] ?? -1);
  return [...problems].sort((a, b) => index(a) - index(b));
}
