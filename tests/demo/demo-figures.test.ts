import { activeFamilyFindingSql, siblingNeedSql } from '../../src/domain/active-family-finding';
import { generatePartnership } from '../../src/demo/generate-partnership';
import { loadDemoIfEmpty } from '../../src/demo/load-demo-partnership';
import { scorecardFigures } from '../../src/services/scorecard-query';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// docs/domain.md, "Figures the demo partnership must reproduce", written out as published.
const STAGE_TABLE: Record<string, { NHM: number; BDG: number; HAV: number; TWH: number }> = {
  UNBORN: { NHM: 2, BDG: 0, HAV: 0, TWH: 7 },
  EARLY_MONITORING: { NHM: 10, BDG: 1, HAV: 0, TWH: 2 },
  PARALLEL_PLANNING: { NHM: 1, BDG: 17, HAV: 2, TWH: 21 },
  ADM_DECISION: { NHM: 1, BDG: 1, HAV: 0, TWH: 0 },
  FAMILY_FINDING: { NHM: 6, BDG: 8, HAV: 4, TWH: 19 },
  PROGRESS_TO_MATCH: { NHM: 4, BDG: 4, HAV: 0, TWH: 6 },
  MATCHED_PLACED: { NHM: 14, BDG: 21, HAV: 6, TWH: 1 },
  PLAN_CHANGED: { NHM: 1, BDG: 0, HAV: 2, TWH: 4 },
};
const STAGE_TOTALS = { NHM: 39, BDG: 52, HAV: 14, TWH: 60 };
const HOUSEHOLD_STAGES = { ENQUIRY: 21, STAGE_ONE: 17, STAGE_TWO: 9, APPROVED: 19, PLACED: 18 };
const SUPPORT_TABLE: Record<string, { TWH: number; HAV: number; NHM: number; BDG: number }> = {
  ASSESSMENT: { TWH: 32, HAV: 20, NHM: 19, BDG: 7 },
  UNASSESSED_SUPPORT: { TWH: 11, HAV: 19, NHM: 8, BDG: 15 },
  DIRECT_CONTACT: { TWH: 22, HAV: 1, NHM: 28, BDG: 33 },
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  expect(await loadDemoIfEmpty(t.db)).toBe(true);
}, 120_000);
afterAll(async () => t.close());

type Count = { k1: string; k2: string; n: number };
async function table(sql: string): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of await t.db.query<Count>(sql)) (out[r.k1] ??= {})[r.k2] = r.n;
  return out;
}
const withZeros = <T extends Record<string, Record<string, number>>>(expected: T) =>
  Object.fromEntries(Object.entries(expected).map(([k, row]) => [k, Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0))]));

describe('the demo partnership reproduces the ALE annual report', () => {
  it('has ALE and its four LAs with their DfE numbers', async () => {
    const rows = await t.db.query(`SELECT code, name, kind, la_number, raa_code FROM authority ORDER BY code`);
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
    const totals = await t.db.query<{ authority: string; n: number }>(`SELECT authority, count(*)::int AS n FROM child
      WHERE stage IS NOT NULL AND stage <> 'ADOPTED' GROUP BY 1`);
    expect(Object.fromEntries(totals.map((r) => [r.authority, r.n]))).toEqual(STAGE_TOTALS);
  });

  it('shows the adopter households by stage', async () => {
    const rows = await t.db.query<{ stage: string; n: number }>(`SELECT stage, count(*)::int AS n FROM adopter_household
      WHERE agency = 'ALE' GROUP BY 1`);
    const got = Object.fromEntries(rows.map((r) => [r.stage, r.n]));
    expect(got).toMatchObject(HOUSEHOLD_STAGES);
  });

  it('shows the support cases by LA of residence and type exactly', async () => {
    const got = await table(`SELECT type AS k1, lives_in AS k2, count(*)::int AS n FROM support_case WHERE agency = 'ALE' GROUP BY 1, 2`);
    expect(got).toEqual(SUPPORT_TABLE);
  });

  it('has 30 solo children, 17 pairs and 2 groups of three in active family finding (independent SQL)', async () => {
    const rows = await t.db.query<{ need: number; children: number }>(`
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
    const rows = await t.db.query<{ need: number; children: number }>(`
      SELECT need::int, count(*)::int AS children FROM (
        SELECT ${siblingNeedSql('c', 'sg')} AS need FROM child c LEFT JOIN sibling_group sg ON sg.id = c.sibling_group_id
         WHERE ${activeFamilyFindingSql('c')}) x GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([{ need: 1, children: 30 }, { need: 2, children: 34 }, { need: 3, children: 6 }]);
    const [matched] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE stage = 'MATCHED_PLACED' AND placed_on IS NULL`);
    expect(matched.n).toBe(17);
  });

  it('has active children mostly aged 1 to 4 and some up to 9', async () => {
    const rows = await t.db.query<{ age: number; n: number }>(`
      SELECT date_part('year', age(DATE '2021-03-31', date_of_birth))::int AS age, count(*)::int AS n
        FROM child c WHERE ${activeFamilyFindingSql('c')} GROUP BY 1`);
    const by = (f: (a: number) => boolean) => rows.filter((r) => f(r.age)).reduce((s, r) => s + r.n, 0);
    expect(by((a) => a >= 1 && a <= 4)).toBeGreaterThan(35);
    expect(by((a) => a >= 5 && a <= 9)).toBeGreaterThanOrEqual(8);
  });

  it('has 391 children in care in Barking and Dagenham at 31 March 2021', async () => {
    const [r] = await t.db.query<{ n: number }>(`SELECT count(DISTINCT child_id)::int AS n FROM care_episode
      WHERE authority = 'BDG' AND decom <= DATE '2021-03-31' AND (dec IS NULL OR dec > DATE '2021-03-31')`);
    expect(r.n).toBe(391);
  });

  it.each([
    [2019, { a10Days: 642, a2Days: 394 }],
    [2020, { a10Days: 465, a2Days: 246 }],
    [2021, { a10Days: 503, a2Days: 218 }],
  ])('gives Barking and Dagenham\'s scorecard for the three years ending %i', async (year, want) => {
    expect(await scorecardFigures(t.db, 'BDG', year)).toMatchObject(want);
  });

  it('has 15 adoptions in Barking and Dagenham in 2019-20 and 14 in 2020-21', async () => {
    const rows = await t.db.query<{ fy: number; n: number }>(`
      SELECT (extract(year FROM adoption_order_on - interval '3 months') + 1)::int AS fy, count(*)::int AS n
        FROM child WHERE authority = 'BDG' AND adoption_order_on IS NOT NULL GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [r.fy, r.n]));
    expect(by[2020]).toBe(15);
    expect(by[2021]).toBe(14);
  });
});

describe('the demo records are consistent', () => {
  it('derives every adopted child\'s milestones from its episodes as ssda903.md does', async () => {
    const rows = await t.db.query(`
      WITH d AS (
        SELECT c.id, c.entered_care_on, c.placement_order_on, c.placed_on, c.adoption_order_on,
               (SELECT max(decom) FROM care_episode e WHERE e.child_id = c.id AND e.rne = 'S') AS s_start,
               (SELECT min(decom) FROM care_episode e WHERE e.child_id = c.id AND e.legal_status IN ('E1', 'D1')) AS e1_start,
               (SELECT min(decom) FROM care_episode e WHERE e.child_id = c.id AND e.place IN ('A3', 'A4', 'A5', 'A6')) AS a_start,
               (SELECT max(dec) FROM care_episode e WHERE e.child_id = c.id AND e.rec IN ('E11', 'E12')) AS adopted,
               c.moved_in_on,
               -- the carer's first episode: the last start with a new carer (RNE S, P or B) up to the A placement
               (SELECT max(e.decom) FROM care_episode e WHERE e.child_id = c.id AND e.rne IN ('S', 'P', 'B')
                   AND e.decom <= (SELECT min(a.decom) FROM care_episode a WHERE a.child_id = c.id AND a.place IN ('A3', 'A4', 'A5', 'A6'))) AS carer_start
          FROM child c WHERE c.stage = 'ADOPTED')
      SELECT id FROM d WHERE s_start IS DISTINCT FROM entered_care_on OR e1_start IS DISTINCT FROM placement_order_on
         OR a_start IS DISTINCT FROM placed_on OR adopted IS DISTINCT FROM adoption_order_on
         OR carer_start IS DISTINCT FROM moved_in_on`);
    expect(rows).toEqual([]);
  });

  it('chains every period of care with X1 on the day the next episode starts', async () => {
    const rows = await t.db.query(`
      SELECT e.id FROM care_episode e
        JOIN LATERAL (SELECT n.decom, n.rne FROM care_episode n WHERE n.child_id = e.child_id AND n.decom > e.decom
                      ORDER BY n.decom LIMIT 1) nx ON true
       WHERE (e.rec = 'X1' AND (e.dec <> nx.decom OR nx.rne = 'S')) OR (e.rec <> 'X1' AND nx.rne <> 'S') OR e.dec IS NULL`);
    expect(rows).toEqual([]);
  });

  it('has nothing dated after the snapshot day and milestones in order', async () => {
    const [e] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM care_episode WHERE decom > DATE '2021-03-31' OR dec > DATE '2021-03-31' OR dec <= decom`);
    expect(e.n).toBe(0);
    const [c] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE
      greatest(entered_care_on, decision_on, placement_order_on, matched_on, placed_on, adoption_order_on, plan_changed_on) > DATE '2021-03-31'
      OR date_of_birth > entered_care_on OR entered_care_on > decision_on OR decision_on > placement_order_on
      OR decision_on > matched_on OR matched_on > placed_on OR placed_on >= adoption_order_on OR moved_in_on > placed_on`);
    expect(c.n).toBe(0);
  });

  it('gives unborn babies an expected date of birth and no date of birth', async () => {
    const [r] = await t.db.query<{ n: number; bad: number }>(`SELECT count(*)::int AS n,
      count(*) FILTER (WHERE date_of_birth IS NOT NULL OR expected_date_of_birth IS NULL OR expected_date_of_birth <= DATE '2021-03-31')::int AS bad
      FROM child WHERE stage = 'UNBORN'`);
    expect(r).toEqual({ n: 9, bad: 0 });
  });

  it('records foster-carer adoptions with a move-in before the A5 placement', async () => {
    const [r] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child
      WHERE authority = 'BDG' AND stage = 'ADOPTED' AND moved_in_on < placed_on`);
    expect(r.n).toBe(16);
  });

  it('puts placed children with PLACED households and matched ones with MATCHED households', async () => {
    const rows = await t.db.query<{ status: string; stage: string; n: number }>(`
      SELECT m.status, h.stage, count(*)::int AS n FROM adoption_match m JOIN adopter_household h ON h.id = m.household_id
       GROUP BY 1, 2 ORDER BY 1, 2`);
    const adopted = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE stage = 'ADOPTED'`))[0].n;
    expect(rows).toEqual([
      { status: 'ADOPTED', stage: 'ADOPTION_ORDER', n: adopted },
      { status: 'LINKED', stage: 'APPROVED', n: 10 },
      { status: 'MATCHED', stage: 'MATCHED', n: 12 },
      { status: 'PLACED', stage: 'PLACED', n: 18 },
    ]);
  });

  it('writes change-feed history for every child, household, support case and sibling group', async () => {
    const rows = await t.db.query<{ entity: string; missing: number }>(`
      SELECT 'Child' AS entity, count(*)::int AS missing FROM child c WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'Child' AND l.entity_id = c.id AND l.authority = c.authority)
      UNION ALL SELECT 'AdopterHousehold', count(*)::int FROM adopter_household h WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'AdopterHousehold' AND l.entity_id = h.id)
      UNION ALL SELECT 'SupportCase', count(*)::int FROM support_case s WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'SupportCase' AND l.entity_id = s.id)
      UNION ALL SELECT 'SiblingGroup', count(*)::int FROM sibling_group g WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'SiblingGroup' AND l.entity_id = g.id)`);
    expect(rows.every((r) => r.missing === 0)).toBe(true);
  });

  it('loads only once', async () => {
    expect(await loadDemoIfEmpty(t.db)).toBe(false);
    await t.db.query(`DELETE FROM child`);
    expect(await loadDemoIfEmpty(t.db)).toBe(false);
  });
});

describe('generatePartnership', () => {
  it('is deterministic: the same seed gives identical records', () => {
    expect(JSON.stringify(generatePartnership({ scale: 'demo' }))).toBe(JSON.stringify(generatePartnership({ scale: 'demo' })));
  });

  it('gives different names and dates for another seed but the same published figures', () => {
    const a = generatePartnership({ scale: 'demo', seed: 1 });
    const b = generatePartnership({ scale: 'demo', seed: 2 });
    expect(a.children[0].id).not.toBe(b.children[0].id);
    const stages = (d: typeof a) => d.children.filter((c) => c.stage === 'FAMILY_FINDING').length;
    expect(stages(a)).toBe(37);
    expect(stages(b)).toBe(37);
  });
});
