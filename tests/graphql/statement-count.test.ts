import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

const PAGE = `query Page($first: Int!) {
  children(first: $first) {
    totalCount
    edges { node {
      id firstName stage daysWaiting socialWorker
      authority { code name }
      siblingGroup { id placeTogether children { id firstName stage } }
    } }
  }
}`;

describe('SQL statements per request (DataLoader, no N+1)', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    // 60 children in 30 sibling pairs across two LAs, all in the family finder's scope.
    for (let i = 0; i < 30; i += 1) {
      const authority = i % 2 ? 'BDG' : 'NHM';
      const group = await makeSiblingGroup(h.t.db, authority);
      await makeChild(h.t.db, { authority, sibling_group_id: group, social_worker: `Worker ${i}` });
      await makeChild(h.t.db, { authority, sibling_group_id: group, social_worker: `Worker ${i}` });
    }
  });
  afterAll(async () => { await h.close(); });

  async function statementsFor(first: number): Promise<{ statements: number; served: number }> {
    const spy = jest.spyOn(h.hub.deps.db, 'query');
    const res = await h.gql(h.token('family_finder', 'ALE'), PAGE, { first });
    // The authority directory is a cache shared across requests; its occasional refresh is not the request's work.
    const statements = spy.mock.calls.filter(([text]) => !/FROM authority ORDER BY code/.test(String(text))).length;
    spy.mockRestore();
    expect(res.body.errors).toBeUndefined();
    return { statements, served: res.body.data.children.edges.length };
  }

  it('does not grow with the page size', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.served).toBe(5);
    expect(large.served).toBe(50);
    // page, totalCount, sibling groups, their children, and the access-log insert: five, whatever the page size.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
