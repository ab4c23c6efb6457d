import { Database } from '../../src/db/sql';
import { eraseHouseholds } from '../../src/sync/erasure';
import { makeHousehold, makeMatch, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { CHANGES, childRecord, SYNC_CHILDREN, SYNC_HOUSEHOLDS } from './sync-support';

let hub: TestHub;
let db: Database;

beforeAll(async () => {
  hub = await startTestHub();
  db = hub.t.db;
  await seedAuthorities(db);
});
afterAll(() => hub.close());

/** Values found nowhere else in the database, so any trace of them after erasure is a leak. */
const SECRET = {
  firstName: 'Zebedeeqx', lastName: 'Quillfeatherqx', dateOfBirth: '2018-11-23', upn: 'Q12345678901Z', nhsNumber: '4857773456',
  placementPostcode: 'E16 9ZZ', healthSummary: 'Hypoplastic-qx heart, monitored', birthFamilyBackground: 'Maternal-qx history of care',
  socialWorker: 'Ursula Unique-qx',
};

/** Rows, in any table of the database, whose text holds `value`. */
async function tablesHolding(value: string): Promise<string[]> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const found: string[] = [];
  for (const { table_name: t } of tables) {
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}" x WHERE x::text ILIKE '%' || $1 || '%'`, [value]);
    if (rows[0].n > 0) found.push(t);
  }
  return found;
}

describe('erasure end to end', () => {
  it('sync, read, delete: the child and everything derived are gone, the feed says DELETE, the access log keeps ids only', async () => {
    const lsync = hub.token('integration', 'BDG');
    const records = [
      childRecord('ER1', { ...SECRET, stage: 'FAMILY_FINDING', siblingGroup: { sourceId: 'SG-PAIR' } }),
      childRecord('ER2', { stage: 'FAMILY_FINDING', siblingGroup: { sourceId: 'SG-PAIR' } }),
      childRecord('ER3', { stage: 'FAMILY_FINDING', siblingGroup: { sourceId: 'SG-SOLO' } }),
    ];
    expect((await hub.gql(lsync, SYNC_CHILDREN, { authority: 'BDG', records })).body.data.syncChildren.changed).toBe(3);
    const ids = Object.fromEntries((await db.query<{ id: string; source_id: string }>(
      `SELECT id, source_id FROM child WHERE authority = 'BDG'`)).map((r) => [r.source_id, r.id]));
    // Rows derived from the child, as the 903 import and the RAA's matching write them.
    await db.query(`INSERT INTO care_episode (child_id, authority, source_id, decom, rne, legal_status, place, home_postcode)
      VALUES ($1, 'BDG', 'ER1/2022-01-10', '2022-01-10', 'S', 'C2', 'U1', $2)`, [ids.ER1, SECRET.placementPostcode]);
    await db.query(`INSERT INTO child_adoption (child_id, decision_on, matched_on, source_year) VALUES ($1, '2022-06-01', NULL, 2022)`, [ids.ER1]);
    const household = await makeHousehold(db, { agency: 'ALE' });
    await makeMatch(db, household, ids.ER1, 'LINKED');
    await makeMatch(db, household, ids.ER3, 'LINKED');

    const read = `query($id: ID!) { child(id: $id) { id firstName lastName dateOfBirth upn healthSummary } }`;
    const seen = await hub.gql(hub.token('social_worker', 'BDG'), read, { id: ids.ER1 });
    expect(seen.body.data.child.lastName).toBe(SECRET.lastName);
    expect((await hub.gql(hub.token('family_finder', 'ALE'), read, { id: ids.ER1 })).body.data.child.firstName).toBe(SECRET.firstName);
    const logged = await db.query(`SELECT id FROM access_log WHERE child_id = $1`, [ids.ER1]);
    expect(logged.length).toBeGreaterThanOrEqual(2);

    // The scan finds the values while they are stored (so its empty answer afterwards means something).
    expect(await tablesHolding(SECRET.lastName)).toEqual(['child']);
    expect((await tablesHolding(SECRET.placementPostcode)).sort()).toEqual(['care_episode', 'child']);
    const del = await hub.gql(lsync, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'ER1', deleted: true }, { sourceId: 'ER3', deleted: true }] });
    expect(del.body.data.syncChildren).toEqual({ accepted: 2, changed: 2, rejected: [] });

    expect(await db.query(`SELECT 1 FROM child WHERE id = ANY($1::uuid[])`, [[ids.ER1, ids.ER3]])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM care_episode WHERE child_id = $1`, [ids.ER1])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM child_adoption WHERE child_id = $1`, [ids.ER1])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM adoption_match WHERE child_id = ANY($1::uuid[])`, [[ids.ER1, ids.ER3]])).toHaveLength(0);
    const groups = await db.query<{ source_id: string }>(`SELECT source_id FROM sibling_group WHERE authority = 'BDG' ORDER BY source_id`);
    expect(groups).toEqual([{ source_id: 'SG-PAIR' }]);

    const feed = await hub.gql(lsync, CHANGES, { authority: 'BDG' });
    const deletes = feed.body.data.changes.nodes.filter((n: any) => n.operation === 'DELETE');
    expect(deletes).toEqual([{ entity: 'Child', id: ids.ER1, sourceId: 'ER1', operation: 'DELETE' },
      { entity: 'Child', id: ids.ER3, sourceId: 'ER3', operation: 'DELETE' }]);

    expect((await hub.gql(hub.token('social_worker', 'BDG'), read, { id: ids.ER1 })).body.data.child).toBeNull();
    // The audit trail is kept (append-only), and it never held more than identifiers: the two reads before the
    // erasure, plus the feed's DELETE entry (serving a child's id is a read), and nothing for the null read after.
    expect(await db.query(`SELECT id FROM access_log WHERE child_id = $1`, [ids.ER1])).toHaveLength(logged.length + 1);
    for (const value of Object.values(SECRET)) expect({ value, tables: await tablesHolding(value) }).toEqual({ value, tables: [] });
    // Deleting again changes nothing.
    const again = await hub.gql(lsync, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'ER1', deleted: true }] });
    expect(again.body.data.syncChildren).toEqual({ accepted: 1, changed: 0, rejected: [] });
  });

  it('erasing a household removes its adopters and matches; its support cases stay, unlinked', async () => {
    const rsync = hub.token('integration', 'ALE');
    await hub.gql(rsync, SYNC_HOUSEHOLDS, { agency: 'ALE', records: [{ reference: 'HER', stage: 'APPROVED', livesIn: 'HAV',
      adopters: [{ firstName: 'Gwendolynqx', lastName: 'Erasedqx', dateOfBirth: '1979-09-19' }], address: '9 Secretqx Lane' }] });
    const hid = (await db.query<{ id: string }>(`SELECT id FROM adopter_household WHERE reference = 'HER'`))[0].id;
    const child = (await db.query<{ id: string }>(`SELECT id FROM child WHERE source_id = 'ER2'`))[0].id;
    await makeMatch(db, hid, child, 'LINKED');
    await db.query(`INSERT INTO support_case (agency, source_id, lives_in, type, household_id) VALUES ('ALE', 'SC-HER', 'HAV', 'ASSESSMENT', $1)`, [hid]);
    const erased = await db.transaction((tx) => eraseHouseholds(tx, 'ALE', ['HER', 'NOT-THERE']));
    expect(erased).toEqual([{ id: hid, sourceId: 'HER' }]);
    expect(await db.query(`SELECT 1 FROM adopter WHERE household_id = $1`, [hid])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM adoption_match WHERE household_id = $1`, [hid])).toHaveLength(0);
    expect(await db.query(`SELECT household_id FROM support_case WHERE source_id = 'SC-HER'`)).toEqual([{ household_id: null }]);
    for (const value of ['Gwendolynqx', 'Erasedqx', 'Secretqx']) expect(await tablesHolding(value)).toEqual([]);
    const feed = await db.query(`SELECT entity, entity_id, source_id, operation FROM change_log cl WHERE authority = 'ALE' ORDER BY cl.seq DESC LIMIT 1`);
    expect(feed).toEqual([{ entity: 'AdopterHousehold', entity_id: hid, source_id: 'HER', operation: 'DELETE' }]);
  });
});
