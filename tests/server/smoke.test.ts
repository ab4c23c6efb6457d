import { seedAuthorities, makeChild } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

describe('the hub over HTTP', () => {
  let h: TestHub;
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    await makeChild(h.t.db, { authority: 'BDG', first_name: 'Amara' });
  });
  afterAll(async () => { await h.close(); });

  it('serves a social worker their own LA child with its authority', async () => {
    const res = await h.gql(h.token('social_worker', 'BDG'), `{ me { org roles } children { totalCount edges { node { firstName lastName authority { code name } } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.me).toEqual({ org: 'BDG', roles: ['social_worker'] });
    expect(res.body.data.children.totalCount).toBe(1);
    expect(res.body.data.children.edges[0].node).toEqual({ firstName: 'Amara', lastName: expect.any(String), authority: { code: 'BDG', name: 'Barking and Dagenham' } });
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});
