import { activeFamilyFindingSql, siblingNeedSql } from '../../src/domain/active-family-finding';
import { DEMO_TODAY, generatePartnership } from '../../src/demo/generate-partnership';
import { scorecardFigures } from '../../src/services/scorecard-query';
import { BDG_SCORECARD, HOUSEHOLD_STAGES, STAGE_TABLE, STAGE_TOTALS, SUPPORT_TABLE } from '../support/published-figures';
import { CURRENT_DAY, DEMO_DAYS, demoDatabaseAt } from './demo-at';



type Count = { k1: string; k2: string; n: number };
const withZeros = <T extends Record<string, Record<string, number>>>(expected: T) =>
  Object.fromEntries(Object.entries(expected).map(([k, row]) => [k, Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0))]));

describe.each(DEMO_DAYS)('the demo partnership generated for %s reproduces the ALE annual report', (today) => {
  const demo = demoDatabaseAt(today);
  const query = <T>(text: string, params?: unknown[]) => demo().db.query<T>(text, params);
  async function table(sql: string): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const r of await query<Count>(sql)) (out[r.k1] ??= {})[r.k2] = r.n;
    return out;
  }

  it('has ALE and its four LAs with their DfE numbers', async () => {
    const rows = await query(`SELECT code, name, kind, la_number, raa_code FROM authority ORDER BY code`);
    expect(rows).toEqual([
      { code: 'ALE', name: 'Adopt London East', kind: 'REGIONAL_ADOPTION_AGENCY', la_number: null, raa_code: null },
      { code: 'BDG', name: 'Barking and Dagenham', kind: 'LOCAL_AUTHORITY', la_number: 301, raa_code: 'ALE' },
      { code: 'HAV', name: 'Havering', kind: 'LOCAL_AUTHORITY', la_number: 311, raa_code: 'ALE' },
      { code: 'NHM', name: 'Newham', kind: 'LOCAL_AUTHORITY', la_number: 316, raa_code: 'ALE' },
      { code: 'TWH', name: 'Tower Hamlets', kind: 'LOCAL_AUTHORITY', la_number: 211, raa_code: 'ALE' },
    ]);
  });

  it('shows the children-by-stage-and-LA table exactly', async () => {
    const got = await table(`SELECT stage AS k1, authority AS k2, count(*)::int AS n FROM child
      WHERE stage IS NOT NULL AND stage <> 'ADOPTED' GROUP BY 1, 2`);
    expect(got).toEqual(withZeros(STAGE_TABLE));
    const totals = await query<{ authority: string; n: number }>(`SELECT authority, count(*)::int AS n FROM child
      WHERE stage IS NOT NULL AND stage <> 'ADOPTED' GROUP BY 1`);
    expect(Object.fromEntries(totals.map((r) => [r.authority, r.n]))).toEqual(STAGE_TOTALS);
  });

  it('shows the adopter households by stage', async () => {
    const rows = await query<{ stage: string; n: number }>(`SELECT stage, count(*)::int AS n FROM adopter_household
      WHERE agency = 'ALE' GROUP BY 1`);
    const got = Object.fromEntries(rows.map((r) => [r.stage, r.n]));
    expect(got).toMatchObject(HOUSEHOLD_STAGES);
  });

  it('shows the support cases by LA of residence and type exactly', async () => {
    const got = await table(`SELECT type AS k1, lives_in AS k2, count(*)::int AS n FROM support_case WHERE agency = 'ALE' GROUP BY 1, 2`);
    expect(got).toEqual(SUPPORT_TABLE);
  });

  it('has 30 solo children, 17 pairs and 2 groups of three in active family finding (independent SQL)', async () => {
    const rows = await query<{ need: number; children: number }>(`
      WITH active AS (
        SELECT c.id, c.sibling_group_id FROM child c
         WHERE c.stage IN ('ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH')
            OR (c.stage = 'MATCHED_PLACED' AND c.placed_on IS NULL)),
      need AS (
        SELECT a.id, CASE WHEN g.place_together THEN
                 (SELECT count(*) FROM active b WHERE b.sibling_group_id = a.sibling_group_id) ELSE 1 END AS need
          FROM active a LEFT JOIN sibling_group g ON g.id = a.sibling_group_id)
      SELECT coalesce(need, 1)::int AS need, count(*)::int AS children FROM need GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([{ need: 1, children: 30 }, { need: 2, children: 34 }, { need: 3, children: 6 }]);
  });

  it('gives the same sibling needs through the shared definition', async () => {
    const rows = await query<{ need: number; children: number }>(`
      SELECT need::int, count(*)::int AS children FROM (
        SELECT ${siblingNeedSql('c', 'sg')} AS need FROM child c LEFT JOIN sibling_group sg ON sg.id = c.sibling_group_id
         WHERE ${activeFamilyFindingSql('c')}) x GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([{ need: 1, children: 30 }, { need: 2, children: 34 }, { need: 3, children: 6 }]);
    const [matched] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE stage = 'MATCHED_PLACED' AND placed_on IS NULL`);
    expect(matched.n).toBe(17);
  });

  it(`has active children mostly aged 1 to 4 and some up to 9 on ${today}`, async () => {
    const rows = await query<{ age: number; n: number }>(`
      SELECT date_part('year', age($1::date, date_of_birth))::int AS age, count(*)::int AS n
        FROM child c WHERE ${activeFamilyFindingSql('c')} GROUP BY 1`, [today]);
    const by = (f: (a: number) => boolean) => rows.filter((r) => f(r.age)).reduce((s, r) => s + r.n, 0);
    expect(by((a) => a >= 1 && a <= 4)).toBeGreaterThan(35);
    expect(by((a) => a >= 5 && a <= 9)).toBeGreaterThanOrEqual(8);
    expect(by((a) => a < 0 || a > 14)).toBe(0);
  });

  it(`has 391 children in care in Barking and Dagenham on ${today} (its latest published figure, at 31 March 2021)`, async () => {
    const rows = await query<{ authority: string; n: number }>(`SELECT authority, count(DISTINCT child_id)::int AS n FROM care_episode
      WHERE decom <= $1::date AND (dec IS NULL OR dec > $1::date) GROUP BY 1`, [today]);
    const by = Object.fromEntries(rows.map((r) => [r.authority, r.n]));
    expect(by.BDG).toBe(391);
    // The other LAs, unpublished here, in the range of London boroughs of their size.
    for (const la of ['HAV', 'NHM', 'TWH']) {
      expect(by[la]).toBeGreaterThanOrEqual(200);
      expect(by[la]).toBeLessThanOrEqual(600);
    }
  });

  it.each([
    [2019, BDG_SCORECARD[2019]],
    [2020, BDG_SCORECARD[2020]],
    [2021, BDG_SCORECARD[2021]],
  ])('gives Barking and Dagenham\'s scorecard for the three years ending %i', async (year, want) => {
    expect(await scorecardFigures(demo().db, 'BDG', year)).toMatchObject(want);
  });

  it('has 15 adoptions in Barking and Dagenham in 2019-20 and 14 in 2020-21', async () => {
    const rows = await query<{ fy: number; n: number }>(`
      SELECT (extract(year FROM adoption_order_on - interval '3 months') + 1)::int AS fy, count(*)::int AS n
        FROM child WHERE authority = 'BDG' AND adoption_order_on IS NOT NULL GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [r.fy, r.n]));
    expect(by[2020]).toBe(15);
    expect(by[2021]).toBe(14);
  });
});

describe('generatePartnership', () => {
  it.each(DEMO_DAYS)('is deterministic: the same seed and today (%s) give identical records', (today) => {
    expect(JSON.stringify(generatePartnership({ scale: 'demo', today }))).toBe(JSON.stringify(generatePartnership({ scale: 'demo', today })));
  });

  it('defaults to the report\'s snapshot day', () => {
    expect(JSON.stringify(generatePartnership({ scale: 'demo' }))).toBe(JSON.stringify(generatePartnership({ scale: 'demo', today: DEMO_TODAY })));
  });

  it('dates the live pipeline from today but keeps the adoption history where it was', () => {
    const then = generatePartnership({ scale: 'demo', today: DEMO_TODAY });
    const later = generatePartnership({ scale: 'demo', today: '2025-09-30' });
    const latest = (d: typeof then, stage: string) => d.children.filter((c) => c.stage === stage).map((c) => c.placementOrderOn!).sort().pop();
    expect(latest(then, 'FAMILY_FINDING')! <= DEMO_TODAY).toBe(true);
    expect(latest(later, 'FAMILY_FINDING')! > '2025-01-01').toBe(true);
    const adopted = (d: typeof then) => d.children.filter((c) => c.stage === 'ADOPTED').map((c) => c.adoptionOrderOn!).sort();
    expect(adopted(later)[0] >= '2016-04-01').toBe(true);
    expect(adopted(later).pop()! <= DEMO_TODAY).toBe(true);
    expect(adopted(later)).toHaveLength(adopted(then).length);
  });

  it('refuses a today before the report\'s snapshot day', () => {
    expect(() => generatePartnership({ scale: 'demo', today: '2021-03-30' })).toThrow(/on or after/);
  });

  it('gives different names and dates for another seed but the same published figures', () => {
    const a = generatePartnership({ scale: 'demo', seed: 1 });
    const b = generatePartnership({ scale: 'demo', seed: 2, today: CURRENT_DAY });
    expect(a.children[0].id).not.toBe(b.children[0].id);
    const stages = (d: typeof a) => d.children.filter((c) => c.stage === 'FAMILY_FINDING').length;
    expect(stages(a)).toBe(37);
    expect(stages(b)).toBe(37);
  });
});
