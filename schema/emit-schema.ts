import * as fs from 'fs';
import * as path from 'path';
import { printHubSchema } from './build-schema';

/** `npm run schema`: writes schema/schema.graphql from the code (a test fails when it is out of date). */
const target = path.join(__dirname, 'schema.graphql');
fs.writeFileSync(target, printHubSchema());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
