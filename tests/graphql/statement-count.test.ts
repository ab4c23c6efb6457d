import { Client } from 'pg';
import { makeChild, makeHousehold, makeMatch, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Every statement any pooled connection sends counts (node-postgres's Client.query, under the pool and under
// TypeORM alike): authority-directory reloads included. A read that comes back as an N+1 grows with the page size
// and fails here.
const PAGE = `query Page($first: Int!) {
  children(first: $first) {
    totalCount
    edges { cursor node {
      id firstName lastName stage daysWaiting socialWorker birthFamilyBackground
      authority { code name }
      siblingGroup { id placeTogether children { id firstName stage siblingGroup { id } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('SQL statements per request, counted at the pool (no N+1 anywhere)', () => {
  let h: TestHub;
  const childIds: string[] = [];
  const households: string[] = [];

  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    // 60 children in 30 sibling pairs across two LAs, all in the family finder's scope; 30 households matched to them.
    for (let i = 0; i < 30; i += 1) {
      const authority = i % 2 ? 'BDG' : 'NHM';
      const group = await makeSiblingGroup(sql, authority);
      childIds.push(await makeChild(sql, { authority, sibling_group_id: group, social_worker: `Worker ${i}`, needs: ['FASD'] }));
      await makeChild(sql, { authority, sibling_group_id: group, social_worker: `Worker ${i}` });
      const household = await makeHousehold(sql, { agency: 'ALE', reference: `HH-${i}`, approved_max_age_months: 200 });
      await makeMatch(sql, household, childIds[i], 'LINKED');
      households.push(household);
    }
  });
  afterAll(async () => { await h.close(); });

  /** The statements sent while one GraphQL request is answered (the directory is freshly loaded first, not excluded). */
  async function statementsFor(token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ statements: number; data: any; names: (string | undefined)[] }> {
    h.hub.deps.authorities.invalidate();
    await h.hub.deps.authorities.all();
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await h.gql(token, query, variables);
      // Refused fields (FORBIDDEN, as the policy says) are part of the read; anything else fails the test.
      expect((res.body.errors ?? []).filter((e: any) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
      const names = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined));
      return { statements: spy.mock.calls.length, data: res.body.data, names };
    } finally {
      spy.mockRestore();
    }
  }

  const ff = () => h.token('family_finder', 'ALE');

  it('a page of children with authorities, sibling groups, siblings, cursors and totalCount is ONE statement, audit included', async () => {
    const small = await statementsFor(ff(), PAGE, { first: 5 });
    const large = await statementsFor(ff(), PAGE, { first: 50 });
    expect(small.data.children.edges).toHaveLength(5);
    expect(large.data.children.edges).toHaveLength(50);
    expect(large.data.children.edges[0].node.siblingGroup.children).toHaveLength(2);
    expect([small.statements, large.statements]).toEqual([1, 1]);
    // A named prepared statement: PostgreSQL parses and plans each shape once per connection.
    expect(large.names).toEqual([expect.stringMatching(/^hub_/)]);
  });

  it('a child profile, a sibling group and several root reads in one operation are ONE statement', async () => {
    const res = await statementsFor(ff(), `query P($id: ID!) { child(id: $id) { id firstName authority { name } siblingGroup { children { id } } }
      again: child(id: $id) { needs } children(first: 3) { edges { node { id } } } }`, { id: childIds[0] });
    expect(res.data.child.siblingGroup.children).toHaveLength(2);
    expect(res.statements).toBe(1);
    const group = await statementsFor(ff(), `query G($id: ID!) { child(id: $id) { siblingGroup { id } } }`, { id: childIds[1] });
    const byGroup = await statementsFor(ff(), `query S($g: ID!) { siblingGroup(id: $g) { id children { id siblingGroup { children { id } } } } }`,
      { g: group.data.child.siblingGroup.id });
    expect(byGroup.data.siblingGroup.children).toHaveLength(2);
    expect(byGroup.statements).toBe(1);
  });

  it('saved searches with their results: the searches, then ONE statement for every search\'s results', async () => {
    const token = h.token('family_finder', 'ALE', 'saver@ale');
    const save = (name: string) => h.gql(token, `mutation($n: String!) { saveSearch(name: $n, filter: { needs: ["FASD"] }) { id } }`, { n: name });
    const LIST = `{ savedSearches { name results(first: 10) { totalCount edges { node { id firstName siblingGroup { children { id } } } } } } }`;
    await save('one');
    const one = await statementsFor(token, LIST);
    for (const n of ['two', 'three', 'four', 'five']) await save(n);
    const five = await statementsFor(token, LIST);
    expect(five.data.savedSearches).toHaveLength(5);
    expect(five.data.savedSearches.every((s: any) => s.results.edges.length === 10)).toBe(true);
    expect([one.statements, five.statements]).toEqual([2, 2]);
  });

  it('households with their adopters and links are ONE statement (adopterHouseholds and adopterHousehold)', async () => {
    const Q = `query H($n: Int) { adopterHouseholds(first: $n) { totalCount edges { cursor node { id reference numberOfAdopters
      adopters { firstName lastName } links { id status linkedOn } } } pageInfo { hasNextPage endCursor } } }`;
    const small = await statementsFor(ff(), Q, { n: 2 });
    const large = await statementsFor(ff(), Q, { n: 30 });
    expect(large.data.adopterHouseholds.edges).toHaveLength(30);
    expect(large.data.adopterHouseholds.edges.every((e: any) => e.node.adopters.length === 1 && e.node.links.length === 1)).toBe(true);
    expect([small.statements, large.statements]).toEqual([1, 1]);
    expect(large.names).toEqual([expect.stringMatching(/^hub_/)]);
    const one = await statementsFor(ff(), `query One($id: ID!) { adopterHousehold(id: $id) { id adopters { firstName } links { status } }
      adopterHouseholds(first: 3) { edges { node { id } } } }`, { id: households[0] });
    expect(one.data.adopterHousehold.adopters).toHaveLength(1);
    expect(one.data.adopterHousehold.links).toHaveLength(1);
    expect(one.statements).toBe(1);
  });

  it('suggestions are ONE statement each: scoring, scope, the served records and the audit', async () => {
    const M = `query M($id: ID!, $n: Int) { matchSuggestions(childId: $id, first: $n) { score reasonsFor household { id reference adopters { firstName } } } }`;
    const fewHouseholds = await statementsFor(ff(), M, { id: childIds[0], n: 1 });
    const manyHouseholds = await statementsFor(ff(), M, { id: childIds[0], n: 30 });
    expect(manyHouseholds.data.matchSuggestions.length).toBeGreaterThan(5);
    expect(manyHouseholds.data.matchSuggestions.every((s: any) => s.household.adopters.length === 1)).toBe(true);
    expect([fewHouseholds.statements, manyHouseholds.statements]).toEqual([1, 1]);
    const C = `query C($id: ID!, $n: Int) { childSuggestions(householdId: $id, first: $n) { score reasonsFor children { id firstName siblingGroup { id } } siblingGroup { id children { id } } } }`;
    const fewChildren = await statementsFor(ff(), C, { id: households[0], n: 1 });
    const manyChildren = await statementsFor(ff(), C, { id: households[0], n: 30 });
    expect(manyChildren.data.childSuggestions.length).toBeGreaterThan(5);
    expect(manyChildren.data.childSuggestions.every((s: any) => s.children.length > 0)).toBe(true);
    expect([fewChildren.statements, manyChildren.statements]).toEqual([1, 1]);
    expect(manyChildren.names).toEqual([expect.stringMatching(/^hub_/)]);
  });

  it('the access log is ONE statement, whatever the page size and filters', async () => {
    const auditor = h.token('auditor', 'BDG');
    const Q = `query L($n: Int, $f: AccessLogFilter, $after: String) { accessLog(first: $n, filter: $f, after: $after) { totalCount edges { cursor node { id childId fields refusedFields } }
      pageInfo { hasNextPage endCursor } } }`;
    const small = await statementsFor(auditor, Q, { n: 2 });
    const large = await statementsFor(auditor, Q, { n: 50 });
    expect(large.data.accessLog.edges.length).toBeGreaterThan(20);
    const filtered = await statementsFor(auditor, Q, { n: 50, f: { childId: childIds[1], from: '2020-01-01', viewerSub: 'someone' } });
    const next = await statementsFor(auditor, Q, { n: 5, after: small.data.accessLog.pageInfo.endCursor });
    expect(next.data.accessLog.edges[0].node.id).toBe(large.data.accessLog.edges[2].node.id);
    expect([small.statements, large.statements, filtered.statements, next.statements]).toEqual([1, 1, 1, 1]);
    expect(large.names).toEqual([expect.stringMatching(/^hub_/)]);
  });
});
