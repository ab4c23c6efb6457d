#!/usr/bin/env node
// `npm start`'s first step: transpiles the TypeScript folders into .build/ with swc (about a second), so the running
// hub is plain JavaScript. Running through @swc-node/register instead keeps the swc compiler loaded in the server for
// its whole life (about 75 MB of resident memory) and transpiles on first require. Type checking is `npm test`'s job.
'use strict';
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const out = path.join(root, '.build');
const FOLDERS = ['src', 'schema', 'resolvers', 'entities', 'migrations'];
// The same transform @swc-node/register applies from tsconfig.json: legacy decorators with metadata (type-graphql and
// TypeORM read the design types), class fields assigned in the constructor (useDefineForClassFields: false).
const OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function* tsFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

let count = 0;
for (const folder of FOLDERS) {
  for (const file of tsFiles(path.join(root, folder))) {
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    const { code } = swc.transformFileSync(file, { ...OPTIONS, filename: file });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
    count += 1;
  }
}
if (process.argv.includes('--verbose')) console.error(`transpiled ${count} files into ${path.relative(root, out)}/`);
