import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { ssda903ImportPath } from '../../src/server/ssda903-import-route';
import { seedAuthorities } from '../support/factories';
import { startTestHub, type TestHub } from '../support/test-hub';
import { SSDA903_DATA } from '../support/fixture-data';

const run = promisify(execFile);
const DATA = SSDA903_DATA;
const HUB = path.resolve(__dirname, '../../bin/hub.js');

let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
});
afterAll(() => h.close());

async function post(token: string | undefined, authority: string, body: unknown) {
  const res = await fetch(`${h.url}${ssda903ImportPath(authority)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as any };
}

/** Runs the real CLI against the test hub; resolves with the exit code and output, whatever the code. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [HUB, ...args], { env: { ...process.env, HUB_TOKEN: '' }, timeout: 60000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const child = { sourceId: 'E1', sex: 'MALE', dateOfBirth: '2019-01-01', ethnicity: 'WBRI', upn: 'UN1', episodes: [] };

describe('POST /import/ssda903/:authority', () => {
  it('refuses a request without a token, a non-integration role and another authority\'s token', async () => {
    expect((await post(undefined, 'BDG', { collectionYear: 2021, children: [child] })).status).toBe(401);
    expect((await post(h.token('social_worker', 'BDG'), 'BDG', { collectionYear: 2021, children: [child] })).status).toBe(403);
    const other = await post(h.token('integration', 'HAV'), 'BDG', { collectionYear: 2021, children: [child] });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect(Number((await h.t.db.query<{ n: string }>(`SELECT count(*) AS n FROM child`))[0].n)).toBe(0);
  });

  it('refuses a body without a collection year, answering without internals', async () => {
    const r = await post(h.token('integration', 'BDG'), 'BDG', { children: [child] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/at |SELECT|stack/);
  });

  it('stores the good children for the token\'s own authority and reports the bad by index', async () => {
    const r = await post(h.token('integration', 'BDG'), 'BDG', { collectionYear: 2021, children: [child, { ...child, sourceId: 'bad id!' }] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ childrenAccepted: 1, rejected: [{ index: 1, sourceId: 'bad id!' }] });
  });

  it('answers junk records with per-index reasons, never a server error', async () => {
    const junk = [null, 7, 'x', { ...child, episodes: [null, 3] }, { ...child, sourceId: 'J5', placedAdoption: 'no', ad1: 5 },
      { ...child, sourceId: 'J6', episodes: [{ decom: '2020-01-01', rne: 'Q' }] }];
    const r = await post(h.token('integration', 'BDG'), 'BDG', { collectionYear: 2021, children: junk });
    expect(r.status).toBe(200);
    expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.body.childrenAccepted).toBe(0);
  });
});

describe('hub import 903', () => {
  it('imports a clean return: exit 0, a JSON report of what was stored', async () => {
    const r = await cli(['import', '903', '--authority', 'TWH', '--url', h.url, '--token', h.token('integration', 'TWH'),
      '--json', `${DATA}/adoption-journeys/2019`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.collectionYear).toBe(2019);
    expect(report.children.accepted).toBe(report.children.sent);
    expect(report.children.accepted).toBeGreaterThan(0);
    expect(report.rejections).toEqual([]);
    const n = await h.t.db.query<{ n: string }>(`SELECT count(*) AS n FROM child WHERE authority = 'TWH'`);
    expect(Number(n[0].n)).toBe(report.children.accepted);
  });

  it('imports a dirty return: good records land, rejections listed, exit 1', async () => {
    const r = await cli(['import', '903', '--authority', 'NHM', '--url', h.url, '--token', h.token('integration', 'NHM'),
      `${DATA}/liia-dirty-samples`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/episodes: 5 read, 3 stored, 2 rejected/);
    expect(r.stdout).toMatch(/SSDA903_2020_episodes\.csv row 6 column RNE/);
    const n = await h.t.db.query<{ n: string }>(`SELECT count(*) AS n FROM care_episode WHERE authority = 'NHM'`);
    expect(Number(n[0].n)).toBe(3);
  });

  it('exits 3 with the hub\'s reason when the token is for another authority', async () => {
    const r = await cli(['import', '903', '--authority', 'HAV', '--url', h.url, '--token', h.token('integration', 'NHM'),
      `${DATA}/adoption-journeys/2016`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/403.*own authority/);
  });
});
