// The D2I pipeline's exchange against the hub, end to end over HTTP and PostgreSQL: token, batches of 100, the
// 200 receipts it splits on '_', full, partial and deletion payloads, idempotency.
import * as jwt from 'jsonwebtoken';
import { makeHousehold, makeMatch } from '../../support/factories';
import type { TestHub } from '../../support/test-hub';
import { addClient, feedLength, LA, pipelineFor, startCscHub } from './csc-test-hub';
import { deletionPayload, fullPayload, partialPayload, type ChildSeed } from './d2i-payloads';

let hub: TestHub;
beforeAll(async () => { hub = await startCscHub(); });
afterAll(async () => { await hub.close(); });

const child = async (sourceId: string, authority = 'BDG') => (await hub.t.db.query<any>(`
  SELECT id, first_name, last_name, date_of_birth::text AS dob, sex, ethnicity, upn, needs, placement_postcode, stage,
    entered_care_on::text AS entered, decision_on::text AS decision, matched_on::text AS matched, placed_on::text AS placed,
    updated_at FROM child WHERE authority = $1 AND source_id = $2`, [authority, sourceId]))[0];
const episodes = async (childId: string) => hub.t.db.query<any>(`
  SELECT source_id, csc_episode_id, decom::text, rne, place, placement_postcode, dec::text, rec FROM care_episode
  WHERE child_id = $1 ORDER BY decom`, [childId]);

const ADOPTED_JOURNEY: ChildSeed = {
  id: 'BDG-C1', firstName: 'Amelia', surname: 'Okoro', dob: '2021-03-04', sex: 'F', ethnicity: 'BAFR', disabilities: ['LD', 'MOB'],
  placements: [
    { id: 'P-1', start: '2022-01-10', reason: 'S', type: 'U1', end: '2023-02-01', endReason: 'X1' },
    { id: 'P-2', start: '2023-02-01', reason: 'P', type: 'A5', postcode: 'RM6 4AB' },
  ],
  adoption: { decision: '2022-06-01', matched: '2023-01-15', placed: '2023-02-01' },
};

describe('token endpoint, as auth.get_oauth_token uses it', () => {
  it('answers a form-encoded client_credentials request with a short-lived integration token for the client\'s authority', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const token = await pipeline.getOauthToken();
    expect(token).toEqual(expect.any(String));
    const answer = JSON.parse(pipeline.exchanges[0].response);
    expect(answer).toEqual({ access_token: token, token_type: 'Bearer', expires_in: 3600 });
    const claims = jwt.decode(token!) as jwt.JwtPayload;
    expect(claims).toMatchObject({ org: 'BDG', roles: ['integration'], iss: 'permanence-hub', aud: 'permanence-hub' });
    expect(claims.exp! - claims.iat!).toBe(3600);
    const me = await hub.gql(token!, '{ me { org roles } }');
    expect(me.body.data.me).toEqual({ org: 'BDG', roles: ['integration'] });
  });

  it('refuses a wrong secret (401 invalid_client), so the pipeline gets no token and sends nothing', async () => {
    const { clientId } = await addClient(hub, 'BDG');
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG, { clientId, clientSecret: 'not-the-secret' });
    expect(await pipeline.run([{ personId: 'x', json: fullPayload({ id: 'NEVER' }) }])).toBeNull();
    expect(pipeline.exchanges).toHaveLength(1);
    expect(pipeline.exchanges[0].status).toBe(401);
    expect(JSON.parse(pipeline.exchanges[0].response).error).toBe('invalid_client');
    expect(await child('NEVER')).toBeUndefined();
  });

  it('answers other malformed requests as RFC 6749 section 5.2 says', async () => {
    const { clientId, clientSecret } = await addClient(hub, 'BDG');
    const post = async (form: Record<string, string>) => {
      const res = await fetch(`${hub.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
      return { status: res.status, body: await res.json() as any, cache: res.headers.get('cache-control') };
    };
    expect(await post({ grant_type: 'password', client_id: clientId, client_secret: clientSecret }))
      .toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await post({ client_id: clientId, client_secret: clientSecret })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await post({ grant_type: 'client_credentials', client_id: clientId })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await post({ grant_type: 'client_credentials', client_id: 'hub_unknown', client_secret: clientSecret }))
      .toMatchObject({ status: 401, body: { error: 'invalid_client' }, cache: 'no-store' });
    const basic = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }),
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
  });
});

describe('submitting children, as api.process_batches does', () => {
  it('stores a full payload: details, placements as episodes, adoption dates, needs; derives milestones and stage', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const results = await pipeline.run([{ personId: 'p1', json: fullPayload(ADOPTED_JOURNEY) }]);
    const sent = pipeline.exchanges[1];
    expect(sent.url).toBe(`${hub.url}/children_social_care_data/301/children`);
    expect(sent.headers).toMatchObject({ 'Content-Type': 'application/json', SupplierKey: 'LIQUIDLOGIC-TEST-KEY' });
    expect(sent.status).toBe(200);
    const c = await child('BDG-C1');
    expect(results!.get('p1')).toEqual({ status: 'Sent', uuid: c.id, timestamp: expect.any(Date) });
    expect(JSON.parse(sent.response)[0]).toMatch(/^\d{4}-\d{2}-\d{2}_\d{2}:\d{2}:\d{2}\.\d{6}_[0-9a-f-]{36}$/);
    expect(c).toMatchObject({
      first_name: 'Amelia', last_name: 'Okoro', dob: '2021-03-04', sex: 'FEMALE', ethnicity: 'BAFR', upn: 'A12345678901B',
      needs: ['LEARNING_DISABILITY', 'PHYSICAL_DISABILITY'], placement_postcode: 'RM6 4AB',
      entered: '2022-01-10', decision: '2022-06-01', matched: '2023-01-15', placed: '2023-02-01', stage: 'MATCHED_PLACED',
    });
    expect(await episodes(c.id)).toEqual([
      { source_id: 'P-1', csc_episode_id: 'REF-BDG-C1', decom: '2022-01-10', rne: 'S', place: 'U1', placement_postcode: 'IG11 7LU', dec: '2023-02-01', rec: 'X1' },
      { source_id: 'P-2', csc_episode_id: 'REF-BDG-C1', decom: '2023-02-01', rne: 'P', place: 'A5', placement_postcode: 'RM6 4AB', dec: null, rec: null },
    ]);
    const feed = await hub.t.db.query(`SELECT entity_id, source_id, operation FROM change_log WHERE authority = 'BDG' AND source_id = 'BDG-C1'`);
    expect(feed).toEqual([{ entity_id: c.id, source_id: 'BDG-C1', operation: 'UPSERT' }]);
  });

  it('changes nothing when the same payload is sent again (no change-feed entry, same child)', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const before = await child('BDG-C1');
    const feed = await feedLength(hub, 'BDG');
    const results = await pipeline.run([{ personId: 'p1', json: fullPayload(ADOPTED_JOURNEY) }]);
    expect(results!.get('p1')).toMatchObject({ status: 'Sent', uuid: before.id });
    expect(await feedLength(hub, 'BDG')).toBe(feed);
    expect((await child('BDG-C1')).updated_at).toEqual(before.updated_at);
  });

  it('applies the partial payload payload.py derives: only what changed, list items matched by their id', async () => {
    const previous = fullPayload(ADOPTED_JOURNEY);
    const current = fullPayload({
      ...ADOPTED_JOURNEY, surname: 'Okoro-Smith',
      placements: [ADOPTED_JOURNEY.placements![0], { ...ADOPTED_JOURNEY.placements![1], end: '2024-03-01', endReason: 'E11' }],
    });
    const partial = partialPayload(current, previous);
    const episode = (partial.social_care_episodes as any[])[0];
    // payload.py always keeps a matched item's id, so an unchanged placement travels as its id alone.
    expect(episode.child_looked_after_placements).toEqual([
      { child_looked_after_placement_id: 'P-1' },
      { end_date: '2024-03-01', end_reason: 'E11', child_looked_after_placement_id: 'P-2' },
    ]);
    const feed = await feedLength(hub, 'BDG');
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const results = await pipeline.run([{ personId: 'p1', json: partial }]);
    expect(results!.get('p1')!.status).toBe('Sent');
    const c = await child('BDG-C1');
    expect(c).toMatchObject({ last_name: 'Okoro-Smith', first_name: 'Amelia', stage: 'ADOPTED', placed: '2023-02-01' });
    expect((await episodes(c.id)).map((e: any) => [e.source_id, e.rne, e.place, e.dec, e.rec]))
      .toEqual([['P-1', 'S', 'U1', '2023-02-01', 'X1'], ['P-2', 'P', 'A5', '2024-03-01', 'E11']]);
    expect(await feedLength(hub, 'BDG')).toBe(feed + 1);
  });

  it('erases just a block or list item sent with purge: true', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    const purge = {
      la_child_id: 'BDG-C1', mis_child_id: 'Supplier-BDG-C1', child_details: { purge: false },
      social_care_episodes: [{ social_care_episode_id: 'REF-BDG-C1', purge: false,
        child_looked_after_placements: [{ child_looked_after_placement_id: 'P-2', purge: true }], adoption: { purge: true } }],
    };
    const results = await pipeline.run([{ personId: 'p1', json: purge }]);
    expect(results!.get('p1')!.status).toBe('Sent');
    const c = await child('BDG-C1');
    expect((await episodes(c.id)).map((e: any) => e.source_id)).toEqual(['P-1']);
    expect(c).toMatchObject({ first_name: 'Amelia', placed: null, matched: null, decision: null, stage: null, entered: '2022-01-10' });
    expect(await hub.t.db.query(`SELECT * FROM child_csc_adoption WHERE child_id = $1`, [c.id])).toEqual([]);
  });

  it('erases a child sent as a deletion, with its episodes and matches, and says DELETE in the feed once', async () => {
    const pipeline = await pipelineFor(hub, 'BDG', LA.BDG);
    await pipeline.run([{ personId: 'p9', json: fullPayload({ ...ADOPTED_JOURNEY, id: 'BDG-DEL',
      placements: [{ id: 'P-DEL', start: '2022-01-10', reason: 'S', type: 'U1' }] }) }]);
    const c = await child('BDG-DEL');
    await makeMatch(hub.t.db, await makeHousehold(hub.t.db, { agency: 'ALE' }), c.id, 'LINKED');
    const results = await pipeline.run([{ personId: 'p9', json: deletionPayload(fullPayload({ id: 'BDG-DEL' })) }]);
    expect(results!.get('p9')).toMatchObject({ status: 'Sent', uuid: c.id });
    expect(await child('BDG-DEL')).toBeUndefined();
    for (const table of ['care_episode', 'adoption_match', 'child_csc_adoption']) {
      expect(await hub.t.db.query(`SELECT 1 FROM ${table} WHERE child_id = $1`, [c.id])).toEqual([]);
    }
    const deletes = () => hub.t.db.query(`SELECT entity_id FROM change_log WHERE source_id = 'BDG-DEL' AND operation = 'DELETE'`);
    expect(await deletes()).toEqual([{ entity_id: c.id }]);
    await pipeline.run([{ personId: 'p9', json: deletionPayload(fullPayload({ id: 'BDG-DEL' })) }]);
    expect(await deletes()).toHaveLength(1);
  });

  it('sends 250 records in batches of 100 and records one receipt per child, in order', async () => {
    const pipeline = await pipelineFor(hub, 'HAV', LA.HAV);
    const records = Array.from({ length: 250 }, (_, i) => ({
      personId: `h${i}`, json: fullPayload({ id: `HAV-${i}`, placements: [{ id: `HP-${i}`, start: '2023-04-01', reason: 'S', type: 'U3' }] }),
    }));
    const results = await pipeline.run(records);
    expect(pipeline.exchanges.slice(1).map((e) => JSON.parse(e.body).length)).toEqual([100, 100, 50]);
    const ids = new Map((await hub.t.db.query<{ id: string; source_id: string }>(`SELECT id, source_id FROM child WHERE authority = 'HAV'`))
      .map((r) => [r.source_id, r.id]));
    expect(ids.size).toBe(250);
    for (let i = 0; i < 250; i += 1) expect(results!.get(`h${i}`)).toMatchObject({ status: 'Sent', uuid: ids.get(`HAV-${i}`) });
  });

  it('accepts the documented {"la_code", "Children"} wrapper, and refuses one naming another LA', async () => {
    const { clientId, clientSecret } = await addClient(hub, 'NHM');
    const tokenRes = await fetch(`${hub.url}/oauth/token`, { method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'x' }) });
    const token = (await tokenRes.json() as any).access_token;
    const send = (body: unknown) => fetch(`${hub.url}/children_social_care_data/316/children`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await send({ la_code: 316, Children: fullPayload({ id: 'NHM-W1' }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual([expect.stringMatching(new RegExp(`_${(await child('NHM-W1', 'NHM')).id}$`))]);
    const wrong = await send({ la_code: 301, Children: fullPayload({ id: 'NHM-W2' }) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errors: ['[0] la_code: not the LA number in the address'] });
    expect(await child('NHM-W2', 'NHM')).toBeUndefined();
  });
});
