// Point reads that queue behind one viewer's gate go to PostgreSQL as one statement (src/compiler/statement-merge.ts).
// What a user relies on: each request is answered, refused and audited exactly as it would be alone; only the number
// of statements changes. The viewer's slots are held open on purpose, so the requests queue (no timing involved).
import { Client } from 'pg';
import { mergeable, statementText } from '../../src/compiler/statement-merge';
import { gateFor, GatedSql, ViewerStatementGate } from '../../src/db/viewer-statement-gate';
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
const lastAuditId = async () => Number((await h.t.db.query<{ n: string }>('SELECT COALESCE(max(id), 0) AS n FROM access_read'))[0].n);

/**
 * Holds every slot of each viewer key on `gate`, starts `ask`, waits until `waiting` runs of each key wait to merge,
 * then lets go. Returns what `ask` came to and the prepared statements sent meanwhile (named, counted at the pool).
 */
async function whileHeld<T>(gate: ViewerStatementGate, keys: string[], waiting: number, ask: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  let letGo!: () => void;
  const held = new Promise<void>((r) => { letGo = r; });
  const holders = keys.flatMap((k) => Array.from({ length: gate.perViewer }, () => gate.run(k, () => held)));
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const pending = ask();
    while (keys.some((k) => gate.waitingToMerge(k) < waiting)) await new Promise((r) => setImmediate(r));
    letGo();
    await Promise.all(holders);
    const result = await pending;
    const sent = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined));
    return { result, sent: sent.filter((n): n is string => typeof n === 'string') };
  } finally {
    letGo();
    spy.mockRestore();
  }
}

/** "merged by k" for a merged statement's name, "alone" for any other. */
const merging = (names: string[]) => names.map((n) => {
  const k = /_m(\d+)$/.exec(n)?.[1];
  return k ? `merged by ${k}` : 'alone';
});

/** `hub_merged_read_statements_total` from a /metrics text, by its `runs` label. */
function mergedStatements(metrics: string): Map<string, number> {
  return new Map([...metrics.matchAll(/^hub_merged_read_statements_total\{runs="(\d+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
}

describe('point reads queued behind one viewer go as one statement, each answered and audited as alone', () => {
  it('merges 6 profiles, 2 sibling groups and 2 households into a statement each, with the same answers, refusals and audit', async () => {
    const sub = 'merging-finder';
    const token = h.token('family_finder', 'ALE', sub);
    const asked = [...children.map((id) => ({ query: PROFILE, id })), ...groups.map((id) => ({ query: GROUP, id })),
      ...households.map((id) => ({ query: HOUSEHOLD, id }))];

    const aloneFrom = await lastAuditId();
    const alone = [];
    for (const a of asked) alone.push(await h.gql(token, a.query, { id: a.id }));
    const aloneAudit = await auditRows(sub, aloneFrom);
    // The answers the merge must reproduce: served fields, nulls out of scope, FORBIDDEN at the refused paths.
    expect(alone[0].body.data.child.birthFamilyBackground).toBeNull();
    expect(alone[0].body.errors.map((e: any) => e.extensions.code)).toContain('FORBIDDEN');
    expect(alone[2].body.data.child.birthFamilyBackground).toEqual(expect.any(String));
    expect(alone[4].body.data.child).toBeNull();
    expect(alone[5].body.data.child).toBeNull();
    expect(alone[8].body.data.adopterHousehold.adopters).toHaveLength(1);
    expect(alone[9].body.data.adopterHousehold).toBeNull(); // another agency's household
    expect(aloneAudit.requests).toBe(6); // the two groups and the four in-scope profiles audit; the two nulls serve no child

    // Every slot of the viewer held: everything asked at once waits, and merges.
    const countedBefore = mergedStatements(await h.hub.deps.metrics.render());
    const mergedFrom = await lastAuditId();
    const { result: merged, sent } = await whileHeld(gateFor(h.hub.deps.db), [`ALE|${sub}`], asked.length,
      () => Promise.all(asked.map((a) => h.gql(token, a.query, { id: a.id }))));

    // Each request's own id aside (errors carry it), the answers are the same.
    const withoutRequestId = (r: { status: number; body: any }) => [r.status, JSON.parse(JSON.stringify(r.body).replace(/"requestId":"[^"]*"/g, '"requestId":"?"'))];
    expect(merged.map(withoutRequestId)).toEqual(alone.map(withoutRequestId));
    // Three statements in all: six profiles in one, two groups in another, two households in the third.
    expect(merging(sent).sort()).toEqual(['merged by 2', 'merged by 2', 'merged by 6']);
    // Each request audited as alone, under its own request id.
    expect(await auditRows(sub, mergedFrom)).toEqual(aloneAudit);
    // /metrics counts the merged statements by their runs, once each however often it is scraped.
    const scraped = await h.hub.deps.metrics.render();
    expect(scraped).toMatch(/# TYPE hub_merged_read_statements_total counter/);
    for (const counted of [mergedStatements(scraped), mergedStatements(await h.hub.deps.metrics.render())]) {
      expect((counted.get('6') ?? 0) - (countedBefore.get('6') ?? 0)).toBe(1);
      expect((counted.get('2') ?? 0) - (countedBefore.get('2') ?? 0)).toBe(2);
    }
  });

  it('runs a lone request alone, at once: merging never waits for company', async () => {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await h.gql(h.token('family_finder', 'ALE', 'lone'), PROFILE, { id: children[2] });
      expect(res.body.errors).toBeUndefined();
      const sent = spy.mock.calls.map(([q]) => (q && typeof q === 'object' ? (q as { name?: string }).name : undefined)).filter(Boolean) as string[];
      expect(merging(sent)).toEqual(['alone']);
    } finally {
      spy.mockRestore();
    }
  });

  it('does not merge one viewer\'s runs with another viewer\'s', async () => {
    const viewers = ['viewer-a', 'viewer-b'];
    const { result: answers, sent } = await whileHeld(gateFor(h.hub.deps.db), viewers.map((v) => `ALE|${v}`), 2,
      () => Promise.all(viewers.flatMap((v) => [0, 2].map((i) => h.gql(h.token('family_finder', 'ALE', v), PROFILE, { id: children[i] })))));
    // One statement per viewer, each carrying that viewer's two runs.
    expect(merging(sent)).toEqual(['merged by 2', 'merged by 2']);
    expect(answers.map((a) => a.body.data.child.id)).toEqual([children[0], children[2], children[0], children[2]]);
    for (const v of viewers) expect((await auditRows(v, 0)).requests).toBe(2);
  });

  /** Three runs of `column` (one placeholder) through a gate of one slot held until all three wait: each one's outcome. */
  async function threeRuns(name: string, column: string, values: number[], ctes: string[] = []) {
    const gate = new ViewerStatementGate(1);
    const sql = new GatedSql(h.hub.deps.db, gate, name);
    const text = statementText({ ctes, columns: [column] });
    const merge = mergeable(text, name, { ctes, columns: [column] }, 1);
    return whileHeld(gate, [name], values.length, () => Promise.all(values.map((v) => sql.query<Record<string, unknown>>(text, [v], name, merge)
      .then((rows) => rows[0].r0, (err: { code?: string; message?: string }) => `${err.code}: ${err.message}`))));
  }

  it('renames each copy\'s names and placeholders, never the text inside quotes', async () => {
    const { result, sent } = await threeRuns('hub_test_quotes', "(SELECT n * 10 || ' ' || label || ' r0' FROM c1) AS r0", [1, 2, 3],
      ["c1 AS (SELECT $1::int AS n, 'c1 $1' AS label)"]);
    expect(result).toEqual(['10 c1 $1 r0', '20 c1 $1 r0', '30 c1 $1 r0']);
    // One statement carried all three (had it failed, each would have gone again alone).
    expect(sent).toEqual(['hub_test_quotes_m3']);
  });

  it('when a merged statement fails on one run\'s data, each run goes again alone: the error stays that run\'s', async () => {
    const { result, sent } = await threeRuns('hub_test_divide', '60 / $1::int AS r0', [2, 0, 5]);
    expect(result).toEqual([30, '22012: division by zero', 12]);
    expect(sent).toEqual(['hub_test_divide_m3', 'hub_test_divide', 'hub_test_divide', 'hub_test_divide']);
  });

  it('when a merged statement is cancelled (a timeout, the database\'s failure), every run gets that error at once, none runs again', async () => {
    const { result, sent } = await threeRuns('hub_test_cancel',
      '(CASE WHEN $1::int = 0 THEN pg_cancel_backend(pg_backend_pid()) AND pg_sleep(5) IS NULL END) AS r0', [1, 0, 2]);
    expect(result).toEqual(Array(3).fill('57014: canceling statement due to user request'));
    expect(sent).toEqual(['hub_test_cancel_m3']);
  });
});
