// Every refusal of the DfE endpoint, as the D2I pipeline sees it: 400 naming records by [index] (the others
// "Record valid but batch failed", and indeed nothing stored), 401/403/429 retried with its back-off, 413 final.
import { mintToken } from '../../../src/auth/mint-token';
import type { TestHub } from '../../support/test-hub';
import { TEST_SECRET } from '../../support/test-hub';
import { D2iPipelineClient } from './d2i-pipeline-client';
import { feedLength, LA, pipelineFor, startCscHub } from './csc-test-hub';
import { fullPayload } from './d2i-payloads';

let hub: TestHub;
beforeAll(async () => { hub = await startCscHub(); });
afterAll(async () => { await hub.close(); });

const count = async (authority: string) =>
  (await hub.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE authority = $1`, [authority]))[0].n;
const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ personId: `${prefix}${i}`, json: fullPayload({ id: `${prefix}${i}` }) }));
const post = (token: string | null, la: number | string, body: string) => fetch(`${hub.url}/children_social_care_data/${la}/children`, {
  method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body });

describe('400: invalid records', () => {
  it('names each failing record by [index] with field and reason, stores nothing of the batch', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const batch = records('B4-', 5);
    (batch[1].json as any).child_details.date_of_birth = '2021-02-30';
    (batch[3].json as any).child_details.sex = 'X';
    (batch[3].json as any).social_care_episodes[0].child_looked_after_placements = [
      { child_looked_after_placement_id: 'Q-1', start_date: '2023-01-01', start_reason: 'S', placement_type: 'ZZ', purge: false },
    ];
    const feed = await feedLength(hub, 'BDG');
    const results = await pipeline.run(batch);
    const answer = pipeline.exchanges[1];
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.response).errors).toEqual([
      '[1] child_details.date_of_birth: not a date (YYYY-MM-DD)',
      '[3] child_details.sex: not a known sex (M, F or U) code',
      '[3] social_care_episodes.0.child_looked_after_placements.0.placement_type: not a known 903 PLACE (placement type) code',
    ]);
    expect(pipeline.exchanges).toHaveLength(2);
    for (const i of [1, 3]) expect((results!.get(`B4-${i}`) as any).message).toMatch(/^API error \(400\): Malformed Payload — \{/);
    for (const i of [0, 2, 4]) expect(results!.get(`B4-${i}`)).toEqual({ status: 'Error', message: 'API error (400): Malformed Payload — Record valid but batch failed' });
    expect(await count('BDG')).toBe(0);
    expect(await feedLength(hub, 'BDG')).toBe(feed);
  });

  it('finds what only the merged record lacks: a new placement sent without a start date', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const partial = { la_child_id: 'B4-NEW', mis_child_id: 'm', child_details: { first_name: 'Kai' },
      social_care_episodes: [{ social_care_episode_id: 'E1', child_looked_after_placements: [{ child_looked_after_placement_id: 'Z-9', end_date: '2024-01-01' }] }] };
    await pipeline.run([...records('B4-OK', 1), { personId: 'new', json: partial }]);
    expect(JSON.parse(pipeline.exchanges[1].response).errors).toEqual([
      '[1] social_care_episodes.0.child_looked_after_placements.0.start_date: required (the hub holds no start date for this placement)',
      '[1] social_care_episodes.0.child_looked_after_placements.0.start_reason: required (the hub holds no start reason for this placement)',
    ]);
    expect(await count('BDG')).toBe(0);
  });

  it('refuses a body that is not a list of payloads, or not JSON, without naming any record', async () => {
    const token = hub.token('integration', 'BDG', 'bdg-400-shape');
    const notList = await post(token, LA.BDG, '{"la_child_id": "x"}');
    expect(notList.status).toBe(400);
    expect(JSON.stringify(await notList.json())).not.toMatch(/\[\d+\]/);
    const notJson = await post(token, LA.BDG, '[{"la_child_id": ');
    expect(notJson.status).toBe(400);
  });
});

describe('401 and 403: retried by the pipeline, then failed; nothing stored', () => {
  it('401 for a bad or expired token, after three tries 5 s then 10 s apart', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const results = await pipeline.processBatches(records('B1-', 2), pipeline.headers('not.a.token'));
    expect(pipeline.exchanges.map((e) => e.status)).toEqual([401, 401, 401]);
    expect(pipeline.sleeps).toEqual([5, 10]);
    expect(results.get('B1-0')).toEqual({ status: 'Error', message: 'API error (401): Invalid API token — Record valid but batch failed' });
    const expired = mintToken({ sub: 'old', org: 'BDG', roles: ['integration'] }, TEST_SECRET, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: -120 });
    const res = await post(expired, LA.BDG, '[]');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'The token has expired.' });
    expect((await post(null, LA.BDG, '[]')).status).toBe(401);
    expect(await count('BDG')).toBe(0);
  });

  it('403 when an NHM integration token writes BDG (isolation), or a non-integration role writes its own LA', async () => {
    const nhm = await pipelineFor(hub, 'NHM', LA.BDG);
    const results = await nhm.run(records('B3-', 3));
    expect(nhm.exchanges.slice(1).map((e) => e.status)).toEqual([403, 403, 403]);
    expect(results!.get('B3-0')).toMatchObject({ message: 'API error (403): API access disallowed — Record valid but batch failed' });
    const worker = await post(hub.token('social_worker', 'BDG'), LA.BDG, JSON.stringify([fullPayload({ id: 'B3-SW' })]));
    expect(worker.status).toBe(403);
    expect(await count('BDG')).toBe(0);
    expect(await count('NHM')).toBe(0);
  });

  it('404 for an LA number no authority has (a configuration mistake the pipeline does not retry)', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', 999);
    const results = await pipeline.run(records('B04-', 1));
    expect(pipeline.exchanges.slice(1).map((e) => e.status)).toEqual([404]);
    expect((results!.get('B04-0') as any).message).toBe('API error (404): Unexpected Error: 404 — Record valid but batch failed');
  });
});

describe('413: too large, final', () => {
  it('refuses a body over 5 MB and a batch over 1,000 records, and the pipeline does not retry', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const big = records('B13-', 3);
    (big[0].json as any).padding = 'x'.repeat(5 * 1024 * 1024);
    const results = await pipeline.run(big);
    expect(pipeline.exchanges.slice(1).map((e) => e.status)).toEqual([413]);
    expect(results!.get('B13-1')).toEqual({ status: 'Error', message: 'API error (413): Payload exceeds limit — Record valid but batch failed' });
    const many = await post(hub.token('integration', 'BDG', 'bdg-413'), LA.BDG, JSON.stringify(Array.from({ length: 1001 }, () => ({}))));
    expect(many.status).toBe(413);
    expect(await count('BDG')).toBe(0);
  });
});

describe('429: too many requests', () => {
  it('refuses a client past its burst of 30, with Retry-After; the pipeline\'s back-off then gets through', async () => {
    const token = hub.token('integration', 'HAV', 'hav-burst');
    // Sent together, so the bucket regains little meanwhile; what it regained is allowed for from the time taken.
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, () => post(token, LA.HAV, '[]')));
    const elapsed = (Date.now() - started) / 1000;
    const allowed = answers.filter((r) => r.status === 200).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(allowed + refused.length).toBe(40);
    expect(allowed).toBeGreaterThanOrEqual(30);
    expect(allowed).toBeLessThanOrEqual(30 + Math.ceil(2 * elapsed));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => Number(r.headers.get('retry-after')) > 0)).toBe(true);
    expect((await post(hub.token('integration', 'HAV', 'hav-other'), LA.HAV, '[]')).status).toBe(200);

    // Empty the client's bucket (shared by every hub process, in PostgreSQL; it refills 2 a second), so the pipeline
    // meets a 429 first and backs off.
    await hub.t.db.query(`UPDATE rate_limit_bucket SET tokens = 0, at = now() WHERE key = 'hav-burst'`);
    const pipeline = new D2iPipelineClient({ tokenEndpoint: '', apiEndpoint: hub.url, laCode: LA.HAV, clientId: '', clientSecret: '',
      scope: '', supplierKey: 'K', sleep: (s) => new Promise((r) => setTimeout(r, s * 100)) });
    const results = await pipeline.processBatches(records('B29-', 2), pipeline.headers(token));
    expect(pipeline.exchanges[0].status).toBe(429);
    expect(pipeline.exchanges[pipeline.exchanges.length - 1].status).toBe(200);
    expect(results.get('B29-1')).toMatchObject({ status: 'Sent' });
  });
});

describe('token endpoint on a hub that only verifies (JWT_PUBLIC_KEY)', () => {
  it('answers 503 with a clear message instead of minting', async () => {
    const { startHub } = await import('../../../src/server/start-hub');
    const { readEnvironment } = await import('../../../src/config/environment');
    const { generateKeyPairSync } = await import('crypto');
    const { createTestDatabase } = await import('../../support/test-database');
    const t = await createTestDatabase();
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const env = { ...readEnvironment({ JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(), NODE_ENV: 'production' }), port: 0 };
    const other = await startHub(env, t.url, { port: 0 });
    try {
      const res = await fetch(`${other.url}/oauth/token`, { method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' }) });
      expect(res.status).toBe(503);
      expect((await res.json() as any).error_description).toMatch(/JWT_PUBLIC_KEY.*JWT_SECRET/);
    } finally {
      await other.stop();
      await t.close();
    }
  });
});
