import { storeExtractChildren } from '../../src/sync/child-store';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { SYNC_CHILDREN } from './sync-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
});
afterAll(() => hub.close());

const child = async (sourceId: string) => (await hub.t.db.query<Record<string, string | null>>(
  `SELECT stage, placement_order_on::text AS po, decision_on::text AS adm, entered_care_on::text AS entered
   FROM child WHERE authority = 'BDG' AND source_id = $1`, [sourceId]))[0];

describe('dates sent through syncChildren survive re-derivation from episodes', () => {
  it('keeps a placement order that no stored episode shows, and the stage it implies', async () => {
    const sent = await hub.gql(hub.token('integration', 'BDG'), SYNC_CHILDREN, { authority: 'BDG', records: [
      { sourceId: 'SENT1', firstName: 'Ada', decisionOn: '2025-01-10', placementOrderOn: '2025-03-01' }] });
    expect(sent.body.data.syncChildren.rejected).toEqual([]);
    expect(await child('SENT1')).toMatchObject({ stage: 'FAMILY_FINDING', po: '2025-03-01' });
    // A later return with an ordinary episode (legal status C2, no E1): the derivation alone would clear the order.
    const result = await storeExtractChildren(hub.t.db, 'BDG', 2026, [{
      sourceId: 'SENT1', sex: 'FEMALE', dateOfBirth: '2023-05-01', ethnicity: 'WBRI', upn: null,
      episodes: [{ decom: '2024-11-02', rne: 'S', legalStatus: 'C2', cin: 'N1', place: 'U6', placeProvider: 'PR1', dec: null, rec: null,
        reasonPlaceChange: null, homePostcode: null, placementPostcode: null, urn: null }],
    }]);
    expect(result.rejected).toEqual([]);
    expect(await child('SENT1')).toEqual({ stage: 'FAMILY_FINDING', po: '2025-03-01', adm: '2025-01-10', entered: '2024-11-02' });
  });

  it('lets a date sent as null be cleared again, so re-derivation no longer restores it', async () => {
    const token = hub.token('integration', 'BDG');
    await hub.gql(token, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'SENT2', decisionOn: '2025-02-02' }] });
    await hub.gql(token, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'SENT2', decisionOn: null }] });
    await storeExtractChildren(hub.t.db, 'BDG', 2026, [{
      sourceId: 'SENT2', sex: 'MALE', dateOfBirth: '2022-01-01', ethnicity: 'WBRI', upn: null,
      episodes: [{ decom: '2024-10-01', rne: 'S', legalStatus: 'C2', cin: 'N1', place: 'U6', placeProvider: 'PR1', dec: null, rec: null,
        reasonPlaceChange: null, homePostcode: null, placementPostcode: null, urn: null }],
    }]);
    expect(await child('SENT2')).toMatchObject({ stage: null, adm: null });
  });

  it('a date sent as null leaves what the episodes establish (the 903 first), and a re-run changes nothing', async () => {
    const token = hub.token('integration', 'BDG');
    await storeExtractChildren(hub.t.db, 'BDG', 2026, [{
      sourceId: 'SENT3', sex: 'MALE', dateOfBirth: '2022-01-01', ethnicity: 'WBRI', upn: null,
      episodes: [{ decom: '2024-10-01', rne: 'S', legalStatus: 'E1', cin: 'N1', place: 'U6', placeProvider: 'PR1', dec: null, rec: null,
        reasonPlaceChange: null, homePostcode: null, placementPostcode: null, urn: null }],
    }]);
    expect(await child('SENT3')).toMatchObject({ entered: '2024-10-01', po: '2024-10-01', stage: 'FAMILY_FINDING' });
    const batch = { authority: 'BDG', records: [{ sourceId: 'SENT3', firstName: 'Ben', enteredCareOn: null, placementOrderOn: null }] };
    expect((await hub.gql(token, SYNC_CHILDREN, batch)).body.data.syncChildren).toEqual({ accepted: 1, changed: 1, rejected: [] });
    expect(await child('SENT3')).toMatchObject({ entered: '2024-10-01', po: '2024-10-01', stage: 'FAMILY_FINDING' });
    expect((await hub.gql(token, SYNC_CHILDREN, batch)).body.data.syncChildren).toEqual({ accepted: 1, changed: 0, rejected: [] });
  });
});
