import { randomUUID } from 'crypto';
import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { bornMonthsAgo, suggestionsFor } from './matching-fixtures';

const DOB = bornMonthsAgo(27);
const SECRETS = ['Okafor', DOB, '1 Example Road', 'RM1 1AA', 'Heterosexual', 'Adopter', 'Birth mother'];

describe('matching respects who may see what', () => {
  let h: TestHub;
  let nhmChild: string;
  let bdgChild: string;
  let changedPlan: string;
  let kentChild: string;
  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    nhmChild = await makeChild(sql, { authority: 'NHM', first_name: 'Amara', last_name: 'Okafor', date_of_birth: DOB, needs: ['FASD'] });
    bdgChild = await makeChild(sql, { authority: 'BDG', first_name: 'Leo' });
    changedPlan = await makeChild(sql, { authority: 'NHM', first_name: 'Pat', stage: 'PLAN_CHANGED' });
    kentChild = await makeChild(sql, { authority: 'KEN', first_name: 'Kit' });
    await makeHousehold(sql, { agency: 'ALE', reference: 'ALE-1', lives_in: 'NHM', approved_max_children: 1, approved_siblings: false,
      needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
    await makeHousehold(sql, { agency: 'APSE', reference: 'APSE-1', lives_in: 'KEN' });
  });
  afterAll(async () => { await h.close(); });

  it("gives an LA social worker suggestions for their own LA's children only", async () => {
    const sw = h.token('social_worker', 'NHM');
    const own = await suggestionsFor(h, sw, nhmChild);
    expect(own!.map((s) => s.household.reference)).toEqual(['ALE-1']);
    expect(await suggestionsFor(h, sw, bdgChild)).toBeNull();
    expect(await suggestionsFor(h, sw, randomUUID())).toBeNull();
  });

  it('answers a child outside the scope exactly as an absent one', async () => {
    const ff = h.token('family_finder', 'ALE');
    expect(await suggestionsFor(h, ff, changedPlan)).toBeNull();
    expect(await suggestionsFor(h, ff, kentChild)).toBeNull();
    expect(await suggestionsFor(h, ff, randomUUID())).toBeNull();
    expect(await suggestionsFor(h, h.token('family_finder', 'APSE'), nhmChild)).toBeNull();
  });

  it('serves a social worker only the household fields the policy allows them', async () => {
    const res = await h.gql(h.token('social_worker', 'NHM'), `query($id: ID!) { matchSuggestions(childId: $id) {
      household { reference approvedFor { maxChildren } livesIn address sexualOrientation postcode } } }`, { id: nhmChild });
    const household = res.body.data.matchSuggestions[0].household;
    expect(household).toEqual({ reference: 'ALE-1', approvedFor: { maxChildren: 1 }, livesIn: 'NHM', address: null, sexualOrientation: null, postcode: null });
    const refused = res.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code]).sort();
    expect(refused).toEqual([
      ['matchSuggestions.0.household.address', 'FORBIDDEN'], ['matchSuggestions.0.household.postcode', 'FORBIDDEN'],
      ['matchSuggestions.0.household.sexualOrientation', 'FORBIDDEN'],
    ]);
    const adopters = await h.gql(h.token('social_worker', 'NHM'), `query($id: ID!) { matchSuggestions(childId: $id) { household { adopters { lastName } } } }`, { id: nhmChild });
    expect(JSON.stringify(adopters.body.data)).not.toContain('Adopter');
  });

  it('never puts a field the viewer may not read into a reason', async () => {
    for (const token of [h.token('social_worker', 'NHM'), h.token('family_finder', 'ALE'), h.token('raa_manager', 'ALE')]) {
      const list = await suggestionsFor(h, token, nhmChild);
      const text = list!.flatMap((s) => [...s.reasonsFor, ...s.reasonsAgainst]).join(' | ');
      expect(text).toContain('Amara is 2 years 3 months');
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('refuses roles without family finding, and the reverse search to a social worker', async () => {
    for (const [role, org] of [['la_analyst', 'NHM'], ['auditor', 'ALE'], ['integration', 'NHM']] as const) {
      const res = await h.gql(h.token(role, org), `query($id: ID!) { matchSuggestions(childId: $id) { score } }`, { id: nhmChild });
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const res = await h.gql(h.token('social_worker', 'NHM'), `query($id: ID!) { childSuggestions(householdId: $id) { score } }`, { id: randomUUID() });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('records the child read in the audit trail', async () => {
    await suggestionsFor(h, h.token('family_finder', 'ALE', 'ff-audit'), nhmChild);
    const rows = await h.t.db.query<{ fields: string[]; owner_authority: string }>(
      `SELECT fields, owner_authority FROM access_log WHERE viewer_sub = 'ff-audit' AND child_id = $1`, [nhmChild]);
    expect(rows).toHaveLength(1);
    expect(rows[0].owner_authority).toBe('NHM');
    expect(rows[0].fields).toEqual(expect.arrayContaining(['firstName', 'ageMonths', 'needs', 'stage']));
  });

  it('rejects a malformed id as bad input', async () => {
    const res = await h.gql(h.token('family_finder', 'ALE'), `{ matchSuggestions(childId: "nope") { score } }`);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
