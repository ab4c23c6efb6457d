// syncLinks on a real PostgreSQL: a link through every step and its end, the reasons, what links do to a child's
// and a household's stage and dates, the usual sync rules (rejections, idempotence, feed, erasure, write gate) and
// who reads which links.
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { childRecord, codeOf, feedRows, SYNC_CHILDREN, SYNC_HOUSEHOLDS } from './sync-support';

const SYNC_LINKS = `mutation($agency: String!, $records: [LinkRecordInput!]!) {
  syncLinks(agency: $agency, records: $records) { accepted changed rejected { index sourceId field reason } } }`;

let hub: TestHub;
let ale: string;
const syncL = async (records: unknown[], token = ale, agency = 'ALE') => {
  const res = await hub.gql(token, SYNC_LINKS, { agency, records });
  return res.body.errors ? res.body : res.body.data.syncLinks;
};

/** A child record that leaves the stage to its dates (placement order granted: FAMILY_FINDING). */
function child(sourceId: string, extra: Record<string, unknown> = {}) {
  const { stage: _explicit, ...rest } = childRecord(sourceId, extra);
  return rest;
}

const childState = async (sourceId: string, authority = 'BDG') => (await hub.t.db.query<Record<string, string | null>>(
  `SELECT stage, matched_on::text AS matched, placed_on::text AS placed, adoption_order_on::text AS adopted
   FROM child WHERE authority = $1 AND source_id = $2`, [authority, sourceId]))[0];
const householdState = async (reference: string) => (await hub.t.db.query<Record<string, string | null>>(
  `SELECT stage, matched_on::text AS matched, placed_on::text AS placed FROM adopter_household WHERE agency = 'ALE' AND reference = $1`, [reference]))[0];
const linkRow = async (sourceId: string) => (await hub.t.db.query<Record<string, unknown>>(
  `SELECT status, ended_at_step, end_reason, ended_on::text AS ended FROM adoption_match WHERE authority = 'ALE' AND source_id = $1`, [sourceId]))[0];

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  ale = hub.token('integration', 'ALE');
  const bdg = hub.token('integration', 'BDG');
  const children = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((id) => child(id));
  children.push(child('G1a', { siblingGroup: { sourceId: 'G1' } }), child('G1b', { siblingGroup: { sourceId: 'G1' } }));
  children.push(child('C7', { matchedOn: '2023-01-15' }));
  expect((await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: children })).body.data.syncChildren.rejected).toEqual([]);
  await hub.gql(hub.token('integration', 'HAV'), SYNC_CHILDREN, { authority: 'HAV', records: [child('H1')] });
  await hub.gql(hub.token('integration', 'KEN'), SYNC_CHILDREN, { authority: 'KEN', records: [child('K1')] });
  const households = ['A', 'B', 'C', 'D', 'E'].map((r) => ({ reference: `HH-${r}`, enquiryOn: '2021-01-01', approvedOn: '2022-06-01' }));
  expect((await hub.gql(ale, SYNC_HOUSEHOLDS, { agency: 'ALE', records: households })).body.data.syncAdopterHouseholds.rejected).toEqual([]);
});
afterAll(() => hub.close());

const link = (sourceId: string, extra: Record<string, unknown> = {}) => ({
  sourceId, householdReference: 'HH-A', childAuthority: 'BDG', childSourceId: 'C1', ...extra,
});

describe('syncLinks: a link through its journey', () => {
  it('moves the child and the household with each step; the RAA\'s match date is the child\'s', async () => {
    const steps: [Record<string, unknown>, string, string][] = [
      [{ interestOn: '2023-02-01', initiatedBy: 'HOUSEHOLD_SIDE' }, 'FAMILY_FINDING', 'APPROVED'],
      [{ linkedOn: '2023-02-10' }, 'PROGRESS_TO_MATCH', 'APPROVED'],
      [{ matchingPanelOn: '2023-03-01' }, 'PROGRESS_TO_MATCH', 'APPROVED'],
      [{ matchedOn: '2023-03-05', placingAgency: 'ALE', interAgency: false }, 'MATCHED_PLACED', 'MATCHED'],
      [{ placedOn: '2023-04-01' }, 'MATCHED_PLACED', 'PLACED'],
      [{ adoptionOrderOn: '2023-10-02' }, 'ADOPTED', 'ADOPTION_ORDER'],
    ];
    const statuses: string[] = [];
    for (const [dates, childStage, householdStage] of steps) {
      const r = await syncL([link('L1', dates)]);
      expect(r).toEqual({ accepted: 1, changed: 1, rejected: [] });
      statuses.push(String((await linkRow('L1')).status));
      expect({ dates, child: (await childState('C1')).stage, household: (await householdState('HH-A')).stage })
        .toEqual({ dates, child: childStage, household: householdStage });
    }
    expect(statuses).toEqual(['EXPRESSION_OF_INTEREST', 'LINKED', 'MATCHING_PANEL', 'MATCHED', 'PLACED', 'ADOPTION_ORDER']);
    expect(await childState('C1')).toEqual({ stage: 'ADOPTED', matched: '2023-03-05', placed: '2023-04-01', adopted: '2023-10-02' });
    expect(await householdState('HH-A')).toEqual({ stage: 'ADOPTION_ORDER', matched: '2023-03-05', placed: '2023-04-01' });
  });

  it('records every coded end reason, at the step it ended (given or its furthest dated step)', async () => {
    const reasons: [string, Record<string, unknown>, string][] = [
      ['DECLINED_BY_HOUSEHOLD', { interestOn: '2023-01-02' }, 'EXPRESSION_OF_INTEREST'],
      ['DECLINED_BY_CHILD_SOCIAL_WORKER', { linkedOn: '2023-01-02' }, 'LINKED'],
      ['DISRUPTION_BEFORE_ORDER', { matchedOn: '2023-01-02', placedOn: '2023-01-20', endedAtStep: 'PLACED' }, 'PLACED'],
      ['DISRUPTION_AFTER_ORDER', { placedOn: '2022-01-20', adoptionOrderOn: '2022-09-01' }, 'ADOPTION_ORDER'],
      ['OTHER', { matchingPanelOn: '2023-01-05' }, 'MATCHING_PANEL'],
    ];
    const r = await syncL(reasons.map(([endReason, dates], i) => link(`E${i}`, {
      householdReference: 'HH-E', childSourceId: `C${3 + (i % 2)}`, ...dates, status: 'ENDED', endedOn: '2023-03-01', endReason,
    })));
    expect(r.rejected).toEqual([]);
    for (const [i, [endReason, , step]] of reasons.entries()) {
      expect(await linkRow(`E${i}`)).toEqual({ status: 'ENDED', ended_at_step: step, end_reason: endReason, ended: '2023-03-01' });
    }
  });

  it('a disruption before the order sets the child back to family finding and the household back to waiting', async () => {
    await syncL([link('L2', { householdReference: 'HH-B', childSourceId: 'C2', linkedOn: '2023-01-10', matchedOn: '2023-02-01', placedOn: '2023-03-01' })]);
    expect(await childState('C2')).toMatchObject({ stage: 'MATCHED_PLACED', matched: '2023-02-01', placed: '2023-03-01' });
    expect((await householdState('HH-B')).stage).toBe('PLACED');
    await syncL([{ sourceId: 'L2', status: 'ENDED', endedOn: '2023-05-20', endReason: 'DISRUPTION_BEFORE_ORDER' }]);
    // The match and placement were the link's, so the child waits again from entering care (A10's clock runs on).
    expect(await childState('C2')).toEqual({ stage: 'FAMILY_FINDING', matched: null, placed: null, adopted: null });
    expect((await householdState('HH-B')).stage).toBe('APPROVED');
    expect(await linkRow('L2')).toMatchObject({ ended_at_step: 'PLACED', end_reason: 'DISRUPTION_BEFORE_ORDER' });
  });

  it('a link with a sibling group moves every child of the group', async () => {
    await syncL([{ sourceId: 'LG', householdReference: 'HH-C', childAuthority: 'BDG', siblingGroupSourceId: 'G1', linkedOn: '2023-06-01', matchedOn: '2023-07-01' }]);
    expect([(await childState('G1a')).stage, (await childState('G1b')).stage, (await childState('G1b')).matched])
      .toEqual(['MATCHED_PLACED', 'MATCHED_PLACED', '2023-07-01']);
  });

  it('an LA re-sending a linked child keeps the stage its links give, and a re-run changes nothing', async () => {
    const bdg = hub.token('integration', 'BDG');
    expect((await childState('G1a')).stage).toBe('MATCHED_PLACED');
    const before = await feedRows(hub, 'BDG');
    const r = await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [child('G1a', { siblingGroup: { sourceId: 'G1' } })] });
    expect(r.body.data.syncChildren).toEqual({ accepted: 1, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'BDG')).toEqual(before);
    expect((await childState('G1a')).stage).toBe('MATCHED_PLACED');
  });

  it('keeps the LA\'s own match date over the RAA\'s (the LA owns the child\'s record)', async () => {
    await syncL([link('L7', { householdReference: 'HH-D', childSourceId: 'C7', matchedOn: '2023-02-20' })]);
    expect((await childState('C7')).matched).toBe('2023-01-15');
  });
});

describe('syncChildren after a link filled a date: an explicit null is the LA saying it has none', () => {
  it('re-running the same batch with matchedOn and placedOn null keeps the link\'s dates and changes nothing', async () => {
    const bdg = hub.token('integration', 'BDG');
    const batch = [child('C8', { matchedOn: null, placedOn: null, adoptionOrderOn: null })];
    const sync = async () => (await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: batch })).body.data.syncChildren;
    expect(await sync()).toEqual({ accepted: 1, changed: 1, rejected: [] });
    await hub.gql(ale, SYNC_HOUSEHOLDS, { agency: 'ALE', records: [{ reference: 'HH-F', enquiryOn: '2021-01-01', approvedOn: '2022-06-01' }] });
    await syncL([link('L8', { householdReference: 'HH-F', childSourceId: 'C8', linkedOn: '2023-01-10', matchedOn: '2023-02-01', placedOn: '2023-03-01' })]);
    expect(await childState('C8')).toEqual({ stage: 'MATCHED_PLACED', matched: '2023-02-01', placed: '2023-03-01', adopted: null });
    const row = async () => (await hub.t.db.query(`SELECT * FROM child WHERE authority = 'BDG' AND source_id = 'C8'`))[0];
    const before = await row();
    const feed = await feedRows(hub, 'BDG');
    expect(await sync()).toEqual({ accepted: 1, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'BDG')).toEqual(feed);
    expect(await row()).toEqual(before);
  });
});

describe('syncLinks: the sync rules', () => {
  it('rejects bad records with index, source id, field and reason; the good ones land', async () => {
    const r = await syncL([
      link('BAD1', { status: 'ENGAGED' }),
      link('BAD2', { status: 'ENDED', endedOn: '2023-01-01' }),
      link('BAD3', { householdReference: 'HH-NOBODY' }),
      link('BAD4', { childAuthority: 'KEN', childSourceId: 'K1' }),
      link('BAD5', { childSourceId: 'NOSUCH' }),
      link('BAD6', { linkedOn: '2023-05-01', matchedOn: '2023-04-01' }),
      link('BAD7', { endReason: 'DISRUPTION_BEFORE_ORDER', status: 'ENDED', endedOn: '2023-06-01', endedAtStep: 'MATCHED' }),
      { sourceId: 'BAD8', linkedOn: '2023-01-01' },
      link('GOOD', { householdReference: 'HH-D', childSourceId: 'C5', interestOn: '2023-08-01' }),
    ]);
    expect(r.accepted).toBe(1);
    expect(r.rejected.map((x: any) => [x.index, x.sourceId, x.field])).toEqual([
      [0, 'BAD1', 'status'], [1, 'BAD2', 'endReason'], [2, 'BAD3', 'householdReference'], [3, 'BAD4', 'childAuthority'],
      [4, 'BAD5', 'childSourceId'], [5, 'BAD6', 'matchedOn'], [6, 'BAD7', 'endedAtStep'], [7, 'BAD8', 'householdReference'],
    ]);
    expect(r.rejected[3].reason).toMatch(/KEN" is not a member LA of ALE/);
    expect(await linkRow('GOOD')).toMatchObject({ status: 'EXPRESSION_OF_INTEREST' });
    expect(await linkRow('BAD3')).toBeUndefined();
  });

  it('is idempotent: the same batch again changes nothing and adds no feed entry', async () => {
    const batch = [link('IDEM', { householdReference: 'HH-D', childSourceId: 'C6', linkedOn: '2023-09-01' })];
    expect((await syncL(batch)).changed).toBe(1);
    const ale1 = await feedRows(hub, 'ALE');
    const bdg1 = await feedRows(hub, 'BDG');
    expect(ale1.filter((e) => e.entity === 'AdoptionLink' && e.source_id === 'IDEM')).toHaveLength(1);
    expect(bdg1.filter((e) => e.entity === 'Child' && e.source_id === 'C6').length).toBeGreaterThan(1); // synced, then linked
    expect(await syncL(batch)).toEqual({ accepted: 1, changed: 0, rejected: [] });
    expect(await feedRows(hub, 'ALE')).toEqual(ale1);
    expect(await feedRows(hub, 'BDG')).toEqual(bdg1);
  });

  it('erases a link marked deleted: the feed says DELETE and the child no longer follows it', async () => {
    expect((await childState('C6')).stage).toBe('PROGRESS_TO_MATCH');
    expect(await syncL([{ sourceId: 'IDEM', deleted: true }])).toEqual({ accepted: 1, changed: 1, rejected: [] });
    expect(await linkRow('IDEM')).toBeUndefined();
    expect((await feedRows(hub, 'ALE')).filter((e) => e.source_id === 'IDEM').map((e) => e.operation)).toEqual(['UPSERT', 'DELETE']);
    expect((await childState('C6')).stage).toBe('FAMILY_FINDING');
    expect((await syncL([{ sourceId: 'IDEM', deleted: true }])).changed).toBe(0);
  });

  it('erasing a household erases its links (DELETE in the feed) and its children follow', async () => {
    expect((await childState('G1a')).stage).toBe('MATCHED_PLACED');
    const r = await hub.gql(ale, SYNC_HOUSEHOLDS, { agency: 'ALE', records: [{ reference: 'HH-C', deleted: true }] });
    expect(r.body.data.syncAdopterHouseholds.changed).toBe(1);
    expect((await feedRows(hub, 'ALE')).filter((e) => e.source_id === 'LG').map((e) => e.operation)).toEqual(['UPSERT', 'DELETE']);
    expect(await childState('G1a')).toMatchObject({ stage: 'FAMILY_FINDING', matched: null });
  });

  it('only the RAA\'s own integration token may write its links', async () => {
    expect(codeOf(await syncL([link('X')], hub.token('integration', 'BDG'), 'BDG'))).toBe('FORBIDDEN');
    expect(codeOf(await syncL([link('X')], hub.token('integration', 'BDG')))).toBe('FORBIDDEN');
    expect(codeOf(await syncL([link('X')], hub.token('family_finder', 'ALE')))).toBe('FORBIDDEN');
    expect(await linkRow('X')).toBeUndefined();
  });
});

describe('reading links', () => {
  const CHILD_LINKS = `query($f: ChildFilter) { children(filter: $f) { edges { node { sourceId links { sourceId status household { reference } } } } } }`;
  const HOUSEHOLD_LINKS = `query($f: AdopterHouseholdFilter) { adopterHouseholds(filter: $f) { edges { node { reference links { sourceId child { sourceId } } } } } }`;

  beforeAll(async () => {
    // HH-D is linked to BDG children (GOOD, L7) and to a HAV child.
    await syncL([{ sourceId: 'LH', householdReference: 'HH-D', childAuthority: 'HAV', childSourceId: 'H1', linkedOn: '2023-09-01' }]);
  });

  it('a social worker sees its own children\'s links, RAA staff their RAA\'s', async () => {
    for (const token of [hub.token('social_worker', 'BDG'), hub.token('family_finder', 'ALE')]) {
      const res = await hub.gql(token, CHILD_LINKS, { f: { sourceIds: ['C5'] } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.children.edges.map((e: any) => e.node)).toEqual([
        { sourceId: 'C5', links: [{ sourceId: 'GOOD', status: 'EXPRESSION_OF_INTEREST', household: { reference: 'HH-D' } }] }]);
    }
  });

  it('on a household, a social worker sees only the links to its own LA\'s children', async () => {
    const sw = await hub.gql(hub.token('social_worker', 'BDG'), HOUSEHOLD_LINKS, { f: { references: ['HH-D'] } });
    expect(sw.body.errors).toBeUndefined();
    const swLinks = sw.body.data.adopterHouseholds.edges[0].node.links.map((l: any) => l.sourceId).sort();
    expect(swLinks).toEqual(['GOOD', 'L7']);
    const ff = await hub.gql(hub.token('raa_manager', 'ALE'), HOUSEHOLD_LINKS, { f: { references: ['HH-D'] } });
    expect(ff.body.data.adopterHouseholds.edges[0].node.links.map((l: any) => l.sourceId).sort()).toEqual(['GOOD', 'L7', 'LH']);
  });

  it('the child behind a link is served only within the reader\'s child scope', async () => {
    const sw = await hub.gql(hub.token('social_worker', 'HAV'), HOUSEHOLD_LINKS, { f: { references: ['HH-D'] } });
    expect(sw.body.errors).toBeUndefined();
    expect(sw.body.data.adopterHouseholds.edges[0].node.links).toEqual([{ sourceId: 'LH', child: { sourceId: 'H1' } }]);
  });
});
