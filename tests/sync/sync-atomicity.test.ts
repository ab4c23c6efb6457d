import { Database, Sql } from '../../src/db/sql';
import type { ChildRecord } from '../../src/sync/children/child-record';
import { syncChildren } from '../../src/sync/children/sync-children';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { childRecord, codeOf, feedRows, SYNC_HOUSEHOLDS } from './sync-support';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
});
afterAll(() => hub.close());

/** A database whose transactions fail at the first statement matching `pattern`, after the earlier ones ran. */
class FailingDatabase extends Database {
  constructor(inner: Database, private readonly pattern: RegExp) { super(inner.pool); }
  override transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R> {
    return super.transaction((tx) => fn({
      query: async (text, params) => {
        if (this.pattern.test(text)) throw new Error('injected failure');
        return tx.query(text, params);
      },
    }));
  }
}

describe('one transaction per batch', () => {
  it('a failure partway through a children batch writes nothing of it (children, sibling groups, feed)', async () => {
    const failing = new FailingDatabase(hub.t.db, /INSERT INTO change_log/);
    const records = [childRecord('AT1', { siblingGroup: { sourceId: 'SG-AT' } }), childRecord('AT2')] as unknown as ChildRecord[];
    await expect(syncChildren(failing, 'BDG', records)).rejects.toThrow('injected failure');
    expect(await hub.t.db.query(`SELECT 1 FROM child WHERE source_id LIKE 'AT%'`)).toHaveLength(0);
    expect(await hub.t.db.query(`SELECT 1 FROM sibling_group WHERE source_id = 'SG-AT'`)).toHaveLength(0);
    expect(await feedRows(hub, 'BDG')).toHaveLength(0);
    // The same batch through a healthy database lands whole.
    expect(await syncChildren(hub.t.db, 'BDG', records)).toEqual({ accepted: 2, changed: 2, rejected: [] });
  });

  it('a database constraint failing in the second statement of a household batch rolls the whole batch back', async () => {
    // A rule only the database knows about, hit after the households statement has already run.
    await hub.t.db.query(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.first_name = 'Boom' THEN RAISE EXCEPTION 'no Boom adopters'; END IF; RETURN NEW; END $$`);
    await hub.t.db.query(`CREATE TRIGGER refuse_boom BEFORE INSERT ON adopter FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    try {
      const records = [
        { reference: 'AH1', stage: 'APPROVED', livesIn: 'HAV', adopters: [{ firstName: 'Fine' }] },
        { reference: 'AH2', stage: 'APPROVED', livesIn: 'HAV', adopters: [{ firstName: 'Boom' }] },
      ];
      const r = await hub.gql(hub.token('integration', 'ALE'), SYNC_HOUSEHOLDS, { agency: 'ALE', records });
      expect(codeOf(r.body)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(r.body)).not.toMatch(/Boom|INSERT|trigger|refuse_boom/i);
      expect(await hub.t.db.query(`SELECT 1 FROM adopter_household WHERE reference LIKE 'AH%'`)).toHaveLength(0);
      expect(await hub.t.db.query(`SELECT 1 FROM adopter WHERE first_name = 'Fine'`)).toHaveLength(0);
      expect(await feedRows(hub, 'ALE')).toHaveLength(0);
    } finally {
      await hub.t.db.query(`DROP TRIGGER refuse_boom ON adopter`);
      await hub.t.db.query(`DROP FUNCTION refuse_boom()`);
    }
  });
});
