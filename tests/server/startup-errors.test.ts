import { execFile } from 'child_process';
import { AddressInfo, createServer, Server } from 'net';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm start`'s entry point (src/main.ts) with `env`; resolves with its exit code and output. */
async function start(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT, env: { ...process.env, NODE_ENV: 'development', HUB_DATA_DIR: path.join(ROOT, '.data-never-created'), ...env }, timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on (one just freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectOneSentence(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Error: /);
}

describe('npm start when a setting is wrong', () => {
  it('a port in use: exit 1 with one sentence naming PORT, before the database starts', async () => {
    const taken = createServer();
    const port = await listen(taken);
    try {
      const r = await start({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: 'postgres://hub:pw@127.0.0.1:1/hub' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^Permanence Hub could not start: port ${port} on 127\\.0\\.0\\.1 is already in use .*set PORT`));
      expectOneSentence(r.stderr);
    } finally {
      taken.close();
    }
  });

  it('an unreachable DATABASE_URL: exit 1 with one sentence naming DATABASE_URL and no password', async () => {
    const dbPort = await closedPort();
    const r = await start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `postgres://hub:s3cret-pw@127.0.0.1:${dbPort}/hub` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Permanence Hub could not start: nothing accepts connections at 127\\.0\\.0\\.1:${dbPort}, the database in DATABASE_URL`));
    expect(r.stderr).not.toContain('s3cret-pw');
    expectOneSentence(r.stderr);
  });

  it('a DATABASE_URL that is not a URL: exit 1 saying what it should look like', async () => {
    const r = await start({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'hub-db' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL is not a valid PostgreSQL URL; it should look like postgres:\/\//);
    expectOneSentence(r.stderr);
  });
});
