// One request must not stall the others. An operation is priced by the work its root fields do and capped in
// root fields and aliases, so a flood of aliased suggestion runs is refused before anything runs; and one viewer's
// statements queue on its own gate (src/db/viewer-statement-gate.ts), so however many requests it fires it never
// holds the pool. Outcomes, not timings: a blocked table makes "holding the pool" observable.
import { STATEMENTS_PER_VIEWER } from '../../src/db/viewer-statement-gate';
import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { sqlStatementsSoFar } from '../policy/http-kit';

let h: TestHub;
let childId: string;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  const dob = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10);
  childId = await makeChild(h.t.db, { authority: 'BDG', stage: 'FAMILY_FINDING', date_of_birth: dob });
  for (let i = 0; i < 3; i += 1) await makeHousehold(h.t.db, { agency: 'ALE' });
});
afterAll(() => h.close());

const aliased = (n: number, first: number, selection = '{ score }') =>
  `query Flood($id: ID!) { ${Array.from({ length: n }, (_, i) => `s${i}: matchSuggestions(childId: $id, first: ${first}) ${selection}`).join(' ')} }`;
const DASHBOARD = 'query DashboardStages { familyFindingSummary { authority stage count suppressed } }';

describe('an operation is priced and capped before it runs', () => {
  it('refuses 2,000 aliased matchSuggestions with TOO_COMPLEX, running no statement, while a concurrent query is answered', async () => {
    const before = await sqlStatementsSoFar(h);
    const [flood, other] = await Promise.all([
      h.gql(h.token('family_finder', 'ALE', 'flooder'), aliased(2000, 1), { id: childId }),
      h.gql(h.token('la_analyst', 'BDG', 'analyst'), DASHBOARD),
    ]);
    expect(flood.status).toBe(400);
    expect(flood.body.data).toBeUndefined();
    expect(flood.body.errors.map((e: any) => e.extensions.code)).toEqual(['TOO_COMPLEX']);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data.familyFindingSummary.length).toBeGreaterThan(0);
    // The flood ran nothing: no suggestion was recorded as read, and the statements counted are the analyst's few
    // (a single run of the flood would have added 2,000).
    const [{ n }] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE viewer_sub = 'flooder'`);
    expect(n).toBe(0);
    expect(await sqlStatementsSoFar(h) - before).toBeLessThan(10);
  });

  it('prices a suggestion run as the work it does: 19 aliased runs are refused by cost, under the alias cap', async () => {
    const selection = '{ score household { id reference } }';
    const refused = await h.gql(h.token('family_finder', 'ALE'), aliased(19, 100, selection), { id: childId });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    expect(refused.body.errors[0].message).toMatch(/cost/);
    const allowed = await h.gql(h.token('family_finder', 'ALE'), aliased(5, 100, selection), { id: childId });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.s4.length).toBe(3);
  });

  it('caps root fields and aliases per operation', async () => {
    const roots = `{ ${Array.from({ length: 21 }, () => 'me { sub }').join(' ')} }`;
    const tooManyRoots = await h.gql(h.token('family_finder', 'ALE'), roots);
    expect(tooManyRoots.body.errors?.[0]?.message).toMatch(/21 root fields; the limit is 20/);
    const aliases = `{ me { ${Array.from({ length: 31 }, (_, i) => `a${i}: sub`).join(' ')} } }`;
    const tooManyAliases = await h.gql(h.token('family_finder', 'ALE'), aliases);
    expect(tooManyAliases.body.errors?.[0]?.message).toMatch(/31 aliases; the limit is 30/);
  });
});

describe('one viewer cannot hold the pool', () => {
  it('runs at most a few of a viewer\'s statements at once, so another viewer is answered while they are stuck', async () => {
    // Both pools: the compiled reads' (src/db/read-pool.ts) and everything else's.
    const pools = [h.hub.deps.db.pool, h.hub.deps.db.readPool].filter((p) => p !== undefined);
    // Households are locked: every suggestion run blocks in PostgreSQL, holding its connection, until released.
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const blocker = h.t.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE adopter_household IN ACCESS EXCLUSIVE MODE');
      locked();
      await released;
    });
    await isLocked;

    const floodToken = h.token('family_finder', 'ALE', 'pool-hog');
    const flood = Array.from({ length: 30 }, () => h.gql(floodToken, aliased(1, 1), { id: childId }));
    const blockedOnHouseholds = async () => (await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'permanence-hub' AND wait_event_type = 'Lock'`))[0].n;
    while (await blockedOnHouseholds() < STATEMENTS_PER_VIEWER) await new Promise((r) => setImmediate(r));

    // Another viewer's query, while the hog's statements are stuck: answered, or starved waiting for a connection.
    const other = h.gql(h.token('la_analyst', 'BDG', 'patient'), DASHBOARD).then((res) => ({ outcome: 'answered' as const, res }));
    let starved = false;
    const watch = (async () => {
      while (!starved) {
        if (pools.some((p) => p.waitingCount > 0)) { starved = true; return { outcome: 'starved: waiting for a pool connection' as const }; }
        await new Promise((r) => setImmediate(r));
      }
      return { outcome: 'stopped' as const };
    })();
    const first = await Promise.race([other, watch]);
    starved = true; // stop the watcher
    const stuck = await blockedOnHouseholds();
    release();
    await blocker;
    const answers = await Promise.all(flood);

    expect(first.outcome).toBe('answered');
    if (first.outcome === 'answered') expect(first.res.body.errors).toBeUndefined();
    expect(stuck).toBe(STATEMENTS_PER_VIEWER);
    expect(answers.every((a) => a.body.errors === undefined && a.body.data.s0.length === 1)).toBe(true);
  });
});
