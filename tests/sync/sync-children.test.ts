import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { childRecord, codeOf, feedRows, SYNC_CHILDREN } from './sync-support';

let hub: TestHub;
let bdg: string;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  bdg = hub.token('integration', 'BDG');
});
afterAll(() => hub.close());

const sync = (records: unknown[], token = bdg, authority = 'BDG') => hub.gql(token, SYNC_CHILDREN, { authority, records });

const stored = async (sourceId: string) => (await hub.t.db.query<Record<string, any>>(
  `SELECT c.*, to_char(c.date_of_birth, 'YYYY-MM-DD') AS dob, c.updated_at::text AS updated, g.source_id AS group_source, g.place_together
   FROM child c LEFT JOIN sibling_group g ON g.id = c.sibling_group_id WHERE c.authority = 'BDG' AND c.source_id = $1`, [sourceId]))[0];

describe('syncChildren', () => {
  it('stores a batch, and the same batch again changes nothing: no new feed entries, updated_at unchanged', async () => {
    const records = [childRecord('IDEM1', { siblingGroup: { sourceId: 'SG-A', placeTogether: true } }),
      childRecord('IDEM2', { siblingGroup: { sourceId: 'SG-A' } }), childRecord('IDEM3', { stage: null })];
    const first = await sync(records);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.syncChildren).toEqual({ accepted: 3, changed: 3, rejected: [] });
    const feed1 = await feedRows(hub, 'BDG');
    expect(feed1.filter((f) => f.source_id.startsWith('IDEM'))).toHaveLength(3);
    const before = await stored('IDEM1');
    expect(before).toMatchObject({ first_name: 'FirstIDEM1', last_name: 'LastIDEM1', dob: '2021-03-04', nhs_number: '9434765919',
      placement_postcode: 'IG11 7LU', stage: 'FAMILY_FINDING', stage_explicit: true, needs: ['FASD'], group_source: 'SG-A', place_together: true });
    expect((await stored('IDEM2')).sibling_group_id).toBe(before.sibling_group_id);

    const second = await sync(records);
    expect(second.body.data.syncChildren).toEqual({ accepted: 3, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'BDG')).toEqual(feed1);
    expect((await stored('IDEM1')).updated).toBe(before.updated);
  });

  it('a field left out keeps its value, null clears it, and a real change gets one feed entry', async () => {
    await sync([childRecord('PART1')]);
    const feedBefore = (await feedRows(hub, 'BDG')).length;
    const r = await sync([{ sourceId: 'PART1', socialWorker: 'New Worker', healthSummary: null }]);
    expect(r.body.data.syncChildren.changed).toBe(1);
    const row = await stored('PART1');
    expect(row).toMatchObject({ first_name: 'FirstPART1', social_worker: 'New Worker', health_summary: null, stage: 'FAMILY_FINDING' });
    const feed = await feedRows(hub, 'BDG');
    expect(feed).toHaveLength(feedBefore + 1);
    expect(feed[feed.length - 1]).toMatchObject({ entity: 'Child', entity_id: row.id, source_id: 'PART1', operation: 'UPSERT' });
  });

  it('concurrent partial batches for the same children lose no update', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `CONC${i}`);
    await sync(ids.map((id) => childRecord(id)));
    await Promise.all([
      sync(ids.map((sourceId) => ({ sourceId, socialWorker: 'Worker A' }))),
      sync(ids.map((sourceId) => ({ sourceId, healthSummary: 'Summary B' }))),
      sync(ids.map((sourceId) => ({ sourceId, firstName: 'Name C' }))),
    ]);
    const rows = await hub.t.db.query(`SELECT DISTINCT social_worker, health_summary, first_name FROM child WHERE source_id LIKE 'CONC%'`);
    expect(rows).toEqual([{ social_worker: 'Worker A', health_summary: 'Summary B', first_name: 'Name C' }]);
  });

  it('without a stage, the stage follows the dates (as the 903 derivation does); a sent stage is kept', async () => {
    await sync([{ sourceId: 'UNB1', stage: 'UNBORN', expectedDateOfBirth: '2031-05-06' }]);
    expect(await stored('UNB1')).toMatchObject({ stage: 'UNBORN', date_of_birth: null });
    expect((await hub.t.db.query(`SELECT expected_date_of_birth::text AS d FROM child WHERE source_id = 'UNB1'`))[0].d).toBe('2031-05-06');
    await sync([{ sourceId: 'DER1', firstName: 'D', enteredCareOn: '2022-01-01', decisionOn: '2022-03-01' }]);
    expect(await stored('DER1')).toMatchObject({ stage: 'ADM_DECISION', stage_explicit: false });
    await sync([{ sourceId: 'DER1', placementOrderOn: '2022-05-01' }]);
    expect((await stored('DER1')).stage).toBe('FAMILY_FINDING');
    await sync([{ sourceId: 'DER1', stage: 'PROGRESS_TO_MATCH' }]);
    await sync([{ sourceId: 'DER1', placedOn: '2022-09-01' }]);
    expect(await stored('DER1')).toMatchObject({ stage: 'PROGRESS_TO_MATCH', stage_explicit: true });
  });

  it('rejects bad records with index, sourceId, field and reason while the good ones land', async () => {
    const r = await sync([
      childRecord('VAL-OK1'),
      childRecord('VAL-BAD1', { dateOfBirth: '2021-02-30' }),
      childRecord('VAL-BAD2', { ethnicity: 'XXXX' }),
      childRecord('VAL-OK2'),
      childRecord('VAL-BAD3', { stage: 'SOMEWHERE' }),
      { ...childRecord('VAL-OK1'), firstName: 'Dup' },
      { sourceId: '  ' },
    ]);
    expect(r.body.errors).toBeUndefined();
    const out = r.body.data.syncChildren;
    expect(out.accepted).toBe(2);
    expect(out.rejected.map((x: any) => [x.index, x.sourceId, x.field])).toEqual([
      [1, 'VAL-BAD1', 'dateOfBirth'], [2, 'VAL-BAD2', 'ethnicity'], [4, 'VAL-BAD3', 'stage'], [5, 'VAL-OK1', 'sourceId'], [6, null, 'sourceId'],
    ]);
    expect(out.rejected[0].reason).toMatch(/2021-02-30.*YYYY-MM-DD/);
    expect(out.rejected[3].reason).toMatch(/first at index 0/);
    const rows = await hub.t.db.query<{ source_id: string; first_name: string }>(
      `SELECT source_id, first_name FROM child WHERE source_id LIKE 'VAL-%' ORDER BY source_id`);
    expect(rows).toEqual([{ source_id: 'VAL-OK1', first_name: 'FirstVAL-OK1' }, { source_id: 'VAL-OK2', first_name: 'FirstVAL-OK2' }]);
  });

  it('refuses more than 1,000 records with BAD_USER_INPUT and writes nothing', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({ sourceId: `BIG${i}`, firstName: 'X' }));
    const r = await sync(records);
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
    expect((await hub.t.db.query(`SELECT 1 FROM child WHERE source_id LIKE 'BIG%'`))).toHaveLength(0);
  });

  it('takes a full batch of 1,000 in one call', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => childRecord(`K${i}`));
    const started = Date.now();
    const r = await sync(records);
    const ms = Date.now() - started;
    expect(r.body.data.syncChildren).toMatchObject({ accepted: 1000, changed: 1000 });
    const again = await sync(records);
    expect(again.body.data.syncChildren).toMatchObject({ accepted: 1000, changed: 0 });
    process.stdout.write(`syncChildren 1,000 new records: ${ms} ms\n`);
  });
});

describe('who may sync children', () => {
  it("an LA integration token cannot write another LA's children", async () => {
    const r = await sync([childRecord('X1')], hub.token('integration', 'NHM'), 'BDG');
    expect(codeOf(r.body)).toBe('FORBIDDEN');
    expect(r.body.data?.syncChildren ?? null).toBeNull();
    expect(await hub.t.db.query(`SELECT 1 FROM child WHERE source_id = 'X1'`)).toHaveLength(0);
  });

  it('an RAA integration token cannot write children, not even of its member LAs', async () => {
    const r = await sync([childRecord('X2')], hub.token('integration', 'ALE'), 'ALE');
    expect(codeOf(r.body)).toBe('FORBIDDEN');
    const r2 = await sync([childRecord('X2')], hub.token('integration', 'ALE'), 'BDG');
    expect(codeOf(r2.body)).toBe('FORBIDDEN');
  });

  it.each(['family_finder', 'social_worker', 'raa_manager', 'la_analyst', 'auditor'] as const)('%s cannot call syncChildren', async (role) => {
    const org = role === 'family_finder' || role === 'raa_manager' ? 'ALE' : 'BDG';
    const r = await sync([childRecord('X3')], hub.token(role, org), 'BDG');
    expect(codeOf(r.body)).toBe('FORBIDDEN');
    expect(await hub.t.db.query(`SELECT 1 FROM child WHERE source_id = 'X3'`)).toHaveLength(0);
  });
});
