// "Refuse any value published in the repository" (issue 8 §3): the list production refuses is checked against the
// repository itself, so a secret written into a file later (a compose default, a test or bench key) cannot be
// deployed by copying it. And docker-compose.yml makes the operator set both secrets.
import * as fs from 'fs';
import * as path from 'path';
import { weakSecretReason } from '../../src/auth/secret-strength';

const ROOT = path.resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', '.data', 'dist', 'coverage', 'shared']);
const TEXT = /\.(ts|js|json|ya?ml|md|sh|env|example|txt|toml)$|^(Dockerfile|docker-compose.*)$/;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && TEXT.test(entry.name) && fs.statSync(full).size < 2_000_000) yield full;
  }
}

/** Literal values given to a secret or password anywhere in the repository: assignments and shell defaults. */
function publishedValues(): Map<string, string> {
  const found = new Map<string, string>();
  const assignment = /\b[A-Z_]*(?:SECRET|PASSWORD)\b["']?\s*[:=]\s*(["'`])([^"'`\s$]{8,})\1/g;
  const shellDefault = /\$\{[A-Z_]*(?:SECRET|PASSWORD):?-([^}]+)\}/g;
  for (const file of files(ROOT)) {
    if (file === __filename) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(assignment)) found.set(m[2], path.relative(ROOT, file));
    for (const m of text.matchAll(shellDefault)) found.set(m[1], path.relative(ROOT, file));
  }
  return found;
}

describe('values published in the repository', () => {
  it('are each refused as a production secret', () => {
    const found = publishedValues();
    // The scan finds the keys the tests and benchmarks use, so it is not looking at nothing.
    expect([...found.keys()]).toEqual(expect.arrayContaining(['test-secret-that-is-long-enough-for-hs256-0123456789']));
    const accepted = [...found].filter(([value]) => weakSecretReason('JWT_SECRET', value) === null);
    expect(accepted).toEqual([]);
  });

  it('include no default for JWT_SECRET or POSTGRES_PASSWORD in docker-compose.yml: compose requires both', () => {
    const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).not.toMatch(/\$\{(JWT_SECRET|POSTGRES_PASSWORD):?-/);
    const uses = [...compose.matchAll(/\$\{(JWT_SECRET|POSTGRES_PASSWORD)(:\?|\})/g)];
    expect(uses.length).toBeGreaterThanOrEqual(3);
    expect(uses.every((m) => m[2] === ':?')).toBe(true);
  });
});
