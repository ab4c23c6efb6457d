#!/usr/bin/env node
// The `hub` command: runs the TypeScript CLI directly (no build step), with decorator metadata for TypeORM.
require('@swc-node/register');
require('../src/cli/hub.ts');
