import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { codeOf, feedRows, SYNC_HOUSEHOLDS, SYNC_SUPPORT_CASES } from './sync-support';

let hub: TestHub;
let ale: string;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  ale = hub.token('integration', 'ALE');
});
afterAll(() => hub.close());

const syncH = (records: unknown[], token = ale, agency = 'ALE') => hub.gql(token, SYNC_HOUSEHOLDS, { agency, records });
const syncS = (records: unknown[], token = ale, agency = 'ALE') => hub.gql(token, SYNC_SUPPORT_CASES, { agency, records });

const household = (reference: string, extra: Record<string, unknown> = {}) => ({
  reference, enquiryOn: '2023-01-05', stage1StartedOn: '2023-02-01', stage2StartedOn: '2023-05-01', approvedOn: '2023-10-01',
  householdType: 'COUPLE', ethnicity: 'WBRI', religion: 'None', languages: ['English', 'Polish'], childrenInHome: 1,
  socialWorker: 'Pat', livesIn: 'HAV',
  adopters: [{ firstName: 'Ann', lastName: 'Adopter', dateOfBirth: '1985-02-03', sex: 'FEMALE' },
    { firstName: 'Bob', lastName: 'Adopter', dateOfBirth: '1984-07-08', sex: 'MALE' }],
  approvedFor: { minAgeMonths: 0, maxAgeMonths: 48, ageToleranceMonths: 6, maxChildren: 2, siblingGroups: true, earlyPermanence: false },
  needsCapacity: [{ need: 'FASD', level: 'MEDIUM' }, { need: 'global developmental delay', level: 'LOW' }],
  sexualOrientation: 'Heterosexual', address: '1 Road, Romford', postcode: 'rm1 1aa', healthNotes: 'None', ...extra,
});

const storedHousehold = async (reference: string) => (await hub.t.db.query<Record<string, any>>(
  `SELECT h.*, h.updated_at::text AS updated,
     (SELECT json_agg(json_build_object('first', a.first_name, 'pos', a.position) ORDER BY a.position) FROM adopter a WHERE a.household_id = h.id) AS adopter_list
   FROM adopter_household h WHERE agency = 'ALE' AND reference = $1`, [reference]))[0];

describe('syncAdopterHouseholds', () => {
  it('stores households with adopters, derives the stage from the dates, and a re-run changes nothing', async () => {
    const records = [household('H1'), household('H2', { stage: 'MATCHED', matchedOn: '2024-01-02' }), household('H3', { approvedOn: null, stage2StartedOn: null })];
    const first = await syncH(records);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.syncAdopterHouseholds).toEqual({ accepted: 3, changed: 3, rejected: [] });
    const h1 = await storedHousehold('H1');
    expect(h1).toMatchObject({ stage: 'APPROVED', languages: ['English', 'Polish'], lives_in: 'HAV', approved_max_age_months: 48,
      age_tolerance_months: 6, approved_siblings: true, needs_capacity: { FASD: 'MEDIUM', GLOBAL_DEVELOPMENTAL_DELAY: 'LOW' }, postcode: 'RM1 1AA' });
    expect(h1.adopter_list).toEqual([{ first: 'Ann', pos: 1 }, { first: 'Bob', pos: 2 }]);
    expect((await storedHousehold('H2')).stage).toBe('MATCHED');
    expect((await storedHousehold('H3')).stage).toBe('STAGE_ONE');
    const feed = await feedRows(hub, 'ALE');

    const again = await syncH(records);
    expect(again.body.data.syncAdopterHouseholds).toEqual({ accepted: 3, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'ALE')).toEqual(feed);
    expect((await storedHousehold('H1')).updated).toBe(h1.updated);
  });

  it('a change to the adopters alone is a change of the household', async () => {
    await syncH([household('HAD')]);
    const before = (await feedRows(hub, 'ALE')).length;
    const r = await syncH([{ reference: 'HAD', adopters: [{ firstName: 'Ann', lastName: 'Adopter', dateOfBirth: '1985-02-03', sex: 'FEMALE' }] }]);
    expect(r.body.data.syncAdopterHouseholds.changed).toBe(1);
    const h = await storedHousehold('HAD');
    expect(h.adopter_list).toEqual([{ first: 'Ann', pos: 1 }]);
    expect(h.stage).toBe('APPROVED');
    const feed = await feedRows(hub, 'ALE');
    expect(feed).toHaveLength(before + 1);
    expect(feed[feed.length - 1]).toMatchObject({ entity: 'AdopterHousehold', entity_id: h.id, source_id: 'HAD', operation: 'UPSERT' });
  });

  it('an adopter field left out keeps its stored value', async () => {
    await syncH([household('HKEEP')]);
    const r = await syncH([{ reference: 'HKEEP', adopters: [{ sex: 'FEMALE', disability: 'None' }, { dateOfBirth: '1984-07-09' }] }]);
    expect(r.body.data.syncAdopterHouseholds.changed).toBe(1);
    const rows = await hub.t.db.query(`SELECT a.position, a.first_name, a.last_name, a.date_of_birth::text AS dob, a.disability
      FROM adopter a JOIN adopter_household h ON h.id = a.household_id WHERE h.reference = 'HKEEP' ORDER BY a.position`);
    expect(rows).toEqual([{ position: 1, first_name: 'Ann', last_name: 'Adopter', dob: '1985-02-03', disability: 'None' },
      { position: 2, first_name: 'Bob', last_name: 'Adopter', dob: '1984-07-09', disability: null }]);
  });

  it('stores a coded leaving reason beside the words, reads it back, and rejects a reason outside the ASGLB list', async () => {
    const r = await syncH([
      household('HLEFT1', { leftOn: '2024-02-01', leftReasonCode: 'approval_rescinded', leftReason: 'Panel rescinded approval' }),
      household('HLEFT2', { leftOn: '2024-02-01', leftReasonCode: 'MOVED_AWAY' }),
    ]);
    expect(r.body.data.syncAdopterHouseholds.rejected).toEqual([{ index: 1, sourceId: 'HLEFT2', field: 'leftReasonCode',
      reason: 'leftReasonCode "MOVED_AWAY" is not a leaving reason (WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED or OTHER)' }]);
    const stored = await storedHousehold('HLEFT1');
    expect([stored.stage, stored.left_reason_code, stored.left_reason]).toEqual(['WITHDRAWN', 'APPROVAL_RESCINDED', 'Panel rescinded approval']);
    const read = await hub.gql(hub.token('raa_manager', 'ALE'), `query($f: AdopterHouseholdFilter) { adopterHouseholds(filter: $f) {
      edges { node { leftReasonCode leftReason adopters { sex ethnicity disability } } } } }`, { f: { references: ['HLEFT1'] } });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.adopterHouseholds.edges[0].node).toEqual({ leftReasonCode: 'APPROVAL_RESCINDED', leftReason: 'Panel rescinded approval',
      adopters: [{ sex: 'FEMALE', ethnicity: null, disability: null }, { sex: 'MALE', ethnicity: null, disability: null }] });
  });

  it('rejects bad records with index, reference, field and reason; good ones land', async () => {
    const r = await syncH([
      household('HV-OK'),
      household('HV-BAD1', { livesIn: 'ZZZ' }),
      household('HV-BAD2', { adopters: [{ firstName: 'A', dateOfBirth: '85-02-03' }] }),
      household('HV-BAD3', { needsCapacity: [{ need: 'FASD', level: 'EXTREME' }] }),
      household('HV-BAD4', { approvedFor: { minAgeMonths: 36, maxAgeMonths: 12 } }),
    ]);
    const out = r.body.data.syncAdopterHouseholds;
    expect(out.accepted).toBe(1);
    expect(out.rejected.map((x: any) => [x.index, x.sourceId, x.field])).toEqual([
      [1, 'HV-BAD1', 'livesIn'], [2, 'HV-BAD2', 'adopters[0].dateOfBirth'], [3, 'HV-BAD3', 'needsCapacity[0].level'],
      [4, 'HV-BAD4', 'approvedFor.maxAgeMonths'],
    ]);
    expect((await hub.t.db.query(`SELECT reference FROM adopter_household WHERE reference LIKE 'HV-%'`))).toEqual([{ reference: 'HV-OK' }]);
  });

  it('only the RAA\'s own integration token may write its households', async () => {
    expect(codeOf((await syncH([household('HX')], hub.token('integration', 'APSE'), 'ALE')).body)).toBe('FORBIDDEN');
    expect(codeOf((await syncH([household('HX')], hub.token('integration', 'BDG'), 'BDG')).body)).toBe('FORBIDDEN');
    expect(codeOf((await syncH([household('HX')], hub.token('raa_manager', 'ALE'), 'ALE')).body)).toBe('FORBIDDEN');
    expect(await hub.t.db.query(`SELECT 1 FROM adopter_household WHERE reference = 'HX'`)).toHaveLength(0);
  });
});

describe('syncSupportCases', () => {
  it('stores cases linked to households, rejects unknown households and missing types, and re-runs change nothing', async () => {
    await syncH([household('HS1')]);
    const records = [
      { sourceId: 'S1', type: 'ASSESSMENT', livesIn: 'NHM', householdReference: 'HS1', openedOn: '2024-01-01' },
      { sourceId: 'S2', type: 'DIRECT_CONTACT', livesIn: 'bdg' },
      { sourceId: 'S3', type: 'ASSESSMENT', livesIn: 'NHM', householdReference: 'NOPE' },
      { sourceId: 'S4', livesIn: 'NHM' },
      { sourceId: 'S5', type: 'LETTERBOX_CONTACT', livesIn: 'TWH', openedOn: '2024-02-01', closedOn: '2024-01-01' },
    ];
    const r = await syncS(records);
    expect(r.body.errors).toBeUndefined();
    const out = r.body.data.syncSupportCases;
    expect(out.accepted).toBe(2);
    expect(out.changed).toBe(2);
    expect(out.rejected.map((x: any) => [x.index, x.sourceId, x.field])).toEqual([[2, 'S3', 'householdReference'], [3, 'S4', 'type'], [4, 'S5', 'closedOn']]);
    const rows = await hub.t.db.query(`SELECT s.source_id, s.type, s.lives_in, h.reference FROM support_case s
      LEFT JOIN adopter_household h ON h.id = s.household_id ORDER BY s.source_id`);
    expect(rows).toEqual([{ source_id: 'S1', type: 'ASSESSMENT', lives_in: 'NHM', reference: 'HS1' },
      { source_id: 'S2', type: 'DIRECT_CONTACT', lives_in: 'BDG', reference: null }]);
    const feed = await feedRows(hub, 'ALE');
    expect(feed.filter((f) => f.entity === 'SupportCase').map((f) => f.source_id)).toEqual(['S1', 'S2']);
    const again = await syncS(records.slice(0, 2));
    expect(again.body.data.syncSupportCases).toEqual({ accepted: 2, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'ALE')).toEqual(feed);
  });

  it('deleting a support case removes it and the feed says DELETE', async () => {
    await syncS([{ sourceId: 'SDEL', type: 'ASSESSMENT', livesIn: 'HAV' }]);
    const id = (await hub.t.db.query<{ id: string }>(`SELECT id FROM support_case WHERE source_id = 'SDEL'`))[0].id;
    const r = await syncS([{ sourceId: 'SDEL', deleted: true }]);
    expect(r.body.data.syncSupportCases).toEqual({ accepted: 1, changed: 1, rejected: [] });
    expect(await hub.t.db.query(`SELECT 1 FROM support_case WHERE source_id = 'SDEL'`)).toHaveLength(0);
    const feed = await feedRows(hub, 'ALE');
    expect(feed[feed.length - 1]).toMatchObject({ entity: 'SupportCase', entity_id: id, source_id: 'SDEL', operation: 'DELETE' });
    expect((await syncS([{ sourceId: 'SDEL', deleted: true }])).body.data.syncSupportCases.changed).toBe(0);
  });

  it('an LA token or another RAA cannot write ALE support cases', async () => {
    expect(codeOf((await syncS([{ sourceId: 'SX', type: 'ASSESSMENT', livesIn: 'HAV' }], hub.token('integration', 'HAV'), 'ALE')).body)).toBe('FORBIDDEN');
    expect(codeOf((await syncS([{ sourceId: 'SX', type: 'ASSESSMENT', livesIn: 'HAV' }], hub.token('integration', 'APSE'), 'ALE')).body)).toBe('FORBIDDEN');
    expect(await hub.t.db.query(`SELECT 1 FROM support_case WHERE source_id = 'SX'`)).toHaveLength(0);
  });
});
