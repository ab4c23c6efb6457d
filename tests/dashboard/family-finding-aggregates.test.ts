import { ETHNICITY_CODES, ethnicGroup } from '../../src/domain/codes';
import { ethnicGroupSql } from '../../src/services/family-finding-aggregates';
import { pinToday, unpinToday } from '../../src/services/clock';
import { makeChild, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

let hub: TestHub;

const SUMMARY = `query S($a: String) { familyFindingSummary(authority: $a) { authority stage count suppressed } }`;
const CONTROLLED = `query S($a: String) { familyFindingSummary(authority: $a) { authority stage count suppressed suppressionReason inferenceControl } }`;
const BREAKDOWN = `query B($by: BreakdownDimension!, $a: String) {
  childrenInFamilyFindingBreakdown(by: $by, authority: $a, asOf: "2024-06-30") { authority band count suppressed } }`;

type Cell = { authority: string; stage?: string; band?: string; count: number | null; suppressed: boolean };
const cell = (rows: Cell[], authority: string, key: string): Cell | undefined =>
  rows.find((r) => r.authority === authority && (r.stage ?? r.band) === key);

async function children(authority: string, stage: string | null, n: number, extra: Record<string, unknown> = {}): Promise<void> {
  for (let i = 0; i < n; i++) await makeChild(hub.t.db, { authority, stage, ...extra });
}

beforeAll(async () => {
  // The data's dates sit around mid-2024: the hub's today is pinned there, so la_analyst's latest 31 March is 2024-03-31.
  pinToday('2024-06-30');
  hub = await startTestHub();
  const sql = hub.t.db;
  await seedAuthorities(sql);
  // BDG: 3 FAMILY_FINDING + 3 MATCHED_PLACED not placed = 6 in active family finding; others outside it.
  const pair = await makeSiblingGroup(sql, 'BDG');
  const three = await makeSiblingGroup(sql, 'BDG');
  await makeChild(sql, { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: pair, date_of_birth: '2024-01-01', ethnicity: 'WBRI' });
  await makeChild(sql, { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: pair, date_of_birth: '2023-06-30', ethnicity: 'MWBA' });
  await makeChild(sql, { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: three, date_of_birth: '2021-07-01', ethnicity: 'ABAN' });
  await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED', sibling_group_id: three, date_of_birth: '2021-06-30', ethnicity: 'BAFR' });
  await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED', sibling_group_id: three, date_of_birth: '2015-01-01', ethnicity: 'CHNE' });
  // Placed with the adopters: no longer in active family finding, so not part of its group's need.
  await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED', sibling_group_id: three, placed_on: '2024-05-01' });
  await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED', placed_on: '2024-05-01' });
  await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED', date_of_birth: null, ethnicity: 'REFU' });
  await children('BDG', 'PARALLEL_PLANNING', 6);
  await children('BDG', 'ADOPTED', 2);
  await children('BDG', 'PLAN_CHANGED', 1);
  await children('BDG', null, 4);
  // HAV: 7 in family finding, two of them siblings not to be placed together (each a solo placement).
  const apart = await makeSiblingGroup(sql, 'HAV', false);
  await children('HAV', 'FAMILY_FINDING', 2, { sibling_group_id: apart });
  await children('HAV', 'FAMILY_FINDING', 5);
  await children('HAV', 'UNBORN', 1, { date_of_birth: null });
  await children('TWH', 'EARLY_MONITORING', 2);
  await children('KEN', 'FAMILY_FINDING', 9);
});
afterAll(async () => { await hub.close(); unpinToday(); });

/** A hub of its own: NHM with one small count beside 6 and 9; TWH with two small counts beside 5. */
async function createExtra() {
  const h = await startTestHub();
  await seedAuthorities(h.t.db);
  const make = async (authority: string, stage: string, n: number) => { for (let i = 0; i < n; i++) await makeChild(h.t.db, { authority, stage }); };
  await make('NHM', 'UNBORN', 2);
  await make('NHM', 'ADM_DECISION', 6);
  await make('NHM', 'FAMILY_FINDING', 9);
  await make('TWH', 'UNBORN', 1);
  await make('TWH', 'EARLY_MONITORING', 3);
  await make('TWH', 'FAMILY_FINDING', 5);
  return h;
}

describe('familyFindingSummary', () => {
  it('gives an RAA family finder every member LA × tracker stage, zeros included, ADOPTED left out', async () => {
    const { body } = await hub.gql(hub.token('family_finder', 'ALE'), SUMMARY);
    const rows = body.data.familyFindingSummary as Cell[];
    expect(rows).toHaveLength(4 * 8);
    expect(new Set(rows.map((r) => r.authority))).toEqual(new Set(['BDG', 'HAV', 'NHM', 'TWH']));
    expect(rows.some((r) => r.stage === 'ADOPTED')).toBe(false);
    expect(cell(rows, 'BDG', 'FAMILY_FINDING')).toEqual({ authority: 'BDG', stage: 'FAMILY_FINDING', count: 3, suppressed: false });
    expect(cell(rows, 'BDG', 'MATCHED_PLACED')?.count).toBe(5);
    expect(cell(rows, 'BDG', 'PARALLEL_PLANNING')?.count).toBe(6);
    expect(cell(rows, 'BDG', 'PLAN_CHANGED')?.count).toBe(1);
    expect(cell(rows, 'HAV', 'UNBORN')?.count).toBe(1);
    expect(cell(rows, 'NHM', 'FAMILY_FINDING')).toEqual({ authority: 'NHM', stage: 'FAMILY_FINDING', count: 0, suppressed: false });
    // Children not on an adoption pathway (stage null) are in no row.
    expect(rows.filter((r) => r.authority === 'BDG').reduce((s, r) => s + (r.count ?? 0), 0)).toBe(3 + 5 + 6 + 1);
  });

  it('suppresses 1–4 for la_analyst (own LA and the RAA’s other LAs), shows 0 and 5 or more', async () => {
    const { body } = await hub.gql(hub.token('la_analyst', 'BDG'), CONTROLLED);
    const rows = body.data.familyFindingSummary as Cell[];
    expect(rows).toHaveLength(4 * 8);
    expect(cell(rows, 'BDG', 'FAMILY_FINDING')).toEqual({ authority: 'BDG', stage: 'FAMILY_FINDING', count: null, suppressed: true,
      suppressionReason: 'SMALL_NUMBER', inferenceControl: 'SMALL_NUMBERS' });
    expect(cell(rows, 'BDG', 'PLAN_CHANGED')).toMatchObject({ count: null, suppressed: true });
    // FAMILY_FINDING 3 and PLAN_CHANGED 1 hold 4 together: the next smallest (5) is withheld too, so BDG's total
    // (known elsewhere) minus the cells shown is 9, never a small number (docs/inference-control.md).
    expect(cell(rows, 'BDG', 'MATCHED_PLACED')).toMatchObject({ count: null, suppressed: true, suppressionReason: 'COMPLEMENTARY' });
    expect(cell(rows, 'BDG', 'PARALLEL_PLANNING')).toMatchObject({ count: 6, suppressed: false });
    expect(cell(rows, 'BDG', 'UNBORN')).toMatchObject({ count: 0, suppressed: false });
    expect(cell(rows, 'HAV', 'UNBORN')).toMatchObject({ count: null, suppressed: true });
    // HAV's row has one small count only: its 7 is hidden too, or the 1 would be HAV's total (known elsewhere) minus 7.
    expect(cell(rows, 'HAV', 'FAMILY_FINDING')).toMatchObject({ count: null, suppressed: true });
    expect(cell(rows, 'HAV', 'PARALLEL_PLANNING')).toMatchObject({ count: 0, suppressed: false });
    expect(cell(rows, 'TWH', 'EARLY_MONITORING')).toMatchObject({ count: null, suppressed: true });
  });

  it('hides, beside small counts, the smallest other counts of that LA until the hidden cells hold 5 or more', async () => {
    const extra = await createExtra();
    try {
      const { body } = await extra.gql(extra.token('la_analyst', 'BDG'), SUMMARY);
      const rows = body.data.familyFindingSummary as Cell[];
      expect(cell(rows, 'NHM', 'UNBORN')).toMatchObject({ count: null, suppressed: true }); // 2: primary
      expect(cell(rows, 'NHM', 'ADM_DECISION')).toMatchObject({ count: null, suppressed: true }); // 6: the smallest other
      expect(cell(rows, 'NHM', 'FAMILY_FINDING')).toMatchObject({ count: 9, suppressed: false });
      // Two small counts holding 4 together: the 5 is hidden too, or TWH's total minus 5 would give the group of 4.
      expect(cell(rows, 'TWH', 'UNBORN')).toMatchObject({ count: null, suppressed: true });
      expect(cell(rows, 'TWH', 'EARLY_MONITORING')).toMatchObject({ count: null, suppressed: true });
      expect(cell(rows, 'TWH', 'FAMILY_FINDING')).toMatchObject({ count: null, suppressed: true });
    } finally {
      await extra.close();
    }
  });

  it('gives a social worker its own LA only, unsuppressed', async () => {
    const { body } = await hub.gql(hub.token('social_worker', 'BDG'), SUMMARY);
    const rows = body.data.familyFindingSummary as Cell[];
    expect(new Set(rows.map((r) => r.authority))).toEqual(new Set(['BDG']));
    expect(cell(rows, 'BDG', 'FAMILY_FINDING')).toMatchObject({ count: 3, suppressed: false });
  });

  it('narrows to one authority in scope, and refuses one outside it', async () => {
    const ff = await hub.gql(hub.token('family_finder', 'ALE'), SUMMARY, { a: 'HAV' });
    expect(new Set(ff.body.data.familyFindingSummary.map((r: Cell) => r.authority))).toEqual(new Set(['HAV']));
    for (const [role, org, asked] of [['la_analyst', 'BDG', 'KEN'], ['social_worker', 'BDG', 'HAV'], ['family_finder', 'ALE', 'KEN'], ['raa_manager', 'ALE', 'ALE']] as const) {
      const { body } = await hub.gql(hub.token(role, org), SUMMARY, { a: asked });
      expect(body.data?.familyFindingSummary ?? null).toBeNull();
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('is refused to auditors and integration clients', async () => {
    for (const role of ['auditor', 'integration'] as const) {
      const { body } = await hub.gql(hub.token(role, 'BDG'), SUMMARY);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('childrenInFamilyFindingBreakdown', () => {
  const bandsOf = async (token: string, by: string, a?: string): Promise<Cell[]> => {
    const { body } = await hub.gql(token, BREAKDOWN, { by, a });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.childrenInFamilyFindingBreakdown;
  };

  it('counts sibling need among active family finding only (placed siblings and groups not placed together are solo)', async () => {
    const rows = await bandsOf(hub.token('raa_manager', 'ALE'), 'SIBLING_NEED');
    expect(rows.filter((r) => r.authority === 'BDG').map((r) => [r.band, r.count])).toEqual([
      ['Solo', 1], ['With one sibling', 2], ['With two or more siblings', 3]]);
    expect(rows.filter((r) => r.authority === 'HAV').map((r) => r.count)).toEqual([7, 0, 0]);
    expect(rows.filter((r) => r.authority === 'NHM').map((r) => r.count)).toEqual([0, 0, 0]);
  });

  it('bands ages in whole years on asOf', async () => {
    const rows = await bandsOf(hub.token('family_finder', 'ALE'), 'AGE_BAND', 'BDG');
    expect(rows.map((r) => [r.band, r.count])).toEqual([
      ['Under 1', 1], ['1-2', 2], ['3-4', 1], ['5-9', 1], ['10+', 0], ['Not known', 1]]);
  });

  it('groups ethnicity by its first letter', async () => {
    const rows = await bandsOf(hub.token('social_worker', 'BDG'), 'ETHNIC_GROUP');
    expect(rows.map((r) => [r.band, r.count])).toEqual([
      ['White', 1], ['Mixed', 1], ['Asian', 1], ['Black', 1], ['Other', 1], ['Not known', 1]]);
  });

  it('suppresses small bands for la_analyst', async () => {
    const rows = await bandsOf(hub.token('la_analyst', 'BDG'), 'SIBLING_NEED');
    expect(rows.filter((r) => r.authority === 'BDG').every((r) => r.count === null && r.suppressed)).toBe(true);
    expect(cell(rows, 'HAV', 'Solo')).toMatchObject({ count: 7, suppressed: false });
    expect(cell(rows, 'HAV', 'With one sibling')).toMatchObject({ count: 0, suppressed: false });
  });

  it('says which day the figures are as at and which rule applied: the analyst gets the 31 March before the day asked', async () => {
    const q = `{ childrenInFamilyFindingBreakdown(by: AGE_BAND, authority: "HAV", asOf: "2024-06-30") { asOf inferenceControl }
      inferenceControlRules { control text } }`;
    const analyst = (await hub.gql(hub.token('la_analyst', 'BDG'), q)).body.data;
    expect(analyst.childrenInFamilyFindingBreakdown[0]).toEqual({ asOf: '2024-03-31', inferenceControl: 'SMALL_NUMBERS' });
    expect(analyst.inferenceControlRules.map((r: { control: string }) => r.control)).toEqual(['NONE', 'SMALL_NUMBERS', 'SCORECARD_YEAR_GROUPS', 'HOUSEHOLD_GROUPS', 'STAGE_FLOW_GROUPS']);
    expect(analyst.inferenceControlRules.every((r: { text: string }) => r.text.length > 20)).toBe(true);
    const ff = (await hub.gql(hub.token('family_finder', 'ALE'), q)).body.data;
    expect(ff.childrenInFamilyFindingBreakdown[0]).toEqual({ asOf: '2024-06-30', inferenceControl: 'NONE' });
  });

  it('refuses the analyst another year\'s 31 March (only the latest on or before today is published)', async () => {
    const q = (asOf: string | null) => ({ query: `query A($d: Date) { childrenInFamilyFindingBreakdown(by: AGE_BAND, authority: "HAV", asOf: $d) { asOf count } }`, d: asOf });
    const ask = async (role: 'la_analyst' | 'family_finder', org: string, asOf: string | null) =>
      (await hub.gql(hub.token(role, org), q(asOf).query, { d: asOf })).body;
    for (const asOf of ['2024-03-30', '2023-03-31', '2021-07-01', '2025-03-31', '2030-01-01']) {
      const body = await ask('la_analyst', 'BDG', asOf);
      expect(body.data).toBeNull();
      expect(body.errors.map((e: { message: string; extensions: { code: string } }) => [e.extensions.code, e.message])).toEqual([['FORBIDDEN',
        'For your role the breakdowns are published as at the latest 31 March only (2024-03-31): snapshots of other years set against it would single out a few children.']]);
    }
    for (const asOf of [null, '2024-03-31', '2024-06-30', '2025-03-30']) {
      expect((await ask('la_analyst', 'BDG', asOf)).data.childrenInFamilyFindingBreakdown[0].asOf).toBe('2024-03-31');
    }
    // A viewer who sees the figures in full keeps any day.
    expect((await ask('family_finder', 'ALE', '2021-07-01')).data.childrenInFamilyFindingBreakdown[0].asOf).toBe('2021-07-01');
  });

  it('maps every DfE ethnicity code in SQL exactly as ethnicGroup() does', async () => {
    const codes = [...ETHNICITY_CODES, 'XXXX', null];
    const rows = await hub.t.db.query<{ code: string | null; grp: string }>(
      `SELECT e AS code, ${ethnicGroupSql('e')} AS grp FROM unnest($1::text[]) e`, [codes]);
    for (const r of rows) expect([r.code, r.grp]).toEqual([r.code, ethnicGroup(r.code)]);
  });
});
