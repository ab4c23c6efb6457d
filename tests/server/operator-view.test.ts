import { operationPolicy } from '../../src/policy/operation-policy';
import { readEnvironment } from '../../src/config/environment';
import { configureHubLog, safeError } from '../../src/server/hub-log';
import { startupSummary } from '../../src/server/startup-summary';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, type TestHub } from '../support/test-hub';

/** Every JSON line the hub logs during this file's tests. */
const lines: string[] = [];
configureHubLog({ level: 'info', destination: { write: (s: string) => { lines.push(s); } } });
const logged = (): Record<string, any>[] => lines.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l));

let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  await makeChild(h.t.db, { authority: 'BDG', first_name: 'Zephyrine', last_name: 'Quillfeather', source_id: 'BDG-LOG-1' });
});
afterAll(() => h.close());

async function post(token: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${h.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });
}

describe('the request log', () => {
  it('writes one JSON line per request with its id, operation, viewer org and role, status and duration', async () => {
    const token = h.token('social_worker', 'BDG');
    const res = await post(token, {
      query: 'query FindChildren($f: ChildFilter) { children(filter: $f) { edges { node { firstName lastName } } } }',
      variables: { f: { lastName: 'Quillfeather' } }, operationName: 'FindChildren',
    });
    const body = await res.json() as any;
    expect(body.data.children.edges[0].node).toEqual({ firstName: 'Zephyrine', lastName: 'Quillfeather' });
    const requestId = res.headers.get('x-request-id');
    const mine = logged().filter((l) => l.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 'info', event: 'request', requestId, method: 'POST', route: '/graphql', status: 200,
      operation: 'children', operationName: 'FindChildren', viewerOrg: 'BDG', viewerRoles: ['social_worker'],
    });
    expect(typeof mine[0].durationMs).toBe('number');
    expect(typeof mine[0].time).toBe('string');
    // Nothing of the token, the variables or the data served.
    const all = lines.join('');
    for (const secret of [token, token.split('.')[2], 'Zephyrine', 'Quillfeather']) expect(all).not.toContain(secret);
  });

  it('logs a sync batch as counts, without the records or the token', async () => {
    const token = h.token('integration', 'BDG');
    const res = await post(token, {
      query: 'mutation S($r: [ChildRecordInput!]!) { syncChildren(authority: "BDG", records: $r) { accepted changed rejected { index } } }',
      variables: { r: [{ sourceId: 'LOG-2', firstName: 'Marigoldina', lastName: 'Thistlewaite', dateOfBirth: '2020-02-02', sex: 'MALE' },
        { sourceId: 'LOG-3', dateOfBirth: '2020-02-30' }] },
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    const sync = logged().find((l) => l.event === 'sync.children' && l.requestId === requestId);
    expect(sync).toMatchObject({ authority: 'BDG', received: 2, accepted: 1, rejected: 1 });
    const line = logged().find((l) => l.event === 'request' && l.requestId === requestId);
    expect(line).toMatchObject({ operation: 'syncChildren', viewerOrg: 'BDG', viewerRoles: ['integration'] });
    const all = lines.join('');
    for (const secret of [token, 'Marigoldina', 'Thistlewaite', '2020-02-02', '2020-02-30']) expect(all).not.toContain(secret);
  });

  it('a refused token is logged with its status, and the token itself is not', async () => {
    const res = await post('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW5vdC12YWxpZA', { query: '{ me { org } }' });
    const requestId = res.headers.get('x-request-id');
    const line = logged().find((l) => l.event === 'request' && l.requestId === requestId);
    expect(line).toMatchObject({ route: '/graphql' });
    expect(lines.join('')).not.toContain('c2lnbmF0dXJlLW5vdC12YWxpZA');
  });

  it('a database error is logged without the values its message quotes, and without its parameters', () => {
    const pgError = Object.assign(new Error('invalid input syntax for type date: "2019-02-30"'), { code: '22007' });
    const failed = Object.assign(new Error('duplicate key value violates unique constraint "child_pkey"'), {
      name: 'QueryFailedError', parameters: ['Zephyrine', 'Quillfeather'], query: 'INSERT INTO child ...',
      driverError: { detail: 'Key (source_id)=(BDG-LOG-1) already exists.' },
    });
    const text = JSON.stringify([safeError(pgError), safeError(failed)]);
    expect(text).not.toMatch(/2019-02-30|Zephyrine|Quillfeather|BDG-LOG-1|INSERT INTO/);
    expect(safeError(pgError)).toMatchObject({ type: 'Error', code: '22007', message: 'invalid input syntax for type date: [value]' });
  });

  it('the startup summary names mode, database host, auth and listen address, never the database password', () => {
    const env = readEnvironment({ NODE_ENV: 'production', DATABASE_URL: 'postgres://hub:Sup3r-s3cret@db.internal:5433/hub', JWT_SECRET: 'x'.repeat(40), HOST: '0.0.0.0', PORT: '8080' });
    const summary = startupSummary(env, { databaseUrl: env.databaseUrl!, embedded: false, address: { address: '0.0.0.0', port: 8080, family: 'IPv4' }, readySeconds: 1.5 });
    expect(summary).toMatchObject({ event: 'startup', mode: 'production', database: 'db.internal:5433', listen: '0.0.0.0:8080' });
    expect(summary.auth).toEqual(['JWT_SECRET: HS256 tokens from the hub (hub token, POST /oauth/token)']);
    expect(JSON.stringify(summary)).not.toContain('Sup3r-s3cret');
  });
});

describe('/metrics', () => {
  const metrics = async (): Promise<string> => (await fetch(`${h.url}/metrics`)).text();

  it('keeps operation and route labels bounded whatever names clients choose', async () => {
    const token = h.token('family_finder', 'ALE');
    for (let i = 0; i < 5; i += 1) {
      await post(token, { query: `query ClientChosen${i}x { me { org } }`, operationName: `ClientChosen${i}x` });
      await post(token, { query: `{ notAField${i}y }` });
      await fetch(`${h.url}/no-such-page-${i}z/${i}`);
    }
    const text = await metrics();
    expect(text).not.toMatch(/ClientChosen|notAField|no-such-page/);
    const operations = new Set([...text.matchAll(/hub_graphql_operation_duration_seconds_count\{operation="([^"]*)"/g)].map((m) => m[1]));
    expect(operations.has('me')).toBe(true);
    expect(operations.has('other')).toBe(true);
    for (const op of operations) expect(op === 'other' || op in operationPolicy).toBe(true);
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{method="GET",route="other",status="404"\} [1-9]/);
  });

  it('has request latency histograms by operation and HTTP status, pool usage and process metrics', async () => {
    const text = await metrics();
    expect(text).toMatch(/# TYPE hub_graphql_operation_duration_seconds histogram/);
    expect(text).toMatch(/hub_graphql_operation_duration_seconds_bucket\{le="0\.1",operation="children",outcome="ok"\} \d+/);
    expect(text).toMatch(/hub_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/hub_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/hub_db_pool_connections\{state="waiting"\} \d+/);
    // The compiled reads' own pool: the GraphQL reads above ran on it.
    expect(text).toMatch(/hub_db_read_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/hub_db_read_pool_connections\{state="waiting"\} \d+/);
    expect(text).toMatch(/\nhub_db_read_pool_max_connections [1-9]/);
    expect(text).toMatch(/\nprocess_cpu_user_seconds_total \d/);
    expect(text).toMatch(/\nnodejs_heap_size_used_bytes \d/);
    expect(text).toMatch(/\nhub_sql_statements_total [1-9]/);
  });
});
