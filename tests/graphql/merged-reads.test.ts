// Point reads that queue behind one viewer's gate go to PostgreSQL as one statement (src/compiler/statement-merge.ts).
// What a user relies on: each request is answered, refused and audited exactly as it would be alone; only the number
// of statements changes. The viewer's slots are held open on purpose, so the requests queue (no timing involved).
import { Client } from 'pg';
import { mergeable } from '../../src/compiler/statement-merge';
import { gateFor, GatedSql, STATEMENTS_PER_VIEWER, ViewerStatementGate } from '../../src/db/viewer-statement-gate';
import { makeChild, makeHousehold, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

const PROFILE = `query Profile($id: ID!) {
  child(id: $id) {
    id firstName stage daysWaiting healthSummary birthFamilyBackground
    authority { code name }
    siblingGroup { id placeTogether children { id firstName stage birthFamilyBackground } }
  }
}`;
const GROUP = 'query Group($id: ID!) { siblingGroup(id: $id) { id placeTogether children { id firstName stage } } }';
const HOUSEHOLD = 'query Household($id: ID!) { adopterHousehold(id: $id) { id reference stage adopters { firstName lastName } } }';

let h: TestHub;
const children: string[] = [];
const groups: string[] = [];
const households: string[] = [];
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  // Two sibling pairs in the RAA's LAs: one at family finding (birthFamilyBackground refused to the family finder),
  // one matched (served); a child of an LA outside the partnership (null); a child out of the RAA's stages (null).
  for (const [authority, stage] of [['BDG', 'FAMILY_FINDING'], ['NHM', 'MATCHED_PLACED']]) {
    const group = await makeSiblingGroup(h.t.db, authority);
    groups.push(group);
    children.push(await makeChild(h.t.db, { authority, stage, sibling_group_id: group }));
    children.push(await makeChild(h.t.db, { authority, stage, sibling_group_id: group, date_of_birth: '2021-02-01' }));
  }
  children.push(await makeChild(h.t.db, { authority: 'KEN' }));
  children.push(await makeChild(h.t.db, { authority: 'HAV', stage: 'ADOPTED' }));
  households.push(await makeHousehold(h.t.db, { agency: 'ALE' }), await makeHousehold(h.t.db, { agency: 'APSE' }));
});
afterAll(() => h.close());

/** The access-log rows a viewer's reads wrote after row `after`: the children of each, sorted. */
async function auditRows(sub: string, after: number): Promise<{ rows: string[]; requests: number }> {
  const rows = await h.t.db.query<{ request_id: string; children: string[]; fields: string[]; refused: string[] }>(
    'SELECT request_id, children, fields, refused FROM access_read WHERE viewer_sub = $1 AND id > $2', [sub, after]);
  return {
    rows: rows.map((r) => JSON.stringify([r.children, r.fields, r.refused])).sort(),
    requests: new Set(rows.map((r) => r.request_id)).size,
  };
}
const lastAuditId = async () => (await h.t.db.query<{ n: string }>('SELECT COALESCE(max(id), 0) AS n FROM access_read'))[0].n;

describe('point reads queued behind one viewer go as one statement, each answered and audited as alone', () => {
  it('merges 6 profiles, 2 sibling groups and 2 households into a statement each, with the same answers, refusals and audit', async () => {
    const sub = 'merging-finder';
    const token = h.token('family_finder', 'ALE', sub);
    const asked = [...children.map((id) => ({ query: PROFILE, id })), ...groups.map((id) => ({ query: GROUP, id })),
      ...households.map((id) => ({ query: HOUSEHOLD, id }))];

    const aloneFrom = await lastAuditId();
    const alone = [];
    for (const a of asked) alone.push(await h.gql(token, a.query, { id: a.id }));
    const aloneAudit = await auditRows(sub, Number(aloneFrom));
    // The answers the merge must reproduce: served fields, nulls out of scope, FORBIDDEN at the refused paths.
    expect(alone[0].body.data.child.birthFamilyBackground).toBeNull();
    expect(alone[0].body.errors.map((e: any) => e.extensions.code)).toContain('FORBIDDEN');
    expect(alone[2].body.data.child.birthFamilyBackground).toEqual(expect.any(String));
    expect(alone[4].body.data.child).toBeNull();
    expect(alone[5].body.data.child).toBeNull();
    expect(alone[8].body.data.adopterHousehold.adopters).toHaveLength(1);
    expect(alone[9].body.data.adopterHousehold).toBeNull(); // another agency's household
    expect(aloneAudit.requests).toBe(6); // the two groups and the four in-scope profiles audit; the two nulls serve no child

    // Hold every slot of the viewer, ask everything at once, and let go once all of it waits to merge.
    const gate = gateFor(h.hub.deps.db);
    const key = `ALE|${sub}`;
    let letGo!: () => void;
    const held = new Promise<void>((r) => { letGo = r; });
    const holders = Array.from({ length: STATEMENTS_PER_VIEWER }, () => gate.run(key, () => held));
    const mergedFrom = await lastAuditId();
    const spy = jest.spyOn(Client.prototype, 'query');
    let merged;
    let names: string[];
    try {
      const pending = asked.map((a) => h.gql(token, a.query, { id: a.id }));
      while (gate.waitingToMerge(key) < asked.length) await new Promise((r) => setImmediate(r));
      letGo();
      await Promise.all(holders);
      merged = await Promise.all(pending);
      names = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined))
        .filter((n): n is string => n?.startsWith('hub_') ?? false);
    } finally {
      spy.mockRestore();
    }

    // Each request's own id aside (errors carry it), the answers are the same.
    const withoutRequestId = (r: { status: number; body: any }) => [r.status, JSON.parse(JSON.stringify(r.body).replace(/"requestId":"[^"]*"/g, '"requestId":"?"'))];
    expect(merged.map(withoutRequestId)).toEqual(alone.map(withoutRequestId));
    // Three statements in all: six profiles in one, two groups in another, two households in the third.
    expect(names.map((n) => n.replace(/^hub_[\w-]+_m/, 'merged by ')).sort()).toEqual(['merged by 2', 'merged by 2', 'merged by 6']);
    // Each request audited as alone, under its own request id.
    expect(await auditRows(sub, Number(mergedFrom))).toEqual(aloneAudit);
    // /metrics shows the merging.
    const metrics = await h.hub.deps.metrics.render();
    expect(metrics).toMatch(/hub_merged_read_statements\{runs="6"\} [1-9]/);
  });

  it('runs a lone request alone, at once: merging never waits for company', async () => {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await h.gql(h.token('family_finder', 'ALE', 'lone'), PROFILE, { id: children[2] });
      expect(res.body.errors).toBeUndefined();
      const names = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined)).filter(Boolean);
      expect(names).toHaveLength(1);
      expect(names[0]).not.toMatch(/_m\d+$/);
    } finally {
      spy.mockRestore();
    }
  });

  it('does not merge one viewer\'s runs with another viewer\'s', async () => {
    const gate = gateFor(h.hub.deps.db);
    let letGo!: () => void;
    const held = new Promise<void>((r) => { letGo = r; });
    const holders = ['a', 'b'].flatMap((s) => Array.from({ length: STATEMENTS_PER_VIEWER }, () => gate.run(`ALE|viewer-${s}`, () => held)));
    const spy = jest.spyOn(Client.prototype, 'query');
    let answers;
    let names: string[];
    try {
      const pending = ['a', 'b'].flatMap((s) => [0, 2].map((i) => h.gql(h.token('family_finder', 'ALE', `viewer-${s}`), PROFILE, { id: children[i] })));
      while (gate.waitingToMerge('ALE|viewer-a') < 2 || gate.waitingToMerge('ALE|viewer-b') < 2) await new Promise((r) => setImmediate(r));
      letGo();
      await Promise.all(holders);
      answers = await Promise.all(pending);
      names = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined))
        .filter((n): n is string => n?.startsWith('hub_') ?? false);
    } finally {
      spy.mockRestore();
    }
    // One statement per viewer, each carrying that viewer's two runs.
    expect(names.map((n) => n.replace(/^hub_[\w-]+_m/, 'merged by '))).toEqual(['merged by 2', 'merged by 2']);
    expect(answers.map((a) => a.body.data.child.id)).toEqual([children[0], children[2], children[0], children[2]]);
    expect(await auditRows('viewer-a', 0)).toEqual({ rows: expect.any(Array), requests: 2 });
    expect(await auditRows('viewer-b', 0)).toEqual({ rows: expect.any(Array), requests: 2 });
  });

  it('renames each copy\'s names and placeholders, never the text inside quotes', async () => {
    const gate = new ViewerStatementGate(1);
    const sql = new GatedSql(h.hub.deps.db, gate, 'q');
    const ctes = ["c1 AS (SELECT $1::int AS n, 'c1 $1' AS label)"];
    const columns = ['(SELECT n * 10 FROM c1) AS r0', '(SELECT label || \' r0\' FROM c1) AS r1'];
    const text = `WITH ${ctes[0]}\nSELECT ${columns.join(',\n  ')}`;
    const merge = mergeable(text, 'hub_test_quotes', { ctes, columns }, 1);
    let letGo!: () => void;
    const held = gate.run('q', () => new Promise<void>((r) => { letGo = r; }));
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const runs = [1, 2, 3].map((v) => sql.query<Record<string, unknown>>(text, [v], 'hub_test_quotes', merge).then((rows) => rows[0]));
      while (gate.waitingToMerge('q') < 3) await new Promise((r) => setImmediate(r));
      letGo();
      await held;
      expect(await Promise.all(runs)).toEqual([1, 2, 3].map((v) => ({ r0: v * 10, r1: 'c1 $1 r0' })));
      // One statement carried all three (had it failed, each would have gone again alone).
      expect(spy.mock.calls.map(([q]) => (q as { name?: string }).name)).toEqual(['hub_test_quotes_m3']);
    } finally {
      spy.mockRestore();
    }
  });

  it('when a merged statement fails, each run goes again alone: one run\'s error stays its own', async () => {
    const gate = new ViewerStatementGate(1);
    const sql = new GatedSql(h.hub.deps.db, gate, 'k');
    const text = 'SELECT 60 / $1::int AS r0';
    const merge = mergeable(text, 'hub_test_divide', { ctes: [], columns: ['60 / $1::int AS r0'] }, 1);
    let letGo!: () => void;
    const held = gate.run('k', () => new Promise<void>((r) => { letGo = r; }));
    const runs = [2, 0, 5].map((v) => sql.query<{ r0: number }>(text, [v], 'hub_test_divide', merge)
      .then((rows) => rows[0].r0, (err: Error) => err.message));
    while (gate.waitingToMerge('k') < 3) await new Promise((r) => setImmediate(r));
    letGo();
    await held;
    expect(await Promise.all(runs)).toEqual([30, 'division by zero', 12]);
  });
  it('when a merged statement is cancelled (a timeout, the database\'s failure), every run gets that error at once, none runs again', async () => {
    const gate = new ViewerStatementGate(1);
    const sql = new GatedSql(h.hub.deps.db, gate, 'c');
    const column = '(CASE WHEN $1::int = 0 THEN pg_cancel_backend(pg_backend_pid()) AND pg_sleep(5) IS NULL END) AS r0';
    const text = `SELECT ${column}`;
    const merge = mergeable(text, 'hub_test_cancel', { ctes: [], columns: [column] }, 1);
    let letGo!: () => void;
    const held = gate.run('c', () => new Promise<void>((r) => { letGo = r; }));
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const runs = [1, 0, 2].map((v) => sql.query(text, [v], 'hub_test_cancel', merge).then(() => 'answered', (err: { code?: string }) => err.code));
      while (gate.waitingToMerge('c') < 3) await new Promise((r) => setImmediate(r));
      letGo();
      await held;
      expect(await Promise.all(runs)).toEqual(['57014', '57014', '57014']);
      expect(spy.mock.calls.map(([q]) => (q as { name?: string }).name)).toEqual(['hub_test_cancel_m3']);
    } finally {
      spy.mockRestore();
    }
  });
});
