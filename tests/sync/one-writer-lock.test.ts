// Concurrent writers of one authority serialise on one lock (src/sync/owner-lock.ts). Deterministic, without
// sleeps: a transaction holds the lock (as a writer in flight does), the other writer is started, and the test waits
// until PostgreSQL shows it blocked, then looks at what it is blocked on and whether it has written anything yet.
import { syncChildren, writeChildren } from '../../src/sync/children/sync-children';
import { validateChildRecords } from '../../src/sync/children/child-record';
import { storeExtractChildren } from '../../src/sync/child-store';
import { ingestBatch } from '../../src/sync/dfe-csc/csc-batch';
import { syncAdopterHouseholds } from '../../src/sync/households/sync-households';
import { lockOwner } from '../../src/sync/owner-lock';
import { syncSupportCases } from '../../src/sync/support-cases/sync-support-cases';
import type { Sql } from '../../src/db/sql';
import { seedAuthorities } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { fullPayload } from './dfe-csc/d2i-payloads';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedAuthorities(t.db);
});
afterAll(() => t.close());

/** A transaction kept open until `release()`: `work` runs in it first (e.g. takes the lock and writes). */
function openTransaction(work: (tx: Sql) => Promise<void>) {
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  let ready!: (pid: number) => void;
  const started = new Promise<number>((r) => { ready = r; });
  const done = t.db.transaction(async (tx) => {
    await work(tx);
    const [{ pid }] = await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
    ready(pid);
    await released;
  });
  return { started, release, done };
}

type Blocked = { state: 'blocked'; waitEvent: string; hasWritten: boolean } | { state: 'finished' };

/**
 * Waits until another backend of this database is blocked on a lock (then says on which, and whether it had
 * written anything: a transaction id is assigned at its first write), or until `writer` settles first.
 */
async function firstBlockedOrFinished(holderPid: number, writer: Promise<unknown>): Promise<Blocked> {
  let settled = false;
  writer.then(() => { settled = true; }, () => { settled = true; });
  for (;;) {
    const rows = await t.db.query<{ wait_event: string; backend_xid: string | null }>(`
      SELECT wait_event, backend_xid::text FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`, [holderPid]);
    if (rows.length > 0) return { state: 'blocked', waitEvent: rows[0].wait_event, hasWritten: rows[0].backend_xid !== null };
    if (settled) return { state: 'finished' };
    await new Promise((r) => setImmediate(r));
  }
}

describe('a DfE batch and a syncChildren of the same LA at the same time', () => {
  // Row locks alone protect a child both writers find stored (the batch reads it FOR UPDATE). A child new to the hub
  // has no row to lock: the batch read nothing, built the child from its payload alone, and its upsert overwrote
  // what syncChildren had just stored.
  it('loses neither: the batch waits for the LA\'s write lock, then merges into what syncChildren stored', async () => {
    // syncChildren is mid-way: it has taken the lock and stored a new child, and has not committed.
    const { valid } = validateChildRecords([{ sourceId: 'LU1', firstName: 'New', dateOfBirth: '2020-02-02' }]);
    const holder = openTransaction((tx) => writeChildren(tx, 'BDG', valid).then(() => undefined));
    const pid = await holder.started;

    // The DfE pipeline sends the same child with only its sex: everything else is merged from what is stored.
    const batch = ingestBatch(t.db, 'BDG', 301, [{ la_child_id: 'LU1', mis_child_id: 'x', child_details: { sex: 'M' } }]);
    const seen = await firstBlockedOrFinished(pid, batch);
    holder.release();
    await holder.done;
    expect(await batch).toMatchObject({ ok: true });

    const [c] = await t.db.query(`SELECT first_name, date_of_birth::text AS dob, sex FROM child WHERE authority = 'BDG' AND source_id = 'LU1'`);
    expect(c).toEqual({ first_name: 'New', dob: '2020-02-02', sex: 'MALE' });
    expect(seen).toEqual({ state: 'blocked', waitEvent: 'advisory', hasWritten: false });
  });
});

describe('every read-merge-write path takes the owner\'s one lock before it reads or writes', () => {
  const extractChild = { sourceId: 'P903', sex: 'MALE', dateOfBirth: '2019-01-01', ethnicity: 'WBRI', upn: null,
    episodes: [{ decom: '2021-01-10', rne: 'S', legalStatus: 'C2', cin: 'N1', place: 'U1', placeProvider: 'PR1', dec: null,
      rec: null, reasonPlaceChange: null, homePostcode: null, placementPostcode: null, urn: null }] };
  const paths: [string, string, () => Promise<unknown>][] = [
    ['syncChildren', 'HAV', () => syncChildren(t.db, 'HAV', [{ sourceId: 'PSC', firstName: 'A' }])],
    ['the DfE batch', 'HAV', () => ingestBatch(t.db, 'HAV', 311, [fullPayload({ id: 'PCSC' })])],
    ['the 903 import', 'HAV', () => storeExtractChildren(t.db, 'HAV', 2021, [extractChild])],
    ['syncAdopterHouseholds', 'ALE', () => syncAdopterHouseholds(t.db, 'ALE', [{ reference: 'PH1', stage: 'ENQUIRY', enquiryOn: '2024-01-02' }])],
    ['syncSupportCases', 'ALE', () => syncSupportCases(t.db, 'ALE', [{ sourceId: 'PS1', type: 'ASSESSMENT', livesIn: 'HAV', openedOn: '2024-01-02' }])],
  ];

  it.each(paths)('%s waits on the lock held for %s, having written nothing, and then lands', async (_name, owner, write) => {
    const holder = openTransaction((tx) => lockOwner(tx, owner));
    const pid = await holder.started;
    const writer = write();
    const seen = await firstBlockedOrFinished(pid, writer);
    holder.release();
    await holder.done;
    const out = await writer as { rejected?: unknown[]; ok?: boolean };
    expect(seen).toEqual({ state: 'blocked', waitEvent: 'advisory', hasWritten: false });
    expect(out.rejected ?? []).toEqual([]);
    expect(out.ok ?? true).toBe(true);
  });
});
