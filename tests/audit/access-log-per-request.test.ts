import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { accessLogRows, rawGql } from '../policy/http-kit';

// Issue 9 §1.4: each compiled statement writes the audit of what it serves inside itself, and the statements of
// one request run concurrently, so two of them can serve the same child. "N children served -> N entries" means one
// entry per child per request: the child's first appearance, with the fields served and refused across the request.
describe('the access log: one entry per child per request, across the request\'s statements', () => {
  let h: TestHub;
  const children: string[] = [];

  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    for (let i = 0; i < 4; i += 1) children.push(await makeChild(h.t.db, { authority: 'BDG', needs: ['FASD'], entered_care_on: `2019-0${i + 1}-01` }));
  });
  afterAll(async () => { await h.close(); });

  it('a page and a saved search\'s results serving the same children: one entry each, the fields of both', async () => {
    const ff = h.token('family_finder', 'ALE', 'twice@ale');
    const saved = await h.gql(ff, `mutation { saveSearch(name: "fasd", filter: { needs: ["FASD"] }) { id } }`);
    expect(saved.body.errors).toBeUndefined();
    const res = await rawGql(h, ff, `query Twice {
      children(first: 10) { edges { node { id firstName } } }
      savedSearches { results(first: 10) { edges { node { id needs lastName } } } } }`);
    expect(res.errors.filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
    const served = res.body.data.children.edges.map((e: any) => e.node.id).sort();
    expect(served).toEqual([...children].sort());
    // Two statements wrote the audit (the operation's, and the saved searches' results)...
    const reads = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_read WHERE request_id = $1`, [res.requestId]);
    expect(reads[0].n).toBe(2);
    // ...and the trail holds one entry per child, with the union of what the two served and refused.
    const entries = (await accessLogRows(h)).filter((e) => e.request_id === res.requestId);
    expect(entries.map((e) => e.child_id).sort()).toEqual(served);
    for (const e of entries) expect({ fields: e.fields, refused: e.refused_fields }).toEqual({ fields: ['firstName', 'id', 'needs'], refused: ['lastName'] });

    // The accessLog API says the same, entry for entry.
    const log = await h.gql(h.token('auditor', 'BDG'), `query($c: ID) { accessLog(filter: { childId: $c }) { totalCount edges { node { id childId fields refusedFields } } } }`,
      { c: children[0] });
    expect(log.body.errors).toBeUndefined();
    const mine = log.body.data.accessLog.edges.map((e: any) => e.node).filter((n: any) => entries.some((e) => String(e.id) === n.id));
    expect(mine).toEqual([{ id: String(entries.find((e) => e.child_id === children[0])!.id), childId: children[0],
      fields: ['firstName', 'id', 'needs'], refusedFields: ['lastName'] }]);
    expect(log.body.data.accessLog.totalCount).toBe(log.body.data.accessLog.edges.length);
  });

  it('one statement serving a child in two places (the page and a sibling list): one entry, the fields of both, rules that vary by row applied per child', async () => {
    const group = await makeSiblingGroup(h.t.db, 'BDG');
    const early = await makeChild(h.t.db, { authority: 'BDG', sibling_group_id: group, stage: 'FAMILY_FINDING' });
    const late = await makeChild(h.t.db, { authority: 'BDG', sibling_group_id: group, stage: 'PROGRESS_TO_MATCH' });
    const ff = h.token('family_finder', 'ALE', 'both-places@ale');
    // A family finder reads birthFamilyBackground only late in the journey (child policy): refused on one row, served on the other.
    const res = await rawGql(h, ff, `query BothPlaces { children(first: 50) { edges { node {
      id birthFamilyBackground siblingGroup { children { id firstName } } } } } }`);
    expect(res.errors.filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
    const reads = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_read WHERE request_id = $1`, [res.requestId]);
    expect(reads[0].n).toBe(1);
    const entries = (await accessLogRows(h)).filter((e) => e.request_id === res.requestId && [early, late].includes(e.child_id));
    const byChild = Object.fromEntries(entries.map((e) => [e.child_id, { fields: e.fields, refused: e.refused_fields }]));
    expect(entries).toHaveLength(2);
    expect(byChild[early]).toEqual({ fields: ['firstName', 'id', 'siblingGroup'], refused: ['birthFamilyBackground'] });
    expect(byChild[late]).toEqual({ fields: ['birthFamilyBackground', 'firstName', 'id', 'siblingGroup'], refused: [] });
  });

  it('the same query asked again by the same viewer (compiled once, src/compiler/compiled-reads.ts) is audited under each request\'s own id', async () => {
    const ff = h.token('family_finder', 'ALE', 'again@ale');
    const query = `query Again { children(first: 2) { edges { node { id firstName } } } }`;
    const first = await rawGql(h, ff, query);
    const second = await rawGql(h, ff, query);
    expect(first.requestId).not.toBe(second.requestId);
    for (const res of [first, second]) {
      expect(res.errors).toEqual([]);
      const reads = await h.t.db.query<{ children: string[] }>(`SELECT children FROM access_read WHERE request_id = $1`, [res.requestId]);
      expect(reads).toHaveLength(1);
      expect([...reads[0].children].sort()).toEqual(res.body.data.children.edges.map((e: any) => e.node.id).sort());
    }
  });

  it('entry ids are bigint-safe: served as IDs, and a cursor past the bigint range is BAD_USER_INPUT, not an internal error', async () => {
    const manager = h.token('raa_manager', 'ALE');
    const page = await h.gql(manager, `{ accessLog(first: 1) { edges { node { id } } pageInfo { endCursor } } }`);
    expect(typeof page.body.data.accessLog.edges[0].node.id).toBe('string');
    for (const id of ['99999999999999999999', '-1', '1e9', '9223372036854775808']) {
      const after = Buffer.from(JSON.stringify(['NEWEST', null, id])).toString('base64url');
      const res = await h.gql(manager, `query($a: String) { accessLog(after: $a) { totalCount edges { node { id } } } }`, { a: after });
      expect([id, res.body.errors?.map((e: any) => e.extensions?.code)]).toEqual([id, ['BAD_USER_INPUT']]);
    }
    const max = Buffer.from(JSON.stringify(['NEWEST', null, '9223372036854775807'])).toString('base64url');
    const all = await h.gql(manager, `query($a: String) { accessLog(after: $a, first: 100) { edges { node { id } } } }`, { a: max });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.accessLog.edges.length).toBeGreaterThan(0);
  });
});
