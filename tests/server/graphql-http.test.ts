import * as http from 'http';
import { seedAuthorities } from '../support/factories';
import { startTestHub, type TestHub } from '../support/test-hub';

/**
 * POST /graphql is answered by Node's HTTP server straight to Apollo (src/server/graphql-http.ts), not through
 * Express. A client must not be able to tell: the same limits, errors and headers as every other route.
 */
let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
});
afterAll(() => h.close());

/** A raw POST (so the test controls the body's framing: declared length or chunked). */
function rawPost(headers: Record<string, string>, chunks: (string | Buffer)[]): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(`${h.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: url.port, path: '/graphql', method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const QUERY = JSON.stringify({ query: '{ authorities { code } }' });

describe('POST /graphql', () => {
  it('answers a JSON request with its request id and an exact content length', async () => {
    const token = h.token('raa_manager', 'ALE');
    const res = await rawPost({ 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` }, [QUERY]);
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(JSON.parse(res.body).data.authorities.length).toBeGreaterThan(0);
  });

  it('reads a body sent in many chunks', async () => {
    const token = h.token('raa_manager', 'ALE');
    const res = await rawPost({ 'content-type': 'application/json', authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' }, QUERY.split(''));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.authorities.length).toBeGreaterThan(0);
  });

  it('refuses a body over 5 MB with 413, whether its length is declared or not, and keeps serving', async () => {
    const big = `{"query":"{ authorities { code } }","variables":{"x":"${'a'.repeat(5 * 1024 * 1024)}"}}`;
    const declared = await rawPost({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, [big]);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: 'payload too large', requestId: declared.headers['x-request-id'] });
    const chunked = await rawPost({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [big.slice(0, 3_000_000), big.slice(3_000_000)]);
    expect(chunked.status).toBe(413);
    const token = h.token('raa_manager', 'ALE');
    expect((await h.gql(token, '{ authorities { code } }')).status).toBe(200);
  });

  it('answers a body that is JSON but not an object or array as BAD_USER_INPUT', async () => {
    const res = await rawPost({ 'content-type': 'application/json' }, ['"just a string"']);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', requestId: res.headers['x-request-id'] });
  });

  it('leaves other content types to the Express route, which refuses them as before (no CSRF-able simple POST)', async () => {
    const token = h.token('raa_manager', 'ALE');
    const res = await rawPost({ 'content-type': 'text/plain', authorization: `Bearer ${token}` }, [QUERY]);
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toMatch(/"authorities"/);
  });
});
