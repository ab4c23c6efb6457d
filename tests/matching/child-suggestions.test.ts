import { randomUUID } from 'crypto';
import { makeChild, makeHousehold, makeMatch, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { bornMonthsAgo } from './matching-fixtures';

const QUERY = `query($id: ID!, $all: Boolean) { childSuggestions(householdId: $id, includeExcluded: $all) {
  score excluded livesInChildsAuthority reasonsFor reasonsAgainst children { firstName } siblingGroup { placeTogether } } }`;

describe('childSuggestions: children and sibling groups for a household', () => {
  let h: TestHub;
  let pairHousehold: string;
  let kentHousehold: string;
  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    const group = await makeSiblingGroup(sql, 'BDG', true);
    await makeChild(sql, { authority: 'BDG', first_name: 'Leo', date_of_birth: bornMonthsAgo(36), sibling_group_id: group, needs: ['FASD'], entered_care_on: '2023-01-01' });
    await makeChild(sql, { authority: 'BDG', first_name: 'Mia', date_of_birth: bornMonthsAgo(14), sibling_group_id: group, needs: [], entered_care_on: '2023-01-01' });
    await makeChild(sql, { authority: 'NHM', first_name: 'Amara', date_of_birth: bornMonthsAgo(20), needs: ['FASD'], entered_care_on: '2022-01-01' });
    await makeChild(sql, { authority: 'NHM', first_name: 'Sam', date_of_birth: bornMonthsAgo(20), needs: ['FASD'], entered_care_on: '2024-01-01' });
    await makeChild(sql, { authority: 'HAV', first_name: 'Local', date_of_birth: bornMonthsAgo(20), needs: ['FASD'], entered_care_on: '2024-01-01' });
    await makeChild(sql, { authority: 'TWH', first_name: 'Old', date_of_birth: bornMonthsAgo(100), needs: [] });
    await makeChild(sql, { authority: 'TWH', first_name: 'Gone', stage: 'ADOPTED' });
    const taken = await makeChild(sql, { authority: 'TWH', first_name: 'Taken' });
    await makeChild(sql, { authority: 'KEN', first_name: 'Kit' });
    pairHousehold = await makeHousehold(sql, { agency: 'ALE', reference: 'PAIR', lives_in: 'HAV', approved_max_children: 2, approved_siblings: true,
      approved_min_age_months: 0, approved_max_age_months: 48, needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
    const other = await makeHousehold(sql, { agency: 'ALE', reference: 'OTHER' });
    await makeMatch(sql, other, taken, 'MATCHED');
    kentHousehold = await makeHousehold(sql, { agency: 'APSE', reference: 'KENT' });
  });
  afterAll(async () => { await h.close(); });

  it('ranks units in scope by the same points, sibling group first, ties by the longer wait', async () => {
    const res = await h.gql(h.token('family_finder', 'ALE'), QUERY, { id: pairHousehold });
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data.childSuggestions;
    expect(list.map((s: any) => [s.children.map((c: any) => c.firstName).join('+'), s.score])).toEqual([
      ['Leo+Mia', 100 + 20 + 10], ['Amara', 100 + 20 + 10 - 5], ['Sam', 125], ['Local', 125 - 5],
    ]);
    expect(list[0].siblingGroup).toEqual({ placeTogether: true });
    expect(list[0].reasonsFor).toContain('Approved for up to 2 children, siblings included; Leo and Mia are to be placed together');
    expect(list[1].reasonsFor.join(' ')).toMatch(/^.*Amara has waited \d+ days since entering care/);
    expect(list[3].livesInChildsAuthority).toBe(true);
    expect(list[3].reasonsAgainst).toContain("Lives in Havering, Local's own local authority: the birth family may live nearby");
  });

  it('says why an older child is excluded when asked', async () => {
    const res = await h.gql(h.token('raa_manager', 'ALE'), QUERY, { id: pairHousehold, all: true });
    const last = res.body.data.childSuggestions.at(-1);
    expect(last.children).toEqual([{ firstName: 'Old' }]);
    expect(last.excluded).toBe(true);
    expect(last.reasonsAgainst[0]).toBe('Excluded: approved for 0–4 years; Old is 8 years 4 months');
    const names = res.body.data.childSuggestions.flatMap((s: any) => s.children.map((c: any) => c.firstName));
    expect(names).not.toEqual(expect.arrayContaining(['Gone']));
    expect(names).not.toContain('Taken');
    expect(names).not.toContain('Kit');
  });

  it("answers null for another RAA's household or an absent one", async () => {
    for (const id of [kentHousehold, randomUUID()]) {
      const res = await h.gql(h.token('family_finder', 'ALE'), QUERY, { id });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.childSuggestions).toBeNull();
    }
  });
});
