import * as fs from 'fs';
import * as path from 'path';

/**
 * The checkout's root (the folder holding the hub's package.json), found by walking up from this file. The hub runs
 * both from its TypeScript sources (tests, the CLI) and from the transpiled copy `npm start` runs (.build/), so files
 * that ship beside the code (pages, node_modules assets, .data) are located from the root, never from __dirname.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'permanence-hub') return dir;
    if (path.dirname(dir) === dir) throw new Error(`the hub's package.json was not found above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

/** A path inside the checkout, e.g. `projectPath('src', 'pages', 'explorer')`. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
