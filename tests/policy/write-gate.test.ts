// The write gate (src/policy/write-policy.ts) on every write path, and the database's own rule that a child is
// owned by a local authority. An RAA's integration token once stored 41 children as their owner through the 903
// endpoint; these attacks must all be refused, with nothing stored.
import { ssda903ImportPath } from '../../src/server/ssda903-import-route';
import { writePolicy, writeRefusal, type WritableEntity } from '../../src/policy/write-policy';
import { ROLES, type Role } from '../../src/auth/roles';
import type { Viewer } from '../../src/auth/viewer';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, type TestHub } from '../support/test-hub';
import { childRecord, codeOf, SYNC_CHILDREN, SYNC_HOUSEHOLDS } from '../sync/sync-support';
import { fullPayload } from '../sync/dfe-csc/d2i-payloads';

let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  // An RAA that (wrongly, but the authority table allows it) carries an LA number: the DfE endpoint resolves the
  // address to it, so only the gate's kind check stands between its token and child records it would own.
  await h.t.db.query(`INSERT INTO authority (code, name, kind, la_number) VALUES ('RNUM', 'An RAA with a number', 'REGIONAL_ADOPTION_AGENCY', 990)`);
  h.hub.deps.authorities.invalidate();
});
afterAll(() => h.close());

const childrenOwnedBy = async (code: string) =>
  (await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE authority = $1`, [code]))[0].n;

const extractChild = { sourceId: 'RAA1', sex: 'MALE', dateOfBirth: '2019-01-01', ethnicity: 'WBRI', upn: null, episodes: [] };

async function post903(token: string, authority: string) {
  const res = await fetch(`${h.url}${ssda903ImportPath(authority)}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ collectionYear: 2021, children: [extractChild] }),
  });
  return { status: res.status, body: await res.json() as any };
}

async function postCsc(token: string, laNumber: number) {
  const res = await fetch(`${h.url}/children_social_care_data/${laNumber}/children`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([fullPayload({ id: `CSC${laNumber}` })]),
  });
  return { status: res.status, body: await res.json() as any };
}

describe('an RAA is not a 903 authority: its integration token writes no child records', () => {
  it('is refused by the 903 import endpoint for its own code, and nothing is stored', async () => {
    const r = await post903(h.token('integration', 'ALE'), 'ALE');
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/owned by a local authority/);
    expect(await childrenOwnedBy('ALE')).toBe(0);
  });

  it('is refused by syncChildren for its own code, and nothing is stored', async () => {
    const r = await h.gql(h.token('integration', 'ALE'), SYNC_CHILDREN, { authority: 'ALE', records: [childRecord('RAA3')] });
    expect(codeOf(r.body)).toBe('FORBIDDEN');
    expect(r.body.errors[0].message).toMatch(/owned by a local authority/);
    expect(await childrenOwnedBy('ALE')).toBe(0);
  });

  it('is refused by the DfE endpoint even when the RAA carries an LA number', async () => {
    const r = await postCsc(h.token('integration', 'RNUM'), 990);
    expect(r.status).toBe(403);
    expect(await childrenOwnedBy('RNUM')).toBe(0);
  });

  it('is refused for a token that also holds staff roles (roles never widen what a kind of organisation writes)', async () => {
    const r = await post903(h.token(['raa_manager', 'integration'], 'ALE'), 'ALE');
    expect(r.status).toBe(403);
    expect(await childrenOwnedBy('ALE')).toBe(0);
  });
});

describe('the other checks of the gate, on every path', () => {
  it('refuses an LA token writing another LA, and a staff token writing its own LA', async () => {
    expect((await post903(h.token('integration', 'BDG'), 'HAV')).status).toBe(403);
    expect((await post903(h.token('social_worker', 'HAV'), 'HAV')).status).toBe(403);
    expect((await postCsc(h.token('integration', 'BDG'), 311)).status).toBe(403);
    expect((await postCsc(h.token('social_worker', 'HAV'), 311)).status).toBe(403);
    expect(await childrenOwnedBy('HAV')).toBe(0);
  });

  it('refuses an LA writing households (they are an RAA\'s records)', async () => {
    const r = await h.gql(h.token('integration', 'BDG'), SYNC_HOUSEHOLDS, { agency: 'BDG', records: [{ reference: 'H1', stage: 'ENQUIRY' }] });
    expect(codeOf(r.body)).toBe('FORBIDDEN');
    const [{ n }] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM adopter_household`);
    expect(n).toBe(0);
  });

  it('lets an LA\'s integration token write its own children on all three paths', async () => {
    expect((await post903(h.token('integration', 'BDG'), 'BDG')).status).toBe(200);
    const g = await h.gql(h.token('integration', 'BDG'), SYNC_CHILDREN, { authority: 'BDG', records: [childRecord('OK1')] });
    expect(g.body.data.syncChildren.accepted).toBe(1);
    expect((await postCsc(h.token('integration', 'BDG'), 301)).status).toBe(200);
    expect(await childrenOwnedBy('BDG')).toBe(3);
  });
});

describe('the write table itself (every role × kind of organisation × entity)', () => {
  const viewer = (roles: Role[], org: string, orgKind: Viewer['orgKind']): Viewer =>
    ({ sub: 's', name: null, org, orgKind, raa: null, raaMembers: [], roles });
  const kinds = [['BDG', 'LOCAL_AUTHORITY'], ['ALE', 'REGIONAL_ADOPTION_AGENCY']] as const;

  it('allows exactly: the integration role, the token\'s own organisation, of the owning kind', () => {
    for (const entity of Object.keys(writePolicy) as WritableEntity[]) {
      for (const role of ROLES) {
        for (const [org, kind] of kinds) {
          for (const target of ['BDG', 'ALE']) {
            const allowed = writeRefusal(viewer([role], org, kind), entity, target) === null;
            const expected = role === 'integration' && target === org && writePolicy[entity].ownerKind === kind;
            expect({ entity, role, org, target, allowed }).toEqual({ entity, role, org, target, allowed: expected });
          }
        }
      }
    }
  });
});

describe('the database refuses a child owned by anything but a local authority', () => {
  it('rejects inserting a child for an RAA, whatever path wrote it', async () => {
    await expect(makeChild(h.t.db, { authority: 'ALE' })).rejects.toThrow(/child_owner_is_la/);
  });

  it('rejects turning an LA that owns children into an RAA', async () => {
    await makeChild(h.t.db, { authority: 'NHM' });
    await expect(h.t.db.query(`UPDATE authority SET kind = 'REGIONAL_ADOPTION_AGENCY', raa_code = NULL WHERE code = 'NHM'`))
      .rejects.toThrow(/child_owner_is_la/);
  });
});
