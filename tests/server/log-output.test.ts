// The operational log on stdout (src/server/hub-log.ts): request lines are written in batches, but an operator
// tailing a quiet hub still sees every line within a second, a startup or failure line is written at once after the
// request lines before it, and whatever is gathered is written when the process exits.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(__dirname, 'log-writer.script.ts');

/** Runs the log writer in `mode`; resolves with the JSON lines it wrote once `lines` have arrived or it has exited. */
function linesFrom(mode: string, lines: number): { child: ChildProcess; written: Promise<Record<string, unknown>[]> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPT, mode], {
    cwd: ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const written = new Promise<Record<string, unknown>[]>((resolve) => {
    let out = '';
    const parsed = () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.endsWith('\n') && parsed().length >= lines) resolve(parsed());
    });
    child.once('exit', () => resolve(parsed()));
  });
  return { child, written };
}

describe('the log on stdout', () => {
  const running: ChildProcess[] = [];
  afterEach(() => { for (const c of running.splice(0)) c.kill('SIGKILL'); });

  it('writes request lines of a quiet process without waiting for the process to end or the batch to fill', async () => {
    const { child, written } = linesFrom('idle', 2);
    running.push(child);
    const lines = await written;
    expect(child.exitCode).toBeNull();
    expect(lines.map((l) => [l.event, l.n])).toEqual([['request', 1], ['request', 2]]);
  }, 30_000);

  it('writes a startup line after the request lines logged before it, in their order', async () => {
    const { child, written } = linesFrom('event', 3);
    running.push(child);
    expect((await written).map((l) => [l.event, l.n])).toEqual([['request', 1], ['request', 2], ['startup', 3]]);
  }, 30_000);

  it('writes the gathered request lines when the process exits', async () => {
    const { child, written } = linesFrom('exit', 2);
    running.push(child);
    const lines = await written;
    expect(lines.map((l) => [l.event, l.n])).toEqual([['request', 1], ['request', 2]]);
  }, 30_000);
});
