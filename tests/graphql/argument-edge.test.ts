import { Client } from 'pg';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Issue 9 §1.5: the read compiler plans every root field of an operation from its arguments, so the arguments are
// checked at the schema edge, before anything executes: a bad value refuses the operation (BAD_USER_INPUT, HTTP
// 400) and no SQL statement is sent, whichever field (root or nested) carries it.
describe('read arguments are checked at the schema edge, before the planner', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    await makeChild(h.t.db, { authority: 'BDG' });
  });
  afterAll(async () => { await h.close(); });

  async function refusedBeforeSql(token: string, query: string, variables: Record<string, unknown> = {}) {
    await h.hub.deps.authorities.all();
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await h.gql(token, query, variables);
      return { status: res.status, codes: (res.body.errors ?? []).map((e: any) => e.extensions?.code), data: res.body.data ?? null,
        message: res.body.errors?.[0]?.message as string, statements: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('refuses a bad page size, id or cursor on any compiled read with 400 and no statement', async () => {
    const ff = h.token('family_finder', 'ALE');
    const auditor = h.token('auditor', 'BDG');
    const forged = Buffer.from(JSON.stringify(['NEWEST', null, '99999999999999999999'])).toString('base64url');
    const cases: [string, string, string, Record<string, unknown>?][] = [
      [ff, '{ children(first: 0) { totalCount } }', 'first'],
      [ff, 'query($n: Int) { adopterHouseholds(first: $n) { totalCount } }', 'first', { n: 101 }],
      [ff, '{ adopterHousehold(id: "nope") { id } }', 'id'],
      [ff, '{ siblingGroup(id: "1") { id } }', 'id'],
      [ff, '{ matchSuggestions(childId: "x", first: 5) { score } }', 'childId'],
      [ff, '{ childSuggestions(householdId: "00000000-0000-0000-0000-000000000000", first: 500) { score } }', 'first'],
      [auditor, 'query($a: String) { accessLog(after: $a) { totalCount } }', 'cursor', { a: forged }],
      [auditor, '{ accessLog(filter: { childId: "nope" }) { totalCount } }', 'childId'],
      [ff, '{ savedSearches { results(first: 1000) { totalCount } } }', 'first'],
      [ff, 'fragment R on SavedSearch { results(after: "garbage!!") { totalCount } } { savedSearches { ...R } }', 'cursor'],
    ];
    for (const [token, query, about, variables] of cases) {
      const r = await refusedBeforeSql(token, query, variables);
      expect({ query, status: r.status, codes: r.codes, data: r.data, statements: r.statements })
        .toEqual({ query, status: 400, codes: ['BAD_USER_INPUT'], data: null, statements: 0 });
      expect(r.message.toLowerCase()).toContain(about.toLowerCase());
    }
  });

  it('a bad argument on one root field refuses the whole operation: nothing is read or audited', async () => {
    const ff = h.token('family_finder', 'ALE', 'edge@ale');
    const r = await refusedBeforeSql(ff, '{ children(first: 5) { edges { node { id firstName } } } child(id: "not-an-id") { id } }');
    expect([r.status, r.codes, r.statements]).toEqual([400, ['BAD_USER_INPUT'], 0]);
    const logged = await h.t.db.query(`SELECT 1 FROM access_read WHERE viewer_sub = 'edge@ale'`);
    expect(logged).toHaveLength(0);
    const ok = await h.gql(ff, '{ children(first: 5) { edges { node { id } } } }');
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.children.edges).toHaveLength(1);
  });
});
