import { loadDemoIfEmpty } from '../../src/demo/load-demo-partnership';
import { BDG_SCORECARD, SIBLING_NEEDS, STAGE_TABLE, STAGE_TOTALS } from '../support/published-figures';
import { startTestHub, TestHub } from '../support/test-hub';

// docs/domain.md "Figures the demo partnership must reproduce", read back through the dashboard's GraphQL queries.
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await loadDemoIfEmpty(hub.t.db);
}, 120_000);
afterAll(async () => hub.close());


type Cell = { authority?: string; agency?: string; stage?: string; type?: string; band?: string; count: number | null; suppressed: boolean };

const data = <T = any>(role: Parameters<TestHub['token']>[0], org: string, query: string, variables?: Record<string, unknown>): Promise<T> => hub.data<T>(role, org, query, variables);

describe('the demo partnership on the dashboard', () => {
  it("shows the report's stage × LA table to the RAA", async () => {
    const { familyFindingSummary: rows } = await data<{ familyFindingSummary: Cell[] }>('raa_manager', 'ALE',
      '{ familyFindingSummary { authority stage count suppressed } }');
    const got: Record<string, Record<string, number | null>> = {};
    for (const r of rows) (got[r.stage!] ??= {})[r.authority!] = r.count;
    expect(got).toEqual(STAGE_TABLE);
    const totals = (la: string) => rows.filter((r) => r.authority === la).reduce((s, r) => s + (r.count ?? 0), 0);
    expect(Object.fromEntries(Object.keys(STAGE_TOTALS).map((la) => [la, totals(la)]))).toEqual(STAGE_TOTALS);
  });

  it('shows the same table to the analyst with 1–4 suppressed and everything else as published', async () => {
    const { familyFindingSummary: rows } = await data<{ familyFindingSummary: Cell[] }>('la_analyst', 'BDG',
      '{ familyFindingSummary { authority stage count suppressed } }');
    for (const r of rows) {
      const published = (STAGE_TABLE[r.stage!] as Record<string, number>)[r.authority!];
      expect([r.stage, r.authority, r.count, r.suppressed]).toEqual(
        [r.stage, r.authority, published >= 1 && published <= 4 ? null : published, published >= 1 && published <= 4]);
    }
  });

  it('shows the adopter pipeline, support cases and sibling groups of the report', async () => {
    const d = await data('family_finder', 'ALE', `{
      adopterPipeline { stage count }
      supportCaseSummary { authority type count }
      childrenInFamilyFindingBreakdown(by: SIBLING_NEED) { band count } }`);
    const pipeline = Object.fromEntries(d.adopterPipeline.map((r: Cell) => [r.stage, r.count]));
    expect(pipeline).toMatchObject({ ENQUIRY: 21, STAGE_ONE: 17, STAGE_TWO: 9, APPROVED: 19, PLACED: 18 });
    const support = (la: string, type: string) => d.supportCaseSummary.find((r: Cell) => r.authority === la && r.type === type).count;
    expect([support('TWH', 'ASSESSMENT'), support('HAV', 'ASSESSMENT'), support('NHM', 'ASSESSMENT'), support('BDG', 'ASSESSMENT')]).toEqual([32, 20, 19, 7]);
    expect([support('TWH', 'UNASSESSED_SUPPORT'), support('HAV', 'UNASSESSED_SUPPORT'), support('NHM', 'UNASSESSED_SUPPORT'), support('BDG', 'UNASSESSED_SUPPORT')]).toEqual([11, 19, 8, 15]);
    expect([support('TWH', 'DIRECT_CONTACT'), support('HAV', 'DIRECT_CONTACT'), support('NHM', 'DIRECT_CONTACT'), support('BDG', 'DIRECT_CONTACT')]).toEqual([22, 1, 28, 33]);
    const need = (band: string) => d.childrenInFamilyFindingBreakdown.filter((r: Cell) => r.band === band).reduce((s: number, r: Cell) => s + (r.count ?? 0), 0);
    expect([need('Solo'), need('With one sibling'), need('With two or more siblings')]).toEqual([SIBLING_NEEDS.solo, SIBLING_NEEDS.pair, SIBLING_NEEDS.three]);
  });

  it("gives Barking and Dagenham's scorecard from its corporate parenting report", async () => {
    const q = `query S($y: Int!) { scorecard(authority: "BDG", yearEnding: $y) { adoptedCount a10Days a2Days meetsA10 meetsA2 } }`;
    for (const [role, org] of [['la_analyst', 'BDG'], ['social_worker', 'BDG'], ['raa_manager', 'ALE']] as const) {
      expect((await data(role, org, q, { y: 2020 })).scorecard).toMatchObject({ a10Days: 465, a2Days: 246, meetsA10: false, meetsA2: false });
      expect((await data(role, org, q, { y: 2021 })).scorecard).toMatchObject({ adoptedCount: 19 + 15 + 14, a10Days: 503, a2Days: 218 });
    }
    const trend = (await data('la_analyst', 'BDG', '{ scorecardTrend(authority: "BDG", fromYear: 2019, toYear: 2021) { yearEnding a10Days a2Days } }')).scorecardTrend;
    expect(trend).toEqual([2019, 2020, 2021].map((yearEnding) => ({ yearEnding, ...BDG_SCORECARD[yearEnding] })));
  });
});
