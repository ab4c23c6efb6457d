import { randomUUID } from 'crypto';
import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('children search refinements and saved searches', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    const together = await makeSiblingGroup(sql, 'BDG', true);
    const apart = await makeSiblingGroup(sql, 'BDG', false);
    await makeChild(sql, { authority: 'BDG', first_name: 'Leo', sibling_group_id: together, needs: ['FASD'], placement_order_on: daysAgo(400) });
    await makeChild(sql, { authority: 'BDG', first_name: 'Mia', sibling_group_id: together, needs: [], placement_order_on: daysAgo(400) });
    await makeChild(sql, { authority: 'NHM', first_name: 'Zed', sibling_group_id: apart, needs: ['MEDICAL_CONDITION'], placement_order_on: daysAgo(100) });
    await makeChild(sql, { authority: 'NHM', first_name: 'Amara', needs: ['GLOBAL_DEVELOPMENTAL_DELAY', 'FASD'], placement_order_on: null });
  });
  afterAll(async () => { await h.close(); });

  const names = async (token: string, filter: Record<string, unknown>) => {
    const res = await h.gql(token, `query($f: ChildFilter) { children(filter: $f) { totalCount edges { node { firstName } } } }`, { f: filter });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.children.edges.map((e: any) => e.node.firstName).sort();
  };

  it('filters by siblings to be placed together, any of several needs, and time since the placement order', async () => {
    const ff = h.token('family_finder', 'ALE');
    expect(await names(ff, { placeTogether: true })).toEqual(['Leo', 'Mia']);
    expect(await names(ff, { placeTogether: false })).toEqual(['Amara', 'Zed']);
    expect(await names(ff, { anyNeeds: ['MEDICAL_CONDITION', 'GLOBAL_DEVELOPMENTAL_DELAY'] })).toEqual(['Amara', 'Zed']);
    expect(await names(ff, { minDaysSincePlacementOrder: 365 })).toEqual(['Leo', 'Mia']);
    expect(await names(ff, { minDaysSincePlacementOrder: 50 })).toEqual(['Leo', 'Mia', 'Zed']);
  });

  it('saves, lists, re-runs and deletes a search, per person', async () => {
    const ff = h.token('family_finder', 'ALE', 'ff-1');
    const saved = await h.gql(ff, `mutation($f: ChildFilter!) { saveSearch(name: "Waiting a year", filter: $f) { id name filter { minDaysSincePlacementOrder placeTogether } } }`,
      { f: { minDaysSincePlacementOrder: 365 } });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data.saveSearch).toMatchObject({ name: 'Waiting a year', filter: { minDaysSincePlacementOrder: 365, placeTogether: null } });
    const id = saved.body.data.saveSearch.id;
    const listed = await h.gql(ff, `{ savedSearches { id name results { totalCount edges { node { firstName } } } } }`);
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.savedSearches).toHaveLength(1);
    expect(listed.body.data.savedSearches[0].results.totalCount).toBe(2);
    // Saving under the same name replaces the filter.
    await h.gql(ff, `mutation { saveSearch(name: "Waiting a year", filter: { placeTogether: false }) { id } }`);
    const again = await h.gql(ff, `{ savedSearches { results { edges { node { firstName } } } } }`);
    expect(again.body.data.savedSearches[0].results.edges.map((e: any) => e.node.firstName).sort()).toEqual(['Amara', 'Zed']);
    // Someone else at the same RAA sees none of it and cannot delete it.
    const other = h.token('family_finder', 'ALE', 'ff-2');
    expect((await h.gql(other, `{ savedSearches { id } }`)).body.data.savedSearches).toEqual([]);
    expect((await h.gql(other, `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, { id })).body.data.deleteSavedSearch).toBe(false);
    expect((await h.gql(ff, `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, { id })).body.data.deleteSavedSearch).toBe(true);
    expect((await h.gql(ff, `{ savedSearches { id } }`)).body.data.savedSearches).toEqual([]);
    expect((await h.gql(ff, `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, { id: randomUUID() })).body.data.deleteSavedSearch).toBe(false);
  });

  it('refuses to save a filter the viewer may not use, and re-checks it when run', async () => {
    const ff = h.token('family_finder', 'ALE', 'ff-3');
    const refused = await h.gql(ff, `mutation { saveSearch(name: "By surname", filter: { lastName: "Okafor" }) { id } }`);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await h.t.db.query(`SELECT 1 FROM saved_search WHERE viewer_sub = 'ff-3'`)).toHaveLength(0);
    // A search stored under broader access (e.g. before a policy change) is refused when run.
    await h.t.db.query(`INSERT INTO saved_search (viewer_org, viewer_sub, name, filter) VALUES ('ALE', 'ff-3', 'Old', '{"bornOnOrAfter": "2019-01-01"}')`);
    const run = await h.gql(ff, `{ savedSearches { name results { totalCount } } }`);
    expect(run.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(run.body.errors[0].path).toEqual(['savedSearches', 0, 'results']);
  });

  it('lets a social worker save a search over their own children, and refuses the analyst', async () => {
    const sw = h.token('social_worker', 'BDG');
    const res = await h.gql(sw, `mutation { saveSearch(name: "Mine", filter: { lastName: "Surname1" }) { name } }`);
    expect(res.body.errors).toBeUndefined();
    const analyst = await h.gql(h.token('la_analyst', 'BDG'), `{ savedSearches { id } }`);
    expect(analyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('rejects an empty name', async () => {
    const res = await h.gql(h.token('family_finder', 'ALE'), `mutation { saveSearch(name: "  ", filter: {}) { id } }`);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
