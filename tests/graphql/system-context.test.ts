import * as fs from 'fs';
import * as path from 'path';
import { SYSTEM_CONTEXT } from '../../src/auth/viewer';
import { createRequestContext } from '../../src/context/create-request-context';
import { Database } from '../../src/db/sql';
import { SystemContext } from '../../src/db/system-context';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Issue 8 §5: the named system context is the only way from a request to unscoped SQL; reads hold the viewer's runner.
describe('the named system context', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
  });
  afterAll(async () => { await h.close(); });

  it('a request context holds no database handle: reads get the viewer\'s runner, writes the named system context', async () => {
    const deps = h.hub.deps;
    const ctx = await createRequestContext({ db: deps.db, authorities: deps.authorities, key: deps.key } as any, `Bearer ${h.token('integration', 'BDG')}`, 'req-1');
    const holdsDatabase = Object.values(ctx).filter((v) => v instanceof Database || (v && typeof v === 'object' && 'pool' in v));
    expect(holdsDatabase).toEqual([]);
    expect(ctx.sql).not.toHaveProperty('transaction');
    expect(ctx.system).toBeInstanceOf(SystemContext);
    expect(ctx.system[SYSTEM_CONTEXT]).toBe(true);
    expect(ctx.system.for('sync')).toBe(deps.db);
    expect(() => ctx.system.for('reporting' as any)).toThrow(/no system path named reporting/);
  });

  it('no resolver or read path reaches the raw database except through the system context', () => {
    const root = path.resolve(__dirname, '../..');
    const files = ['resolvers', 'src/compiler', 'src/services', 'src/loaders', 'src/matching', 'src/graphql']
      .flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.ts')).map((f) => path.join(d, f)));
    const offenders = files.filter((f) => /ctx\.db\b|deps\.db\b|\.pool\b|new Database\(/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('a sync mutation still writes through it', async () => {
    const res = await h.gql(h.token('integration', 'BDG'), `mutation { syncChildren(authority: "BDG", records: [{ sourceId: "SYS-1", firstName: "Sys" }]) { accepted } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.syncChildren.accepted).toBe(1);
    const [row] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE source_id = 'SYS-1'`);
    expect(row.n).toBe(1);
  });
});
