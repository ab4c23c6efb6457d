import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const exec = promisify(execFile);
const HUB = path.resolve(__dirname, '../../bin/hub.js');

/** Runs `hub demo load` against the test database; resolves with the exit code and output either way. */
async function cli(url: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [HUB, 'demo', 'load', ...args], { env: { ...process.env, DATABASE_URL: url }, timeout: 300_000 });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('hub demo load', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.close(); });

  it('loads the demo partnership into DATABASE_URL, then refuses to load into a database that holds authorities', async () => {
    const first = await cli(t.url, ['--scale', 'demo', '--today', '2026-11-27', '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    const [counts] = await t.db.query<{ authorities: number; children: number }>(
      `SELECT (SELECT count(*) FROM authority)::int AS authorities, (SELECT count(*) FROM child)::int AS children`);
    expect(report).toMatchObject({ scale: 'demo', today: '2026-11-27', ...counts });
    expect(counts.children).toBeGreaterThan(1000);
    const again = await cli(t.url, ['--scale', 'demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ authorities/);
    const [after] = await t.db.query<{ children: number }>(`SELECT count(*)::int AS children FROM child`);
    expect(after.children).toBe(counts.children);
  });

  it('refuses an unknown scale as a usage mistake', async () => {
    const res = await cli(t.url, ['--scale', 'planet']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--scale must be demo or national/);
  });
});
