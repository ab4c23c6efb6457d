// Healthy is ready (issue 8 §8): `npm start` opens its port only once the demo partnership is in, so the first
// answer from /healthz comes from a hub whose first requests succeed and whose /readyz agrees; and the authority
// directory is loaded single-flight, so a burst of requests on a cold cache costs one statement, not one each.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AuthorityDirectory } from '../../src/auth/authority-directory';
import { mintToken } from '../../src/auth/mint-token';
import { freePort } from '../../src/db/embedded-database';
import { CountingSql, Sql } from '../../src/db/sql';
import { seedAuthorities } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const ROOT = path.resolve(__dirname, '..', '..');

/** Polls `check` until it returns a value (bounded: no sleeps beyond the poll interval). */
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('npm start', () => {
  let t: TestDatabase;
  let child: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-ready-data-'));
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz only when the demo is served: the first request succeeds and /readyz agrees', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: t.url, PORT: String(port), HUB_DATA_DIR: dataDir };
    // Exactly what `npm start` runs (package.json): transpile into .build/, then the plain JavaScript entry point.
    const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe('node bin/build.js && node .build/src/main.js');
    execFileSync(process.execPath, ['bin/build.js'], { cwd: ROOT });
    child = spawn(process.execPath, ['.build/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => { output += d; });
    child.stderr!.on('data', (d) => { output += d; });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 180_000, `/healthz (output so far: ${output})`);
    // At once, with no wait: what a load balancer would send as soon as the process says it is healthy.
    const key = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
    const token = mintToken({ sub: 'ff', org: 'ALE', roles: ['family_finder'] }, key, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '5m' });
    const [first, ready] = await Promise.all([
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { org } children(first: 1) { totalCount } }' }) }),
      fetch(`${base}/readyz`),
    ]);
    const body = await first.json() as { data?: { me: { org: string }; children: { totalCount: number } } };
    expect(first.status).toBe(200);
    expect(body.data?.me).toEqual({ org: 'ALE' });
    expect(body.data!.children.totalCount).toBeGreaterThan(0);
    expect(ready.status).toBe(200);
    expect(output).toMatch(/Loaded the demo partnership/);
  }, 240_000);
});

describe('the authority directory', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); await seedAuthorities(t.db); });
  afterAll(async () => t.close());

  it('loads once for a burst of concurrent requests on a cold cache', async () => {
    const sql = new CountingSql(t.db);
    const directory = new AuthorityDirectory(sql);
    const found = await Promise.all(Array.from({ length: 50 }, (_, i) => directory.get(['BDG', 'ALE', 'NHM'][i % 3])));
    expect(found.every((a) => a !== undefined)).toBe(true);
    expect(sql.count).toBe(1);
  });

  it('reloads after an invalidation that lands while a load is in flight', async () => {
    // The first load reads the table, then its answer is held back until the table has changed and been invalidated.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let first = true;
    const sql: Sql = {
      async query<T>(text: string, params?: unknown[]): Promise<T[]> {
        const rows = await t.db.query<T>(text, params);
        if (first) { first = false; await held; }
        return rows;
      },
    };
    const directory = new AuthorityDirectory(sql, 60_000);
    const stale = directory.all();
    await waitFor(async () => (first ? undefined : true), 5_000, 'the first load to read');
    await t.db.query(`INSERT INTO authority (code, name, kind) VALUES ('NEWRAA', 'New Agency', 'REGIONAL_ADOPTION_AGENCY')`);
    directory.invalidate();
    release();
    expect((await stale).has('NEWRAA')).toBe(false);
    expect(await directory.get('NEWRAA')).toMatchObject({ code: 'NEWRAA' });
  });
});
