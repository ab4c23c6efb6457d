// Erasure: a record the owner marks deleted (syncChildren/syncAdopterHouseholds/syncSupportCases `deleted: true`,
// a DfE `purge`) is removed with everything derived from it, and the change feed says DELETE. What stays is
// identifiers only: the access log (who read which child id, when) and the feed's own entries (ids, source ids).
import type { Sql } from '../db/sql';
import { recordDeletes } from './change-log';
import { recordChildChanges, refreshMilestones } from './milestone-refresh';
import { lockOwners } from './owner-lock';

/** A removed record: the hub id it had and the owner's id for it. */
export interface ErasedRecord {
  id: string;
  sourceId: string;
}

/**
 * Removes an LA's children by source id, inside the caller's transaction. The database cascades to everything
 * derived from a child (903 episodes, AD1 and decision rows, DfE adoption rows, matches); sibling groups left
 * empty go too (with any match made for the group). Unknown ids are ignored, so a repeated deletion does nothing.
 */
export async function eraseChildren(tx: Sql, authority: string, sourceIds: readonly string[]): Promise<ErasedRecord[]> {
  if (sourceIds.length === 0) return [];
  const removed = await tx.query<{ id: string; source_id: string; sibling_group_id: string | null }>(
    `DELETE FROM child WHERE authority = $1 AND source_id = ANY($2::text[]) RETURNING id, source_id, sibling_group_id`,
    [authority, [...new Set(sourceIds)]]);
  const groups = [...new Set(removed.map((r) => r.sibling_group_id).filter((g): g is string => g !== null))];
  if (groups.length > 0) {
    await tx.query(`DELETE FROM sibling_group g WHERE g.authority = $1 AND g.id = ANY($2::uuid[])
      AND NOT EXISTS (SELECT 1 FROM child c WHERE c.sibling_group_id = g.id)`, [authority, groups]);
  }
  const erased = removed.map((r) => ({ id: r.id, sourceId: r.source_id }));
  await recordDeletes(tx, 'Child', authority, erased);
  return erased;
}

/**
 * Removes an RAA's households by reference, with their adopters and links. The links go first, each with a DELETE
 * in the RAA's feed, and the children they reached are re-derived without them (their LAs' feeds say so). Support
 * cases of the family stay (they are the RAA's own casework) but lose the link to the household.
 */
export async function eraseHouseholds(tx: Sql, agency: string, references: readonly string[]): Promise<ErasedRecord[]> {
  if (references.length === 0) return [];
  const links = await tx.query<{ id: string; source_id: string }>(`SELECT m.id, m.source_id FROM adoption_match m
    JOIN adopter_household h ON h.id = m.household_id WHERE h.agency = $1 AND h.reference = ANY($2::text[])`, [agency, [...new Set(references)]]);
  if (links.length > 0) await eraseLinks(tx, agency, links.map((l) => l.source_id));
  const removed = await tx.query<{ id: string; reference: string }>(
    `DELETE FROM adopter_household WHERE agency = $1 AND reference = ANY($2::text[]) RETURNING id, reference`,
    [agency, [...new Set(references)]]);
  const erased = removed.map((r) => ({ id: r.id, sourceId: r.reference }));
  await recordDeletes(tx, 'AdopterHousehold', agency, erased);
  return erased;
}

/** Removes an RAA's support cases by source id. */
export async function eraseSupportCases(tx: Sql, agency: string, sourceIds: readonly string[]): Promise<ErasedRecord[]> {
  if (sourceIds.length === 0) return [];
  const removed = await tx.query<{ id: string; source_id: string }>(
    `DELETE FROM support_case WHERE agency = $1 AND source_id = ANY($2::text[]) RETURNING id, source_id`,
    [agency, [...new Set(sourceIds)]]);
  const erased = removed.map((r) => ({ id: r.id, sourceId: r.source_id }));
  await recordDeletes(tx, 'SupportCase', agency, erased);
  return erased;
}

/**
 * Removes an RAA's links by source id, with a DELETE each in its feed, and re-derives the children they reached
 * (their LAs' write locks are taken, after the RAA's, as syncLinks does). Returns the links removed.
 */
export async function eraseLinks(tx: Sql, agency: string, sourceIds: readonly string[]): Promise<ErasedRecord[]> {
  if (sourceIds.length === 0) return [];
  const members = await tx.query<{ code: string }>('SELECT code FROM authority WHERE raa_code = $1', [agency]);
  await lockOwners(tx, [agency, ...members.map((m) => m.code)]);
  const reached = await tx.query<{ id: string; authority: string }>(`SELECT DISTINCT c.id, c.authority FROM adoption_match m
    JOIN child c ON c.id = m.child_id OR (m.sibling_group_id IS NOT NULL AND c.sibling_group_id = m.sibling_group_id)
    WHERE m.authority = $1 AND m.source_id = ANY($2::text[])`, [agency, [...new Set(sourceIds)]]);
  const removed = await tx.query<{ id: string; source_id: string }>(
    'DELETE FROM adoption_match WHERE authority = $1 AND source_id = ANY($2::text[]) RETURNING id, source_id', [agency, [...new Set(sourceIds)]]);
  const erased = removed.map((r) => ({ id: r.id, sourceId: r.source_id }));
  await recordDeletes(tx, 'AdoptionLink', agency, erased);
  const changed = new Set(await refreshMilestones(tx, reached.map((c) => c.id)));
  const byAuthority = new Map<string, string[]>();
  for (const c of reached) if (changed.has(c.id)) byAuthority.set(c.authority, [...(byAuthority.get(c.authority) ?? []), c.id]);
  for (const [authority, ids] of [...byAuthority].sort(([a], [b]) => a.localeCompare(b))) await recordChildChanges(tx, authority, ids);
  return erased;
}
