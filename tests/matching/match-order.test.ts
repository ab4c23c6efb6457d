import { makeChild, makeHousehold, makeMatch, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { bornMonthsAgo, suggestionsFor } from './matching-fixtures';

const single = { approved_max_children: 1, approved_siblings: false, approved_min_age_months: 0, approved_max_age_months: 48 };

describe('matchSuggestions: order and exclusions for one child', () => {
  let h: TestHub;
  let amara: string;
  const ref: Record<string, string> = {};
  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    amara = await makeChild(sql, { authority: 'NHM', first_name: 'Amara', date_of_birth: bornMonthsAgo(27), needs: ['FASD'] });
    const other = await makeChild(sql, { authority: 'NHM', first_name: 'Other' });
    const add = async (name: string, seed: Record<string, unknown>) => {
      ref[name] = await makeHousehold(sql, { agency: 'ALE', reference: name, lives_in: 'HAV', approved_on: '2024-01-10', ...single, ...seed });
    };
    await add('HIGH', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
    await add('HIGH_LATER', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }), approved_on: '2024-06-01' });
    await add('MEDIUM', { needs_capacity: JSON.stringify({ FASD: 'MEDIUM' }) });
    await add('LOW', { needs_capacity: JSON.stringify({ FASD: 'LOW' }) });
    await add('SPARE_PLACE', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }), approved_max_children: 2, approved_siblings: true, approved_on: '2023-06-01' });
    await add('SAME_LA', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }), lives_in: 'NHM' });
    await add('TOLERANCE', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }), approved_min_age_months: 36, approved_max_age_months: 60, age_tolerance_months: 12 });
    await add('TOO_YOUNG', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }), approved_min_age_months: 36, approved_max_age_months: 60 });
    await add('NO_FASD', { needs_capacity: JSON.stringify({ ATTACHMENT_DIFFICULTIES: 'HIGH' }) });
    await add('MATCHED', { needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
    await makeMatch(sql, ref.MATCHED, other, 'MATCHED');
    await add('STAGE_TWO', { stage: 'STAGE_TWO', needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
    ref.OTHER_RAA = await makeHousehold(sql, { agency: 'APSE', reference: 'OTHER_RAA', ...single, needs_capacity: JSON.stringify({ FASD: 'HIGH' }) });
  });
  afterAll(async () => { await h.close(); });

  it('ranks approved unmatched households of the RAA by the documented points, ties by longer wait', async () => {
    const list = await suggestionsFor(h, h.token('family_finder', 'ALE'), amara);
    expect(list!.map((s) => [s.household.reference, s.score])).toEqual([
      ['HIGH', 130], ['HIGH_LATER', 130], ['MEDIUM', 126], ['SPARE_PLACE', 125], ['SAME_LA', 125],
      ['LOW', 122], ['TOLERANCE', 115], ['NO_FASD', 105],
    ]);
    expect(list!.every((s) => s.excluded === false)).toBe(true);
  });

  it('writes reasons a family finder can read', async () => {
    const list = await suggestionsFor(h, h.token('family_finder', 'ALE'), amara);
    const by = Object.fromEntries(list!.map((s) => [s.household.reference, s]));
    expect(by.HIGH.reasonsFor).toEqual(expect.arrayContaining(['Approved for 0–4 years; Amara is 2 years 3 months', 'Can meet FASD at a high level']));
    expect(by.LOW.reasonsAgainst).toContain('Can meet FASD only at a low level');
    expect(by.NO_FASD.reasonsAgainst).toContain('Has not said it could meet FASD');
    expect(by.TOLERANCE.reasonsAgainst.join(' ')).toMatch(/^Amara is 2 years 3 months: outside the approved 3–5 years, but within the 1 year beyond it/);
    expect(by.SPARE_PLACE.reasonsAgainst.join(' ')).toMatch(/leave 1 place a sibling group may need/);
  });

  it('flags, but keeps, a household living in the child\'s own LA', async () => {
    const list = await suggestionsFor(h, h.token('family_finder', 'ALE'), amara);
    const same = list!.find((s) => s.household.reference === 'SAME_LA');
    expect(same.livesInChildsAuthority).toBe(true);
    expect(same.reasonsAgainst).toContain("Lives in Newham, Amara's own local authority: the birth family may live nearby");
    expect(list!.filter((s) => s.livesInChildsAuthority).length).toBe(1);
  });

  it('leaves out an excluded household, and says why when asked', async () => {
    const ff = h.token('family_finder', 'ALE');
    expect((await suggestionsFor(h, ff, amara))!.map((s: any) => s.household.reference)).not.toContain('TOO_YOUNG');
    const all = await suggestionsFor(h, ff, amara, ', includeExcluded: true');
    const last = all![all!.length - 1];
    expect(last.household.reference).toBe('TOO_YOUNG');
    expect(last.excluded).toBe(true);
    expect(last.reasonsAgainst[0]).toBe('Excluded: approved for 3–5 years; Amara is 2 years 3 months');
    expect(all!.map((s) => s.household.reference)).not.toEqual(expect.arrayContaining(['MATCHED']));
    expect(all!.map((s) => s.household.reference)).not.toContain('STAGE_TWO');
    expect(all!.map((s) => s.household.reference)).not.toContain('OTHER_RAA');
  });

  it('honours first', async () => {
    const list = await suggestionsFor(h, h.token('family_finder', 'ALE'), amara, ', first: 2');
    expect(list!.map((s) => s.household.reference)).toEqual(['HIGH', 'HIGH_LATER']);
  });
});
