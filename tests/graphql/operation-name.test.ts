import { startTestHub, TestHub } from '../support/test-hub';

// A document whose operation cannot be chosen is the client's mistake (BAD_USER_INPUT with a sentence), not an
// internal error: an explorer that sends the previous tab's operationName met exactly this.
let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.t.db.query(`INSERT INTO authority (code, name, kind) VALUES ('ALE', 'Adopt London East', 'REGIONAL_ADOPTION_AGENCY') ON CONFLICT DO NOTHING`);
  token = hub.token('family_finder', 'ALE');
}, 60_000);
afterAll(async () => { await hub?.close(); });

it('answers an operationName the document does not hold with BAD_USER_INPUT', async () => {
  const res = await hub.gql(token, 'query A { me { org } }', {}, 'SyncChildren');
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Unknown operation named "SyncChildren".', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
});

it('answers several operations without an operationName with BAD_USER_INPUT', async () => {
  const res = await hub.gql(token, 'query A { me { org } } query B { me { sub } }');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.body.errors[0].message).toBe("Must provide operation name if query contains multiple operations.");
});

it('still runs the operation named', async () => {
  const res = await hub.gql(token, 'query A { me { org } } query B { me { sub } }', {}, 'A');
  expect(res.body).toEqual({ data: { me: { org: 'ALE' } } });
});
