import { execute, parse } from 'graphql';
import { RequestContext } from '../../src/context/request-context';
import { ShapedResult } from '../../src/compiler/result-shaper';
import { REFUSED } from '../../src/policy/enforce';
import { buildHubSchema } from '../../schema/build-schema';

// Issue 8 §5: a policed record that reaches the response without its refusal marker is an error, never served whole.
// The hub's real schema runs here with a context whose compiled statement hands back the given record.
describe('the field guard fails closed', () => {
  const viewer = { sub: 'ff@ale', name: null, org: 'ALE', orgKind: 'REGIONAL_ADOPTION_AGENCY', raa: 'ALE', raaMembers: ['BDG'], roles: ['family_finder'] };

  async function serve(record: unknown, query = `{ child(id: "00000000-0000-4000-8000-000000000001") { id firstName lastName } }`) {
    const compiled = Promise.resolve(new ShapedResult(new Map([['child', { column: 'r0' }]]), { r0: record }));
    const contextValue = { viewer, compiled } as unknown as RequestContext;
    return execute({ schema: buildHubSchema(), document: parse(query), contextValue });
  }

  it('refuses a Child that arrives without its refusal marker: no field of it is served', async () => {
    const res = await serve({ id: 'c1', firstName: 'Ada', lastName: 'Secretsurname' });
    expect(res.data).toEqual({ child: null });
    expect(res.errors?.map((e) => e.message)).toEqual(['A Child arrived without its policy marker; it was not served.']);
    expect(JSON.stringify(res)).not.toMatch(/Secretsurname|Ada/);
  });

  it('refuses an unmarked record nested inside a marked one (a sibling group\'s child)', async () => {
    const res = await serve({ id: 'c1', $r: [], siblingGroup: { id: 'g1', $r: [], children: [{ id: 'c2', firstName: 'Bea' }] } },
      `{ child(id: "00000000-0000-4000-8000-000000000001") { id siblingGroup { id children { id firstName } } } }`);
    expect(JSON.stringify(res.data)).not.toMatch(/Bea|c2/);
    expect(res.errors?.map((e) => e.message)).toEqual(['A Child arrived without its policy marker; it was not served.']);
  });

  it('serves a marked record, and a field its marker refuses is null with FORBIDDEN at its path', async () => {
    const res = await serve({ id: 'c1', firstName: 'Ada', lastName: null, $r: ['lastName'] });
    expect(res.data).toEqual({ child: { id: 'c1', firstName: 'Ada', lastName: null } });
    expect(res.errors?.map((e) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['child', 'lastName']]]);
  });

  it('accepts a policed row from a loader (the REFUSED set) and refuses its withheld fields', async () => {
    const res = await serve(Object.assign({ id: 'c1', firstName: 'Ada', lastName: null }, { [REFUSED]: new Set(['lastName']) }));
    expect(res.data).toEqual({ child: { id: 'c1', firstName: 'Ada', lastName: null } });
    expect(res.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
