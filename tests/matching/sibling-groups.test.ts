import { makeChild, makeHousehold, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { bornMonthsAgo, suggestionsFor } from './matching-fixtures';

const capacity = JSON.stringify({ FASD: 'HIGH', ATTACHMENT_DIFFICULTIES: 'MEDIUM' });

describe('matchSuggestions for sibling groups and early permanence', () => {
  let h: TestHub;
  const kid: Record<string, string> = {};
  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    const together = await makeSiblingGroup(sql, 'BDG', true);
    kid.leo = await makeChild(sql, { authority: 'BDG', first_name: 'Leo', date_of_birth: bornMonthsAgo(36), sibling_group_id: together, needs: ['FASD'] });
    kid.mia = await makeChild(sql, { authority: 'BDG', first_name: 'Mia', date_of_birth: bornMonthsAgo(14), sibling_group_id: together, needs: ['ATTACHMENT_DIFFICULTIES'] });
    // An older sibling already adopted is not part of the placement.
    await makeChild(sql, { authority: 'BDG', first_name: 'Ola', date_of_birth: bornMonthsAgo(120), sibling_group_id: together, stage: 'ADOPTED' });
    const apart = await makeSiblingGroup(sql, 'BDG', false);
    kid.zed = await makeChild(sql, { authority: 'BDG', first_name: 'Zed', date_of_birth: bornMonthsAgo(30), sibling_group_id: apart, needs: [] });
    await makeChild(sql, { authority: 'BDG', first_name: 'Yas', date_of_birth: bornMonthsAgo(80), sibling_group_id: apart, needs: [] });
    kid.baby = await makeChild(sql, { authority: 'TWH', first_name: 'Baby', date_of_birth: null, entered_care_on: null, decision_on: null,
      placement_order_on: null, stage: 'UNBORN', needs: [] });
    const add = (reference: string, seed: Record<string, unknown>) => makeHousehold(sql, {
      agency: 'ALE', reference, lives_in: 'HAV', needs_capacity: capacity, approved_min_age_months: 0, approved_max_age_months: 60, ...seed,
    });
    await add('SINGLE', { approved_max_children: 1, approved_siblings: false });
    await add('PAIR', { approved_max_children: 2, approved_siblings: true, approved_on: '2023-09-01' });
    await add('THREE', { approved_max_children: 3, approved_siblings: true, approved_on: '2023-01-01' });
    await add('NOT_FOR_SIBLINGS', { approved_max_children: 2, approved_siblings: false });
    await add('UNDER_TWOS', { approved_max_children: 2, approved_siblings: true, approved_max_age_months: 24 });
    await add('EARLY', { approved_max_children: 1, approved_siblings: false, early_permanence: true, approved_on: '2023-06-01' });
  });
  afterAll(async () => { await h.close(); });

  it('matches a pair to be placed together only with households approved for both', async () => {
    const ff = h.token('family_finder', 'ALE');
    const list = await suggestionsFor(h, ff, kid.leo);
    expect(list!.map((s) => s.household.reference)).toEqual(['PAIR', 'THREE']);
    expect(list![0].score).toBe(100 + 20 + 10 + 6);
    expect(list![1].score).toBe(100 + 20 + 10 + 6 - 5);
    expect(list![0].reasonsFor).toEqual(expect.arrayContaining([
      'Approved for up to 2 children, siblings included; Leo and Mia are to be placed together',
      'Approved for 0–5 years; Leo is 3 years and Mia is 1 year 2 months',
      'Can meet FASD at a high level', 'Can meet attachment difficulties at a medium level',
    ]));
    // The same unit, whichever sibling is asked about.
    expect((await suggestionsFor(h, ff, kid.mia))!.map((s) => s.household.reference)).toEqual(['PAIR', 'THREE']);
  });

  it('says why single-child, non-sibling and too-young households are excluded', async () => {
    const all = await suggestionsFor(h, h.token('family_finder', 'ALE'), kid.leo, ', includeExcluded: true');
    const why = Object.fromEntries(all!.filter((s) => s.excluded).map((s) => [s.household.reference, s.reasonsAgainst[0]]));
    expect(why).toEqual({
      SINGLE: 'Excluded: approved for 1 child; Leo and Mia are to be placed together',
      NOT_FOR_SIBLINGS: 'Excluded: not approved for sibling groups; Leo and Mia are to be placed together',
      UNDER_TWOS: 'Excluded: approved for 0–2 years; Leo is 3 years and Mia is 1 year 2 months',
      EARLY: 'Excluded: approved for 1 child; Leo and Mia are to be placed together',
    });
  });

  it('matches a child whose siblings are to be placed apart on their own', async () => {
    // Zed (2 years 6 months) is beyond UNDER_TWOS's range; the rest tie-break on points, then the longer wait.
    const list = await suggestionsFor(h, h.token('family_finder', 'ALE'), kid.zed);
    expect(list!.map((s) => s.household.reference)).toEqual(['EARLY', 'SINGLE', 'PAIR', 'NOT_FOR_SIBLINGS', 'THREE']);
    expect(list![0].reasonsFor).toContain('Approved for 0–5 years; Zed is 2 years 6 months');
  });

  it('needs dual approval for an unborn baby, and says so', async () => {
    const all = await suggestionsFor(h, h.token('family_finder', 'ALE'), kid.baby, ', includeExcluded: true');
    const early = all!.find((s) => s.household.reference === 'EARLY');
    expect(all![0]).toBe(early);
    expect(early.excluded).toBe(false);
    expect(early.reasonsFor).toContain('Dual approved for early permanence (fostering for adoption); Baby is not yet born');
    expect(early.reasonsFor).toContain('Approved for 0–5 years; Baby is not yet born');
    const single = all!.find((s) => s.household.reference === 'SINGLE');
    expect(single.excluded).toBe(true);
    expect(single.reasonsAgainst[0]).toBe('Excluded: not dual approved for early permanence; Baby is not yet born');
    expect(all!.filter((s) => !s.excluded).map((s) => s.household.reference)).toEqual(['EARLY']);
  });
});
