import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { lastAccessLogId, leakedSecrets, rawGql } from './http-kit';

// Part of the leak tests (tests/policy/leak.test.ts): cursors, paging, sibling order, and a child leaving the
// family finder's scope. A cursor must never carry, or let anyone probe, a value the viewer may not read.
describe('hidden data does not leak through cursors, paging or stale scope', () => {
  let h: TestHub;
  let ff: string; let sw: string;
  const hidden: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));

  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    // In-scope and out-of-scope children interleaved by how long they have waited and by age.
    const specs: [string, string, string | null, string, string][] = [
      ['ff1', 'BDG', 'FAMILY_FINDING', '2020-01-05', '2016-01-03'], ['ff2', 'HAV', 'ADM_DECISION', '2021-03-01', '2018-05-04'],
      ['ff3', 'NHM', 'MATCHED_PLACED', '2022-07-07', '2019-02-05'], ['ff4', 'TWH', 'UNBORN', '2023-02-02', '2023-01-06'],
      ['ff5', 'BDG', 'PROGRESS_TO_MATCH', '2021-03-01', '2020-08-07'], ['ff6', 'BDG', 'EARLY_MONITORING', '2020-11-11', '2015-12-08'],
      ['out1', 'BDG', 'ADOPTED', '2020-06-01', '2016-03-09'], ['out2', 'BDG', 'PLAN_CHANGED', '2021-03-01', '2017-07-10'],
      ['out3', 'BDG', null, '2022-01-01', '2018-09-11'], ['out4', 'KEN', 'FAMILY_FINDING', '2021-03-01', '2019-10-12'],
    ];
    for (const [key, authority, stage, entered, dob] of specs) {
      ids[key] = await makeChild(h.t.db, { authority, stage, entered_care_on: entered, matched_on: null, date_of_birth: dob,
        last_name: `Pagesurname${key}q`, source_id: `PG-${key}` });
      hidden[`${key} dob`] = dob;
      hidden[`${key} surname`] = `Pagesurname${key}q`;
    }
    ff = h.token('family_finder', 'ALE');
    sw = h.token('social_worker', 'BDG');
  });
  afterAll(async () => { await h.close(); });

  async function inScopeForFamilyFinder(): Promise<string[]> {
    const rows = await h.t.db.query<{ id: string }>(`SELECT id::text FROM child WHERE authority IN ('BDG','HAV','NHM','TWH')
      AND stage IN ('UNBORN','EARLY_MONITORING','PARALLEL_PLANNING','ADM_DECISION','FAMILY_FINDING','PROGRESS_TO_MATCH','MATCHED_PLACED')`);
    return rows.map((r) => r.id).sort();
  }

  async function pageThrough(token: string, orderBy: string, fields: string): Promise<{ nodes: any[]; cursors: string[]; totalCount: number }> {
    const nodes: any[] = []; const cursors: string[] = [];
    let after: string | null = null; let totalCount = -1;
    for (let guard = 0; guard < 50; guard++) {
      const res = await rawGql(h, token, `query P($after: String) { children(first: 1, after: $after, orderBy: ${orderBy}) {
        totalCount edges { cursor node { id ${fields} } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.errors).toEqual([]);
      const page = res.body.data.children;
      totalCount = page.totalCount;
      for (const e of page.edges) { nodes.push(e.node); cursors.push(e.cursor); }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { nodes, cursors, totalCount };
  }

  it.each([['DAYS_WAITING', 'daysWaiting'], ['AGE', 'ageMonths'], ['FIRST_NAME', 'firstName']])(
    'pages a family finder through exactly its scope by %s; each cursor holds only the readable sort value and the id',
    async (orderBy, field) => {
      const { nodes, cursors, totalCount } = await pageThrough(ff, orderBy, field);
      const seen = nodes.map((n) => n.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(await inScopeForFamilyFinder());
      expect(totalCount).toBe(seen.length);
      nodes.forEach((n, i) => expect(decode(cursors[i])).toEqual([orderBy, n[field], n.id]));
      expect(leakedSecrets(cursors.map((c) => Buffer.from(c, 'base64url').toString('utf8')).join(' '), hidden)).toEqual([]);
    });

  it('lets a social worker page by date of birth, its cursors carrying the date only for it', async () => {
    const { nodes, cursors } = await pageThrough(sw, 'DATE_OF_BIRTH', 'dateOfBirth');
    expect(nodes.map((n) => n.dateOfBirth)).toEqual(nodes.map((n) => n.dateOfBirth).sort());
    expect(nodes).toHaveLength(6); // BDG's own, at any stage
    nodes.forEach((n, i) => expect(decode(cursors[i])).toEqual(['DATE_OF_BIRTH', n.dateOfBirth, n.id]));
  });

  describe('forged and foreign cursors', () => {
    const cases: [string, () => string, string | null, string][] = [
      ['a date-of-birth cursor under the default order', () => encode(['DATE_OF_BIRTH', '2016-01-03', ids.ff1]), null, 'BAD_USER_INPUT'],
      ['a date of birth smuggled in as the days-waiting value', () => encode(['DAYS_WAITING', '2016-01-03', ids.ff1]), null, 'BAD_USER_INPUT'],
      ['a text value where an age in months belongs', () => encode(['AGE', 'x', ids.ff1]), 'AGE', 'BAD_USER_INPUT'],
      ['a cursor whose id is not an id', () => encode(['DAYS_WAITING', 100, "x' OR 1=1 --"]), null, 'BAD_USER_INPUT'],
      ['a cursor with extra parts', () => encode(['DAYS_WAITING', 100, ids.ff1, '2016-01-03']), null, 'BAD_USER_INPUT'],
      ['bytes that are no cursor', () => '%%%not-a-cursor%%%', null, 'BAD_USER_INPUT'],
      ['a surname cursor with the surname order', () => encode(['LAST_NAME', 'M', ids.ff1]), 'LAST_NAME', 'FORBIDDEN'],
      ['a date-of-birth cursor with the date-of-birth order', () => encode(['DATE_OF_BIRTH', '2016-01-03', ids.ff1]), 'DATE_OF_BIRTH', 'FORBIDDEN'],
    ];

    it.each(cases)('refuses %s (no data, no audit entry)', async (_name, cursor, orderBy, code) => {
      const log = await lastAccessLogId(h);
      const res = await rawGql(h, ff, `query F($after: String) { children(after: $after${orderBy ? `, orderBy: ${orderBy}` : ''}) { totalCount edges { node { id } } } }`,
        { after: cursor() });
      expect(res.body.data).toBeNull();
      expect(res.errors.map((e) => e.extensions?.code)).toEqual([code]);
      expect(res.text).not.toMatch(/SELECT|WHERE|uuid|syntax|invalid input/i);
      expect(await lastAccessLogId(h)).toBe(log);
    });

    it('refuses a forged household cursor as bad input', async () => {
      for (const value of ['not a date', 12]) {
        const res = await rawGql(h, ff, `query($a: String) { adopterHouseholds(after: $a) { edges { node { id } } } }`, { a: encode(['APPROVED_ON', value, ids.ff1]) });
        expect(res.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    });

    it('refuses to a family finder a social worker\'s date-of-birth cursor', async () => {
      const mine = await rawGql(h, sw, `{ children(first: 1, orderBy: DATE_OF_BIRTH) { pageInfo { endCursor } } }`);
      const cursor = mine.body.data.children.pageInfo.endCursor;
      const asDefault = await rawGql(h, ff, `query($a: String) { children(after: $a) { edges { node { id } } } }`, { a: cursor });
      expect(asDefault.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const asDob = await rawGql(h, ff, `query($a: String) { children(after: $a, orderBy: DATE_OF_BIRTH) { edges { node { id } } } }`, { a: cursor });
      expect(asDob.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('a cursor placed at an out-of-scope child pages on through in-scope children only', async () => {
      const { nodes } = await pageThrough(ff, 'DAYS_WAITING', 'daysWaiting');
      const [out] = await h.t.db.query<{ dw: number }>(`SELECT (current_date - entered_care_on) AS dw FROM child WHERE id = $1`, [ids.out2]);
      const res = await rawGql(h, ff, `query($a: String) { children(after: $a, first: 100) { edges { node { id } } } }`,
        { a: encode(['DAYS_WAITING', out.dw, ids.out2]) });
      const expected = nodes.filter((n) => n.daysWaiting < out.dw || (n.daysWaiting === out.dw && n.id > ids.out2)).map((n) => n.id);
      expect(res.body.data.children.edges.map((e: any) => e.node.id)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  });

  it('orders siblings without revealing which of two born in the same month is older', async () => {
    const group = await makeSiblingGroup(h.t.db, 'NHM');
    const today = new Date();
    const day = today.getDate() >= 3 ? [1, 2] : [10, 11]; // both birthdays on the same side of today: same age in months
    const month = `2019-${String(today.getMonth() + 1).padStart(2, '0')}`;
    const date = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
    const a = await makeChild(h.t.db, { authority: 'NHM', sibling_group_id: group, date_of_birth: date(day[0]) });
    const b = await makeChild(h.t.db, { authority: 'NHM', sibling_group_id: group, date_of_birth: date(day[1]) });
    const order = async () => (await rawGql(h, ff, `query($g: ID!) { siblingGroup(id: $g) { children { id ageMonths } } }`, { g: group }))
      .body.data.siblingGroup.children.map((c: any) => c.id);
    const before = await order();
    await h.t.db.query(`UPDATE child SET date_of_birth = CASE id WHEN $1::uuid THEN $3::date ELSE $4::date END WHERE id IN ($1, $2)`,
      [a, b, date(day[1]), date(day[0])]);
    expect(await order()).toEqual(before);
  });

  it('a child whose plan has just changed is gone from the family finder\'s next request, everywhere', async () => {
    const group = await makeSiblingGroup(h.t.db, 'TWH');
    const leaving = await makeChild(h.t.db, { authority: 'TWH', stage: 'FAMILY_FINDING', sibling_group_id: group, first_name: 'Leavingchildq' });
    const staying = await makeChild(h.t.db, { authority: 'TWH', stage: 'FAMILY_FINDING', sibling_group_id: group });
    const query = `query T($l: ID!, $s: ID!) { leaving: child(id: $l) { id } staying: child(id: $s) { siblingGroup { children { id } } }
      children(first: 100) { totalCount edges { node { id siblingGroup { children { id } } } } } again: child(id: $l) { firstName } }`;
    const before = await rawGql(h, ff, query, { l: leaving, s: staying });
    expect(before.body.data.leaving).toEqual({ id: leaving });
    expect(before.body.data.staying.siblingGroup.children.map((c: any) => c.id).sort()).toEqual([leaving, staying].sort());
    await h.t.db.query(`UPDATE child SET stage = 'PLAN_CHANGED', plan_changed_on = current_date WHERE id = $1`, [leaving]);
    const after = await rawGql(h, ff, query, { l: leaving, s: staying });
    expect(after.errors).toEqual([]);
    expect(after.body.data.leaving).toBeNull();
    expect(after.body.data.again).toBeNull();
    expect(after.body.data.staying.siblingGroup.children.map((c: any) => c.id)).toEqual([staying]);
    expect(after.body.data.children.totalCount).toBe(before.body.data.children.totalCount - 1);
    expect(after.text).not.toContain(leaving);
    expect(after.text).not.toContain('Leavingchildq');
  });
});
