// The change feed as an RAA reads a member LA's (issue 8 §2): a DELETE reaches the RAA only for a child it could
// once see (ever in its family-finding scope), and then with the hub's id only, never the LA's source id; and every
// child id any feed serves is in the access log, like any other read of child-level data.
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { CHANGES, childRecord, SYNC_CHILDREN } from './sync-support';

let hub: TestHub;
let bdg: string;
let ale: string;
/** Hub id of each BDG child by source id, from BDG's own feed. */
const ids = new Map<string, string>();

// Children of BDG by how the RAA could see them before they were deleted.
const NEVER = ['X-NOSTAGE', 'X-ADOPTED', 'X-PLANCHANGED'];
const ONCE = ['X-PIPELINE', 'X-LEFT-PIPELINE'];

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  bdg = hub.token('integration', 'BDG');
  ale = hub.token('integration', 'ALE');
  const sync = async (records: Record<string, unknown>[]) => {
    const r = await hub.gql(bdg, SYNC_CHILDREN, { authority: 'BDG', records });
    expect(r.body.data.syncChildren.rejected).toEqual([]);
  };
  await sync([
    childRecord('X-NOSTAGE', { stage: null, decisionOn: null, placementOrderOn: null, enteredCareOn: null }),
    childRecord('X-ADOPTED', { stage: 'ADOPTED', adoptionOrderOn: '2023-01-01' }),
    childRecord('X-PLANCHANGED', { stage: 'PLAN_CHANGED', planChangedOn: '2023-01-01' }),
    childRecord('X-PIPELINE'),
    childRecord('X-LEFT-PIPELINE'),
    childRecord('X-LIVE'),
  ]);
  // In the RAA's scope once, then out of it (plan changed) before the deletion.
  await sync([{ sourceId: 'X-LEFT-PIPELINE', stage: 'PLAN_CHANGED', planChangedOn: '2024-02-01' }]);
  const own = await hub.gql(bdg, CHANGES, { authority: 'BDG', first: 1000 });
  for (const n of own.body.data.changes.nodes) ids.set(n.sourceId, n.id);
  await sync([...NEVER, ...ONCE].map((sourceId) => ({ sourceId, deleted: true })));
});
afterAll(() => hub.close());

type Node = { entity: string; id: string; sourceId: string | null; operation: string };
const feedOf = async (token: string, authority: string, operationName = 'FeedRead'): Promise<Node[]> => {
  const r = await hub.gql(token, CHANGES.replace(/^query/, `query ${operationName}`), { authority, first: 1000 }, operationName);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.changes.nodes;
};

describe("an RAA reading a member LA's change feed", () => {
  it('gets a DELETE only for a child it could once see, and never one of a child never in its scope', async () => {
    const deletes = (await feedOf(ale, 'BDG')).filter((n) => n.operation === 'DELETE');
    expect(deletes.map((n) => n.id).sort()).toEqual(ONCE.map((s) => ids.get(s)).sort());
    const served = new Set((await feedOf(ale, 'BDG')).map((n) => n.id));
    for (const s of NEVER) expect([s, served.has(ids.get(s)!)]).toEqual([s, false]);
  });

  it("gets each DELETE with the hub's id only, never the LA's source id", async () => {
    const deletes = (await feedOf(ale, 'BDG')).filter((n) => n.operation === 'DELETE');
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((n) => n.sourceId === null && typeof n.id === 'string')).toBe(true);
    const text = JSON.stringify(await feedOf(ale, 'BDG'));
    for (const s of [...NEVER, ...ONCE]) expect([s, text.includes(s)]).toEqual([s, false]);
  });

  it("leaves the LA's own feed whole: every deletion, with its source id", async () => {
    const deletes = (await feedOf(bdg, 'BDG')).filter((n) => n.operation === 'DELETE');
    expect(deletes.map((n) => n.sourceId).sort()).toEqual([...NEVER, ...ONCE].sort());
  });
});

describe('the change feed and the access log', () => {
  const AUDIT = `query($viewerOrg: String) { accessLog(first: 100, filter: { viewerOrg: $viewerOrg }) {
    edges { node { childId ownerAuthority viewerOrg operationName fields } } } }`;
  const entries = async (token: string, viewerOrg: string, operationName: string) =>
    ((await hub.gql(token, AUDIT, { viewerOrg })).body.data.accessLog.edges as { node: { childId: string | null; ownerAuthority: string; operationName: string; fields: string[] } }[])
      .map((e) => e.node).filter((n) => n.operationName === operationName);

  it('records every child an RAA was served from a member LA\'s feed: N children, N entries', async () => {
    const served = (await feedOf(ale, 'BDG', 'RaaFeedAudit')).filter((n) => n.entity === 'Child');
    const children = new Set(served.map((n) => n.id));
    expect(children.size).toBeGreaterThan(0);
    const logged = await entries(hub.token('raa_manager', 'ALE'), 'ALE', 'RaaFeedAudit');
    expect(logged).toHaveLength(children.size);
    expect(logged.every((e) => e.ownerAuthority === 'BDG' && e.fields.includes('id'))).toBe(true);
    // Entries about children that still exist name them (erased ones read null through the API).
    expect(served.map((n) => n.id)).toContain(ids.get('X-LIVE'));
    expect(logged.map((e) => e.childId)).toContain(ids.get('X-LIVE'));
  });

  it("records every child an LA was served from its own feed", async () => {
    const served = new Set((await feedOf(bdg, 'BDG', 'OwnFeedAudit')).filter((n) => n.entity === 'Child').map((n) => n.id));
    const logged = await entries(hub.token('auditor', 'BDG'), 'BDG', 'OwnFeedAudit');
    expect(logged).toHaveLength(served.size);
    expect(logged.every((e) => e.fields.includes('id') && e.fields.includes('sourceId'))).toBe(true);
  });
});
