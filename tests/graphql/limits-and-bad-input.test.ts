import { configureHubLog } from '../../src/server/hub-log';
import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

describe('limits and bad input', () => {
  let h: TestHub;
  let ff: string;
  beforeAll(async () => {
    h = await startTestHub({ limits: { maxDepth: 6, maxCost: 3000 } });
    await seedAuthorities(h.t.db);
    const g = await makeSiblingGroup(h.t.db, 'BDG');
    await makeChild(h.t.db, { authority: 'BDG', sibling_group_id: g });
    ff = h.token('family_finder', 'ALE');
  });
  afterAll(async () => { await h.close(); });

  const expectCode = (res: { status: number; body: any }, code: string) => {
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\bat \w+ \(|node_modules|SELECT |stacktrace|\.ts:\d+/);
    return res.body.errors[0].message as string;
  };

  it('refuses a query nested too deep (TOO_COMPLEX), counting fragments', async () => {
    const q = `query { children { edges { node { siblingGroup { children { siblingGroup { children { id } } } } } } } }`;
    expectCode(await h.gql(ff, q), 'TOO_COMPLEX');
    const viaFragment = `fragment Deep on SiblingGroup { children { siblingGroup { children { id } } } }
      query { children { edges { node { siblingGroup { ...Deep } } } } }`;
    expectCode(await h.gql(ff, viaFragment), 'TOO_COMPLEX');
  });

  it('applies the cost limit with the request variables', async () => {
    const q = `query P($n: Int) { children(first: $n) { edges { node { id firstName siblingGroup { children { id firstName stage } } } } } }`;
    expect((await h.gql(ff, q, { n: 2 })).body.errors).toBeUndefined();
    const msg = expectCode(await h.gql(ff, q, { n: 100 }), 'TOO_COMPLEX');
    expect(msg).toMatch(/limit/);
    // The same document again: a pass is remembered only for its own variables, never for others.
    expect((await h.gql(ff, q, { n: 2 })).body.errors).toBeUndefined();
    expectCode(await h.gql(ff, q, { n: 100 }), 'TOO_COMPLEX');
  });

  it('answers malformed GraphQL with BAD_USER_INPUT', async () => {
    const msg = expectCode(await h.gql(ff, '{ children { edges { node { id } }'), 'BAD_USER_INPUT');
    expect(msg).toMatch(/Syntax Error/);
  });

  it('answers an unknown field with BAD_USER_INPUT naming it', async () => {
    const msg = expectCode(await h.gql(ff, '{ children { edges { node { favouriteColour } } } }'), 'BAD_USER_INPUT');
    expect(msg).toContain('favouriteColour');
  });

  it('answers an invalid id, cursor or page size with BAD_USER_INPUT', async () => {
    expectCode(await h.gql(ff, '{ child(id: "not-a-uuid") { id } }'), 'BAD_USER_INPUT');
    expectCode(await h.gql(ff, '{ children(after: "garbage!!") { totalCount } }'), 'BAD_USER_INPUT');
    const huge = expectCode(await h.gql(ff, '{ children(first: 100000000) { totalCount } }'), 'BAD_USER_INPUT');
    expect(huge).toMatch(/between 1 and 100/);
    expectCode(await h.gql(ff, '{ children(first: 0) { totalCount } }'), 'BAD_USER_INPUT');
    expectCode(await h.gql(ff, 'query Q($f: Int) { children(first: $f) { totalCount } }', { f: 'lots' }), 'BAD_USER_INPUT');
  });

  it('answers a body that is not JSON without a stack trace', async () => {
    const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ff}` }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/node_modules|at \w+ \(/);
  });

  it('masks an internal failure to a generic error with a request id matching the server log', async () => {
    const spy = jest.spyOn(h.hub.deps.db, 'query').mockRejectedValueOnce(new Error('relation "child" does not exist: SELECT secret FROM child'));
    const errors: string[] = [];
    configureHubLog({ level: 'error', destination: { write: (line: string) => { errors.push(line); } } });
    const res = await h.gql(ff, '{ children { totalCount } }');
    configureHubLog();
    spy.mockRestore();
    expect(res.status).toBe(200);
    const e = res.body.errors[0];
    expect(e.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.body)).not.toMatch(/relation|SELECT|secret/);
    expect(e.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = errors.map((l) => JSON.parse(l)).find((l) => l.event === 'request.failed');
    expect(logged).toMatchObject({ level: 'error', requestId: e.extensions.requestId, err: { type: 'Error' } });
  });

  it('offers no introspection in production', async () => {
    const prod = await startTestHub({ production: true });
    try {
      await seedAuthorities(prod.t.db);
      const res = await prod.gql(prod.token('family_finder', 'ALE'), '{ __schema { types { name } } }');
      expect(res.body.data?.__schema).toBeUndefined();
      expect(res.body.errors[0].message).toMatch(/introspection/i);
      const landing = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toMatch(/sandbox|embeddable/i);
    } finally {
      await prod.close();
    }
  });
});
