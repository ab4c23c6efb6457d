import { Client } from 'pg';
import { buildHubSchema } from '../../schema/build-schema';
import { ARGUMENT_CHECKS } from '../../src/graphql/argument-checks';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Issue 9 §1.5: the read compiler plans every root field of an operation from its arguments (the first compiled root
// field plans them all, before their own resolvers run), so the arguments are checked at the edge, from one table,
// before the planner reads them: a bad value is BAD_USER_INPUT at its field's path and reaches no SQL.
describe('read arguments are checked before the planner', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    await makeChild(h.t.db, { authority: 'BDG' });
  });
  afterAll(async () => { await h.close(); });

  async function run(token: string, query: string, variables: Record<string, unknown> = {}) {
    await h.hub.deps.authorities.all();
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await h.gql(token, query, variables);
      const errors: any[] = res.body.errors ?? [];
      return { status: res.status, errors: errors.map((e) => [e.extensions?.code, e.path?.join('.')]), data: res.body.data ?? null,
        message: (errors[0]?.message ?? '') as string, statements: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('every argument that bounds a page or names a record or position of a compiled read has a check', () => {
    const schema = buildHubSchema();
    const compiled = ['Query.child', 'Query.children', 'Query.siblingGroup', 'Query.adopterHousehold', 'Query.adopterHouseholds',
      'Query.accessLog', 'Query.matchSuggestions', 'Query.childSuggestions', 'SavedSearch.results'];
    for (const key of compiled) {
      const [type, field] = key.split('.');
      const def = (schema.getType(type) as any).getFields()[field];
      const bounded = def.args.filter((a: any) => ['first', 'after'].includes(a.name) || String(a.type).replace('!', '') === 'ID');
      expect([key, bounded.length > 0 ? (ARGUMENT_CHECKS[key]?.length ?? 0) >= 1 : true]).toEqual([key, true]);
    }
  });

  it('refuses a bad page size, id or cursor on any compiled read, at its path, before any statement', async () => {
    const ff = h.token('family_finder', 'ALE');
    const auditor = h.token('auditor', 'BDG');
    const forged = Buffer.from(JSON.stringify(['NEWEST', null, '99999999999999999999'])).toString('base64url');
    const cases: [string, string, string, string, Record<string, unknown>?][] = [
      [ff, '{ children(first: 0) { totalCount } }', 'children', 'first'],
      [ff, 'query($n: Int) { adopterHouseholds(first: $n) { totalCount } }', 'adopterHouseholds', 'first', { n: 101 }],
      [ff, '{ adopterHousehold(id: "nope") { id } }', 'adopterHousehold', 'id'],
      [ff, '{ siblingGroup(id: "1") { id } }', 'siblingGroup', 'id'],
      [ff, '{ matchSuggestions(childId: "x", first: 5) { score } }', 'matchSuggestions', 'childId'],
      [ff, '{ childSuggestions(householdId: "00000000-0000-0000-0000-000000000000", first: 500) { score } }', 'childSuggestions', 'first'],
      [auditor, 'query($a: String) { accessLog(after: $a) { totalCount } }', 'accessLog', 'cursor', { a: forged }],
      [auditor, '{ accessLog(filter: { childId: "nope" }) { totalCount } }', 'accessLog', 'childId'],
    ];
    for (const [token, query, path, about, variables] of cases) {
      const r = await run(token, query, variables);
      expect({ query, status: r.status, errors: r.errors, statements: r.statements })
        .toEqual({ query, status: 200, errors: [['BAD_USER_INPUT', path]], statements: 0 });
      expect(r.message.toLowerCase()).toContain(about.toLowerCase());
    }
  });

  it('a bad argument on a root field the first compiled field plans is refused there; the others are still served', async () => {
    const ff = h.token('family_finder', 'ALE', 'edge@ale');
    const r = await run(ff, '{ children(first: 5) { edges { node { id } } } bad: adopterHousehold(id: "not-an-id") { id } }');
    expect(r.errors).toEqual([['BAD_USER_INPUT', 'bad']]);
    expect(r.data.children.edges).toHaveLength(1);
    expect(r.statements).toBe(1);
  });

  it('checks a nested compiled read\'s arguments (a saved search\'s results) before its statement', async () => {
    const token = h.token('family_finder', 'ALE', 'saver-edge@ale');
    await h.gql(token, `mutation { saveSearch(name: "all", filter: {}) { id } }`);
    for (const q of ['{ savedSearches { results(first: 1000) { totalCount } } }',
      'fragment R on SavedSearch { results(after: "garbage!!") { totalCount } } { savedSearches { ...R } }']) {
      const r = await run(token, q);
      expect({ q, errors: r.errors, statements: r.statements }).toEqual({ q, errors: [['BAD_USER_INPUT', 'savedSearches.0.results']], statements: 1 });
    }
  });
});
