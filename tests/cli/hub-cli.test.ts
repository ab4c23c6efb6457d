import { execFile } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import * as jwt from 'jsonwebtoken';
import { AddressInfo, createServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { commands } from '../../src/cli/commands';
import { seedAuthorities } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_SECRET } from '../support/test-hub';

const run = promisify(execFile);
const HUB = path.resolve(__dirname, '../../bin/hub.js');
const UNREACHABLE_DB = 'postgres://hub:secret-password@127.0.0.1:1/hub';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedAuthorities(t.db);
});
afterAll(() => t.close());

/** Runs the real `hub` binary; resolves with its exit code and output, whatever the code. */
async function hub(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [HUB, ...args], {
      env: { ...process.env, DATABASE_URL: t.url, JWT_SECRET: TEST_SECRET, HUB_TOKEN: '', HUB_URL: '', ...env }, timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A port nothing listens on (one just freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a person must never see from the CLI: a Node stack trace or a raw system error code. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\n\s+at \S+ \(|ENOENT|ECONNREFUSED|node:internal/);
}

describe('hub --help and per-command help', () => {
  it('lists every command with its summary, exit 0; no command at all is a usage error (2)', async () => {
    const r = await hub(['--help']);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`hub ${c.words.join(' ')}`);
    expect((await hub([])).code).toBe(2);
  });

  it.each(commands.map((c) => [c.words.join(' '), c] as const))('hub %s --help shows its own options, environment, exit codes and an example', async (_name, c) => {
    const r = await hub([...c.words, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: hub ${c.words.join(' ')} `));
    for (const option of Object.keys(c.options)) expect(r.stdout).toContain(`--${option}`);
    expect(r.stdout).toMatch(/\nExit codes:\n {2}0 {2}.+\n( {2}1 {2}.+\n)? {2}2 {2}.+/);
    expect(r.stdout).toMatch(/\nExamples?:\n {2}hub /);
    if (c.environment) expect(r.stdout).toContain('\nEnvironment:\n');
    // Each command's help is its own: no other command's options.
    const others = commands.filter((o) => o !== c).flatMap((o) => Object.keys(o.options)).filter((o) => !(o in c.options));
    for (const o of others) expect(r.stdout).not.toContain(`--${o} `);
  });
});

describe('argument parsing, declared per command', () => {
  it('refuses an unknown option, naming it and the options the command has (exit 2)', async () => {
    const r = await hub(['token', '--role', 'family_finder', '--org', 'ALE', '--agency', 'ALE']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hub token has no option --agency \(its options: --role, --org/);
    expect(r.stdout).toBe('');
  });

  it('refuses a missing required option and a missing value (exit 2)', async () => {
    expect(await hub(['import', '903', 'somewhere'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--authority is required/) });
    expect(await hub(['token', '--org', 'ALE', '--role'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--role needs a value/) });
  });

  it('suggests the commands when only the first word is right (exit 2)', async () => {
    const r = await hub(['import', 'adopter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "hub import 903" or "hub import adopters"/);
  });
});

describe('hub import with a path that cannot be imported', () => {
  it('a path that does not exist is a usage error (2) saying so, without a raw ENOENT', async () => {
    const r = await hub(['import', '903', '--authority', 'BDG', '--url', 'http://127.0.0.1:1', '/no/such/return']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/there is no file or folder at \/no\/such\/return/);
    expectNoInternals(r.stderr);
    const a = await hub(['import', 'adopters', '--agency', 'ALE', '--url', 'http://127.0.0.1:1', '/no/such/file.csv']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/there is no file or folder at \/no\/such\/file\.csv/);
    expectNoInternals(a.stderr);
  });

  it('a folder with no 903 files is a usage error (2), naming what it found, and nothing is sent', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'no-903-'));
    writeFileSync(path.join(dir, 'notes.csv'), 'name,colour\nA,blue\n');
    // The hub address is unreachable: exit 2 (not 3) proves the run stopped before sending anything.
    const r = await hub(['import', '903', '--authority', 'BDG', '--url', 'http://127.0.0.1:1', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no 903 files/);
    expect(r.stderr).toMatch(/notes\.csv: columns match no 903 table/);
    const empty = mkdtempSync(path.join(tmpdir(), 'empty-903-'));
    expect((await hub(['import', '903', '--authority', 'BDG', '--url', 'http://127.0.0.1:1', empty])).code).toBe(2);
  });

  it('an unreachable hub is exit 3 with one sentence naming --url and HUB_URL', async () => {
    const dir = path.resolve(__dirname, '../fixtures/ssda903/liia-dirty-samples');
    const port = await closedPort();
    const r = await hub(['import', '903', '--authority', 'BDG', '--url', `http://127.0.0.1:${port}`, '--token', 'x.y.z', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`cannot reach the hub at http://127\\.0\\.0\\.1:${port} \\(nothing answers there\\).*--url or HUB_URL`));
    expectNoInternals(r.stderr);
  });
});

describe('hub token', () => {
  it('mints a token that names the registered authority and the role, with the lifetime asked for', async () => {
    const r = await hub(['token', '--role', 'family_finder', '--org', 'ale', '--ttl', '90m']);
    expect(r.code).toBe(0);
    const claims = jwt.verify(r.stdout.trim(), TEST_SECRET) as jwt.JwtPayload;
    expect(claims).toMatchObject({ org: 'ALE', roles: ['family_finder'], sub: 'family_finder.ale' });
    expect(claims.exp! - claims.iat!).toBe(90 * 60);
  });

  it('refuses an authority the database does not know, listing the registered ones (exit 2, no token)', async () => {
    const r = await hub(['token', '--role', 'family_finder', '--org', 'XYZ']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/XYZ is not a registered authority \(registered: ALE, APSE, BDG, HAV, KEN, NHM, TWH\); add it with: hub authority add --code XYZ/);
  });

  it.each([['8x'], ['0'], ['-5m'], ['2 days'], ['25h']])('refuses --ttl %s with a sentence (exit 2, no token)', async (ttl) => {
    const r = await hub(['token', '--role', 'family_finder', '--org', 'ALE', `--ttl=${ttl}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--ttl (must be a positive duration such as 3600, 90m or 12h|may be at most 12h \(the hub's JWT_MAX_LIFETIME)/);
  });

  it('an unreachable DATABASE_URL is exit 3 with one sentence naming DATABASE_URL, no stack, no password', async () => {
    const r = await hub(['token', '--role', 'family_finder', '--org', 'ALE'], { DATABASE_URL: UNREACHABLE_DB });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^hub: nothing accepts connections at 127\.0\.0\.1:1, the database in DATABASE_URL; .*change DATABASE_URL/);
    expect(r.stderr).not.toContain('secret-password');
    expectNoInternals(r.stderr);
  });
});

describe('commands on the database keep their exit codes', () => {
  it('hub authority add with an unregistered --raa exits 2 (the exit code survives the embedded database\'s exit hook)', async () => {
    const r = await hub(['authority', 'add', '--code', 'SWK', '--name', 'Southwark', '--raa', 'NOPE']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NOPE is not a registered RAA/);
    expect(await t.db.query(`SELECT code FROM authority WHERE code = 'SWK'`)).toEqual([]);
  });

  it('hub client add for an unknown authority exits 2 and adds nothing', async () => {
    const r = await hub(['client', 'add', '--org', 'XYZ', '--name', 'n']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/XYZ is not a registered authority/);
    expect(await t.db.query(`SELECT client_id FROM integration_client WHERE org = 'XYZ'`)).toEqual([]);
  });
});
