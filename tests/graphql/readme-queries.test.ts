import * as fs from 'fs';
import * as path from 'path';
import { parse, validate } from 'graphql';
import { buildHubSchema } from '../../schema/build-schema';

/** The README's example operations are what a newcomer copies first: each must stay valid against the schema. */
describe('the README example queries', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b, i) => [i + 1, b]))('example %i is valid against the schema', (_i, block) => {
    expect(validate(buildHubSchema(), parse(block)).map((e) => e.message)).toEqual([]);
  });
});
