import { Client } from 'pg';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { CHANGES, childRecord, codeOf, SYNC_CHILDREN, SYNC_HOUSEHOLDS } from './sync-support';

let hub: TestHub;
let bdg: string;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  bdg = hub.token('integration', 'BDG');
  // Five separate batches, so the feed has entries from several transactions.
  for (const n of [1, 2, 3, 4, 5]) {
    await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [childRecord(`F${n}`)] });
  }
  await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [
    childRecord('F-ADOPTED', { stage: 'ADOPTED', adoptionOrderOn: '2023-01-01' }), childRecord('F-NOTPLAN', { stage: null })] });
  await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [childRecord('F-GONE'), { sourceId: 'F1', socialWorker: 'Changed' }] });
  await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'F-GONE', deleted: true }] });
  await hub.gql(hub.token('integration', 'NHM'), SYNC_CHILDREN, { authority: 'NHM', records: [childRecord('N1')] });
  await hub.gql(hub.token('integration', 'ALE'), SYNC_HOUSEHOLDS, { agency: 'ALE', records: [{ reference: 'FH1', livesIn: 'HAV', enquiryOn: '2024-01-01' }] });
});
afterAll(() => hub.close());

const feed = (token: string, authority: string, after?: string | null, first?: number) => hub.gql(token, CHANGES, { authority, after, first });

describe('changes', () => {
  it("lists an LA's own changes in commit order, with cursors that only grow", async () => {
    const r = await feed(bdg, 'BDG');
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.changes;
    expect(c.nodes.map((n: any) => `${n.sourceId}:${n.operation}`)).toEqual([
      'F1:UPSERT', 'F2:UPSERT', 'F3:UPSERT', 'F4:UPSERT', 'F5:UPSERT', 'F-ADOPTED:UPSERT', 'F-NOTPLAN:UPSERT',
      'F-GONE:UPSERT', 'F1:UPSERT', 'F-GONE:DELETE']);
    const cursors: string[] = c.edges.map((e: any) => e.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    expect(cursors.map(Number)).toEqual([...cursors.map(Number)].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(c.pageInfo).toEqual({ hasNextPage: false, endCursor: cursors[cursors.length - 1] });
    expect(c.edges[0].node).toMatchObject({ entity: 'Child', operation: 'UPSERT' });
    expect(new Date(c.edges[0].node.at).getTime()).not.toBeNaN();
  });

  it('pages with first/after and resumes from any cursor', async () => {
    const all = (await feed(bdg, 'BDG')).body.data.changes.edges;
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await feed(bdg, 'BDG', after, 3)).body.data.changes;
      walked.push(...page.edges.map((e: any) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.map((e: any) => e.cursor));
    for (let i = 0; i < all.length; i += 1) {
      const rest = (await feed(bdg, 'BDG', all[i].cursor)).body.data.changes.edges.map((e: any) => e.cursor);
      expect(rest).toEqual(all.slice(i + 1).map((e: any) => e.cursor));
    }
    // Nothing new: the page is empty and keeps the cursor, so a polling script stays where it is.
    const last = all[all.length - 1].cursor;
    const empty = (await feed(bdg, 'BDG', last)).body.data.changes;
    expect(empty).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, endCursor: last } });
    // New changes appear after the cursor the script kept.
    await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records: [{ sourceId: 'F2', socialWorker: 'Later' }] });
    const fresh = (await feed(bdg, 'BDG', last)).body.data.changes.nodes;
    expect(fresh.map((n: any) => n.sourceId)).toEqual(['F2']);
  });

  it("an RAA client reads its own feed and its member LAs' children in the family-finding scope, plus their deletions by hub id", async () => {
    const ale = hub.token('integration', 'ALE');
    const own = (await feed(ale, 'ALE')).body.data.changes.nodes;
    expect(own.map((n: any) => `${n.entity}:${n.sourceId}`)).toEqual(['AdopterHousehold:FH1']);
    const member = (await feed(ale, 'BDG')).body.data.changes.nodes.map((n: any) => `${n.sourceId}:${n.operation}`);
    expect(member).toContain('F1:UPSERT');
    // F-GONE was in the family-finding scope before its deletion; the RAA gets the deletion with the hub id only.
    expect(member).toContain('null:DELETE');
    expect(member).not.toContain('F-GONE:DELETE');
    expect(member).not.toContain('F-ADOPTED:UPSERT');
    expect(member).not.toContain('F-NOTPLAN:UPSERT');
  });

  it('refuses every other feed with FORBIDDEN', async () => {
    expect(codeOf((await feed(bdg, 'NHM')).body)).toBe('FORBIDDEN');
    expect(codeOf((await feed(bdg, 'ALE')).body)).toBe('FORBIDDEN');
    expect(codeOf((await feed(hub.token('integration', 'ALE'), 'KEN')).body)).toBe('FORBIDDEN');
    expect(codeOf((await feed(hub.token('integration', 'APSE'), 'BDG')).body)).toBe('FORBIDDEN');
    expect(codeOf((await feed(hub.token('integration', 'NHM'), 'ALE')).body)).toBe('FORBIDDEN');
    for (const [role, org] of [['social_worker', 'BDG'], ['family_finder', 'ALE'], ['raa_manager', 'ALE'], ['auditor', 'BDG']] as const) {
      expect(codeOf((await feed(hub.token(role, org), 'BDG')).body)).toBe('FORBIDDEN');
    }
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT', async () => {
    expect(codeOf((await feed(bdg, 'BDG', 'abc')).body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await feed(bdg, 'BDG', null, 0)).body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await feed(bdg, 'BDG', null, 1001)).body)).toBe('BAD_USER_INPUT');
  });
});

describe('commit order', () => {
  it("numbers an authority's entries only after the previous writer committed, so none appears out of order", async () => {
    const a = new Client({ connectionString: hub.t.url });
    const b = new Client({ connectionString: hub.t.url });
    const c = new Client({ connectionString: hub.t.url });
    await Promise.all([a.connect(), b.connect(), c.connect()]);
    const insert = (cl: Client, authority: string) => cl.query<{ seq: string }>(`INSERT INTO change_log (authority, entity, entity_id, source_id, operation)
      VALUES ($1, 'Child', gen_random_uuid(), 'ORDER', 'UPSERT') RETURNING seq::text`, [authority]).then((r) => Number(r.rows[0].seq));
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await c.query('BEGIN');
      const seqA = await insert(a, 'HAV');
      let bDone = false;
      const bInsert = insert(b, 'HAV').then((s) => { bDone = true; return s; });
      // Another authority's writer is not held up.
      const seqC = await insert(c, 'TWH');
      await c.query('COMMIT');
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false);
      // While A is open, nobody sees B's entry ahead of A's.
      expect((await hub.t.db.query(`SELECT 1 FROM change_log WHERE authority = 'HAV'`))).toHaveLength(0);
      await a.query('COMMIT');
      const seqB = await bInsert;
      await b.query('COMMIT');
      expect(seqB).toBeGreaterThan(seqA);
      expect(seqC).toBeGreaterThan(seqA);
    } finally {
      await Promise.all([a.end(), b.end(), c.end()]);
    }
  });
});
