import * as fs from 'fs';
import * as path from 'path';
import { printHubSchema } from '../../schema/build-schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` and commit it when this fails)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printHubSchema());
  });
});
