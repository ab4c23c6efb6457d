import { GraphQLObjectType } from 'graphql';
import { buildHubSchema } from '../../schema/build-schema';
import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { accessLogRows, lastAccessLogId, rawGql, RawResponse } from '../policy/http-kit';

// docs/access-policy.md, "The audit trail": every child record served is logged once per request, refusals too,
// the log is append-only, complete under load, and readable only as the Rows table says.
describe('the access log', () => {
  let h: TestHub;
  const ids: Record<string, string> = {};
  let group: string;

  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    group = await makeSiblingGroup(sql, 'BDG');
    ids.a = await makeChild(sql, { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: group, entered_care_on: '2019-01-01' });
    ids.b = await makeChild(sql, { authority: 'BDG', stage: 'PROGRESS_TO_MATCH', sibling_group_id: group, entered_care_on: '2019-02-01' });
    ids.c = await makeChild(sql, { authority: 'BDG', stage: 'ADOPTED', sibling_group_id: group });
    ids.hav = await makeChild(sql, { authority: 'HAV', stage: 'FAMILY_FINDING', entered_care_on: '2019-03-01' });
    ids.ken = await makeChild(sql, { authority: 'KEN', stage: 'FAMILY_FINDING' });
    for (let i = 0; i < 25; i++) {
      await makeChild(sql, { authority: ['BDG', 'HAV', 'NHM', 'TWH'][i % 4], stage: i % 5 === 0 ? 'PLAN_CHANGED' : 'FAMILY_FINDING', entered_care_on: `2020-0${(i % 9) + 1}-15` });
    }
  });
  afterAll(async () => { await h.close(); });

  async function entriesOf(res: RawResponse): Promise<Record<string, any>[]> {
    const rows = await accessLogRows(h);
    return rows.filter((r) => r.request_id === res.requestId);
  }

  /** The distinct Child records in a response: every object that says it is a Child. */
  function childrenServed(data: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(data)) data.forEach((d) => childrenServed(d, found));
    else if (data && typeof data === 'object') {
      const o = data as Record<string, unknown>;
      if (o.__typename === 'Child') found.add(String(o.id));
      Object.values(o).forEach((v) => childrenServed(v, found));
    }
    return found;
  }

  describe('one entry per child record served, per request', () => {
    it('a list page of N children gives exactly N entries, with who, which child, which fields and refusals', async () => {
      const ff = h.token('family_finder', 'ALE', 'ffion@ale');
      const res = await rawGql(h, ff, `query FindFamilies { children(first: 4) { edges { node { __typename id firstName lastName } } } }`);
      const served = [...childrenServed(res.body.data)];
      expect(served).toHaveLength(4);
      const entries = await entriesOf(res);
      expect(entries.map((e) => e.child_id).sort()).toEqual([...served].sort());
      const owners = await h.t.db.query<{ id: string; authority: string }>(`SELECT id::text, authority FROM child WHERE id = ANY($1::uuid[])`, [served]);
      for (const e of entries) {
        expect(e).toMatchObject({
          viewer_sub: 'ffion@ale', viewer_org: 'ALE', viewer_roles: ['family_finder'], owner_authority: owners.find((o) => o.id === e.child_id)!.authority,
          fields: ['firstName', 'id'], refused_fields: ['lastName'], operation_name: 'FindFamilies', cross_organisation: true,
        });
      }
    });

    it('a social worker reading its own LA\'s children is not cross-organisation, and nothing is refused', async () => {
      const res = await rawGql(h, h.token('social_worker', 'BDG', 'sam@bdg'), `query Mine($id: ID!) { child(id: $id) { id lastName dateOfBirth } }`, { id: ids.c });
      const entries = await entriesOf(res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ viewer_sub: 'sam@bdg', viewer_org: 'BDG', viewer_roles: ['social_worker'], child_id: ids.c, owner_authority: 'BDG',
        fields: ['dateOfBirth', 'id', 'lastName'], refused_fields: [], operation_name: 'Mine', cross_organisation: false });
    });

    it('nested siblings, aliases and repeats count each child once; out-of-scope and count-only reads log nothing', async () => {
      const ff = h.token('family_finder', 'ALE');
      const res = await rawGql(h, ff, `query Siblings($a: ID!, $c: ID!, $k: ID!) {
        one: child(id: $a) { __typename id siblingGroup { children { __typename id firstName } } }
        two: child(id: $a) { __typename id birthFamilyBackground }
        adopted: child(id: $c) { id } kent: child(id: $k) { id } children { totalCount } }`, { a: ids.a, c: ids.c, k: ids.ken });
      expect(res.body.data.adopted).toBeNull();
      expect(res.body.data.kent).toBeNull();
      const entries = await entriesOf(res);
      expect(entries.map((e) => e.child_id).sort()).toEqual([ids.a, ids.b].sort());
      expect(entries).toHaveLength(childrenServed(res.body.data).size);
      const a = entries.find((e) => e.child_id === ids.a)!;
      expect(a).toMatchObject({ fields: ['firstName', 'id', 'siblingGroup'], refused_fields: ['birthFamilyBackground'], operation_name: 'Siblings' });
      const countOnly = await rawGql(h, ff, `{ children { totalCount } }`);
      expect(await entriesOf(countOnly)).toEqual([]);
    });

    it('logs the children whose cursors were handed out, even when no node was asked for', async () => {
      const ff = h.token('family_finder', 'ALE');
      const edges = await rawGql(h, ff, `{ children(first: 3) { edges { cursor } } }`);
      const fromCursors = edges.body.data.children.edges.map((e: any) => JSON.parse(Buffer.from(e.cursor, 'base64url').toString())[2]);
      const entries = await entriesOf(edges);
      expect(entries.map((e) => e.child_id).sort()).toEqual([...fromCursors].sort());
      expect(entries.every((e) => e.fields.join() === 'cursor')).toBe(true);
      const end = await rawGql(h, ff, `{ children(first: 2) { pageInfo { endCursor } } }`);
      const last = JSON.parse(Buffer.from(end.body.data.children.pageInfo.endCursor, 'base64url').toString())[2];
      expect((await entriesOf(end)).map((e) => e.child_id)).toEqual([last]);
      const pageOnly = await rawGql(h, ff, `{ children(first: 2) { pageInfo { hasNextPage } } }`);
      expect(await entriesOf(pageOnly)).toEqual([]);
    });

    it('an anonymous operation is logged with no operation name', async () => {
      const res = await rawGql(h, h.token('raa_manager', 'ALE'), `{ child(id: "${ids.hav}") { id } }`);
      const entries = await entriesOf(res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ operation_name: null, owner_authority: 'HAV', cross_organisation: true, viewer_roles: ['raa_manager'] });
    });
  });

  describe('append-only', () => {
    it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      await rawGql(h, h.token('family_finder', 'ALE'), `{ child(id: "${ids.a}") { id } }`);
      const [row] = await accessLogRows(h, (await lastAccessLogId(h)) - 1);
      await expect(h.t.db.query(`UPDATE access_log SET viewer_sub = 'someone else' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(h.t.db.query(`DELETE FROM access_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(h.t.db.query(`TRUNCATE access_read`)).rejects.toThrow(/append-only/); // the table behind the access_log view
      expect((await accessLogRows(h, row.id - 1))[0]).toEqual(row);
    });

    it('offers no operation that writes or removes log entries', () => {
      const mutation = buildHubSchema().getMutationType() as GraphQLObjectType | null | undefined;
      const names = Object.keys(mutation?.getFields() ?? {});
      expect(names.filter((n) => /log|audit|access/i.test(n))).toEqual([]);
    });
  });

  describe('the accessLog query', () => {
    const query = `query Log($f: AccessLogFilter, $first: Int, $after: String) { accessLog(filter: $f, first: $first, after: $after) {
      totalCount edges { cursor node { id at viewerSub viewerOrg viewerRoles childId ownerAuthority fields refusedFields operationName crossOrganisation } }
      pageInfo { hasNextPage endCursor } } }`;

    beforeAll(async () => {
      const reads: [string, string, string, string][] = [
        ['family_finder', 'ALE', 'reader-ff@ale', ids.a], ['family_finder', 'ALE', 'reader-ff@ale', ids.hav],
        ['integration', 'ALE', 'reader-int@ale', ids.b], ['social_worker', 'BDG', 'reader-sw@bdg', ids.c],
        ['social_worker', 'HAV', 'reader-sw@hav', ids.hav], ['social_worker', 'BDG', 'reader-sw@bdg', ids.a],
      ];
      for (const [role, org, sub, id] of reads) await rawGql(h, h.token(role as any, org, sub), `query Read { child(id: "${id}") { id firstName } }`);
    });

    async function allPages(token: string, f?: Record<string, unknown>, first = 100) {
      const nodes: any[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 200; guard++) {
        const res = await rawGql(h, token, query, { f, first, after });
        expect(res.errors).toEqual([]);
        nodes.push(...res.body.data.accessLog.edges.map((e: any) => e.node));
        if (!res.body.data.accessLog.pageInfo.hasNextPage) return { nodes, totalCount: res.body.data.accessLog.totalCount };
        after = res.body.data.accessLog.pageInfo.endCursor;
      }
      throw new Error('paging did not end');
    }

    it('shows an RAA manager exactly the reads made by its RAA\'s staff, newest first', async () => {
      const { nodes, totalCount } = await allPages(h.token('raa_manager', 'ALE'));
      const expected = (await accessLogRows(h)).filter((r) => r.viewer_org === 'ALE').map((r) => String(r.id)).reverse();
      expect(nodes.map((n) => n.id)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
      const row = (await accessLogRows(h)).find((r) => String(r.id) === nodes[0].id)!;
      expect(nodes[0]).toEqual({ id: String(row.id), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), viewerSub: row.viewer_sub,
        viewerOrg: row.viewer_org, viewerRoles: row.viewer_roles, childId: row.child_id, ownerAuthority: row.owner_authority, fields: row.fields,
        refusedFields: row.refused_fields, operationName: row.operation_name, crossOrganisation: row.cross_organisation });
      expect(nodes.some((n) => n.viewerSub === 'reader-int@ale')).toBe(true);
      expect(nodes.every((n) => n.viewerOrg === 'ALE')).toBe(true);
      const at = nodes.map((n) => n.at);
      expect(at).toEqual([...at].sort().reverse());
    });

    it('shows an LA auditor exactly the reads of its own LA\'s children, whoever read them', async () => {
      for (const la of ['BDG', 'HAV']) {
        const { nodes } = await allPages(h.token('auditor', la));
        const expected = (await accessLogRows(h)).filter((r) => r.owner_authority === la).map((r) => String(r.id)).reverse();
        expect(nodes.map((n) => n.id)).toEqual(expected);
        expect(new Set(nodes.map((n) => n.viewerOrg))).toEqual(new Set([la, 'ALE']));
      }
    });

    it('refuses the trail to family finders, social workers, analysts and integration clients', async () => {
      for (const [role, org] of [['family_finder', 'ALE'], ['social_worker', 'BDG'], ['la_analyst', 'BDG'], ['integration', 'ALE'], ['integration', 'BDG']]) {
        const res = await rawGql(h, h.token(role as any, org), query, {});
        expect([role, org, res.body.data, res.errors.map((e) => e.extensions?.code)]).toEqual([role, org, null, ['FORBIDDEN']]);
      }
    });

    it('filters by viewerSub, childId, from and to, and pages without gaps or repeats', async () => {
      const auditor = h.token('auditor', 'BDG');
      const bySub = await allPages(auditor, { viewerSub: 'reader-sw@bdg' });
      expect(bySub.nodes.map((n) => n.childId).sort()).toEqual([ids.a, ids.c].sort());
      const byChild = await allPages(auditor, { childId: ids.a });
      const rows = await accessLogRows(h);
      expect(byChild.nodes.map((n) => n.id)).toEqual(rows.filter((r) => r.child_id === ids.a).map((r) => String(r.id)).reverse());
      const everything = (await allPages(auditor)).nodes;
      const middle = everything[Math.floor(everything.length / 2)];
      const from = await allPages(auditor, { from: middle.at });
      expect(from.nodes.every((n) => n.at >= middle.at)).toBe(true);
      expect(from.nodes.map((n) => n.id)).toContain(middle.id);
      const to = await allPages(auditor, { to: middle.at });
      expect(to.nodes.every((n) => n.at < middle.at)).toBe(true);
      expect(from.nodes.length + to.nodes.length).toBe(everything.length);
      const paged = await allPages(auditor, undefined, 2);
      expect(paged.nodes.map((n) => n.id)).toEqual(everything.map((n) => n.id));
      expect(paged.totalCount).toBe(everything.length);
    });
  });

  it('is complete under load: 20 concurrent requests, as many entries as child records served', async () => {
    const viewers = [h.token('family_finder', 'ALE'), h.token('raa_manager', 'ALE'), h.token('social_worker', 'BDG'), h.token('social_worker', 'NHM'), h.token('integration', 'ALE')];
    const before = await lastAccessLogId(h);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => rawGql(h, viewers[i % viewers.length],
      `query Load${i} { children(first: ${3 + (i % 6)}) { edges { node { __typename id firstName siblingGroup { children { __typename id } } } } } }`)));
    const served = responses.map((r) => childrenServed(r.body.data).size);
    const entries = await accessLogRows(h, before);
    expect(responses.every((r) => r.errors.length === 0)).toBe(true);
    expect(entries).toHaveLength(served.reduce((a, b) => a + b, 0));
    responses.forEach((r, i) => expect([i, entries.filter((e) => e.request_id === r.requestId).length]).toEqual([i, served[i]]));
    expect(served.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
  });
});
