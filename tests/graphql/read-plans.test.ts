import { seedAuthorities, makeChild } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

/**
 * The compiled reads run on their own pool, planned once per connection (src/db/read-pool.ts); everything else keeps
 * PostgreSQL's default, which plans for the values it is given.
 */
let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  await makeChild(h.t.db, { authority: 'BDG' });
});
afterAll(() => h.close());

it('sends compiled reads to the read pool, whose connections use one generic plan per statement', async () => {
  const { db } = h.hub.deps;
  expect(db.readPool).toBeDefined();
  const res = await h.gql(h.token('social_worker', 'BDG'), '{ children(first: 5) { edges { node { id firstName } } } }');
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.children.edges).toHaveLength(1);
  // The page's named statement ran on a read connection (the only one the read pool has opened so far).
  expect(db.readPool!.totalCount).toBe(1);
  const read = await db.readPool!.query(`SELECT current_setting('plan_cache_mode') AS mode,
    (SELECT count(*)::int FROM pg_prepared_statements WHERE name LIKE 'hub_%') AS named`);
  expect(read.rows[0]).toEqual({ mode: 'force_generic_plan', named: 1 });
  const other = await db.pool.query(`SELECT current_setting('plan_cache_mode') AS mode`);
  expect(other.rows[0].mode).toBe('auto');
});
