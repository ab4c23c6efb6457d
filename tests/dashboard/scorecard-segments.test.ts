import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Issue 11 §4: A10 in segments, the single year beside the window, the next window's projection, A3 on both bases.
// Seven HAV children, each entering care on 2015-01-01; the milestones are days after that. Worked by hand below.
let hub: TestHub;

interface Journey { adoptedOn: string; po: number | null; match: number | null; placed: number; movedIn?: number }
const JOURNEYS: Journey[] = [
  // FY 2020-21 (year ending 2021)
  { adoptedOn: '2020-06-01', po: 200, match: 300, placed: 330 }, // c1: A1 330, A2 100, segments 200/100/30
  { adoptedOn: '2020-09-01', po: 100, match: 90, placed: 400 }, // c2: A1 400, A2 0 (matched first), segments 100/-10/310
  { adoptedOn: '2021-03-31', po: 250, match: 400, placed: 500, movedIn: 420 }, // c3: A1 500, A10 420, A2 150, segments 250/150/20
  // FY 2019-20
  { adoptedOn: '2019-04-01', po: 300, match: 420, placed: 440 }, // c4: A1 440, A2 120, segments 300/120/20
  { adoptedOn: '2020-03-31', po: null, match: null, placed: 380 }, // c5: A1 380, not in A2 nor the segments
  // FY 2018-19
  { adoptedOn: '2018-04-01', po: 150, match: 260, placed: 300 }, // c6: A1 300, A2 110, segments 150/110/40
  // FY 2021-22: only in the next window
  { adoptedOn: '2021-04-01', po: 200, match: 350, placed: 360 }, // c7: A1 360, A2 150
];

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  for (const [i, j] of JOURNEYS.entries()) {
    const d = (n: number) => `'2015-01-01'::date + $${n}::int`;
    await hub.t.db.query(
      `INSERT INTO child (authority, source_id, stage, entered_care_on, placement_order_on, matched_on, placed_on, moved_in_on, adoption_order_on)
       VALUES ('HAV', $1, 'ADOPTED', '2015-01-01', ${d(2)}, ${d(3)}, ${d(4)}, ${d(5)}, $6)`,
      [`SEG${i}`, j.po, j.match, j.placed, j.movedIn ?? null, j.adoptedOn]);
  }
});
afterAll(async () => hub.close());

const FIGURES = `adoptedCount a1Days a10Days a2Count a2Days a3Percent a3PercentA1Basis period complete windowFrom windowTo
  a10Segments { count enteredCareToPlacementOrderDays placementOrderToMatchDays matchToMovedInDays } suppressed suppressionReason`;
const SCORECARD = `query S($a: String!, $y: Int!) { scorecard(authority: $a, yearEnding: $y) { ${FIGURES}
  singleYear { ${FIGURES} } projection { ${FIGURES} } } }`;

async function scorecard(role: 'raa_manager' | 'la_analyst', org: string): Promise<any> {
  return (await hub.data(role, org, SCORECARD, { a: 'HAV', y: 2021 })).scorecard;
}

describe('scorecard: segments, single year, projection and both A3 bases', () => {
  it('splits A10 into its segments over the children in both A1 and A2, adding up to their A10', async () => {
    const s = await scorecard('raa_manager', 'ALE');
    // c1..c6 adopted 2018-04-01..2021-03-31. A1: 330+400+500+440+380+300 = 2350 / 6 = 391.7 -> 392;
    // A10: c3 moved in at 420: 2270 / 6 = 378.3 -> 378; A2 (c5 out): 100+0+150+120+110 = 480 / 5 = 96.
    expect(s).toMatchObject({ period: 'THREE_YEARS', windowFrom: '2018-04-01', windowTo: '2021-03-31', complete: true,
      adoptedCount: 6, a1Days: 392, a10Days: 378, a2Count: 5, a2Days: 96 });
    // Segments over c1, c2, c3, c4, c6: 1000/5 = 200, 470/5 = 94, 420/5 = 84; 200 + 94 + 84 = 378, their mean A10.
    expect(s.a10Segments).toEqual({ count: 5, enteredCareToPlacementOrderDays: 200, placementOrderToMatchDays: 94, matchToMovedInDays: 84 });
  });

  it('gives A3 on both bases: the A10 population (hub) and the A1 population (DfE)', async () => {
    const s = await scorecard('raa_manager', 'ALE');
    // A10 under 426: 330, 400, 420, 380, 300 = 5 of 6; A1 under 426: 330, 400, 380, 300 = 4 of 6.
    expect([s.a3Percent, s.a3PercentA1Basis]).toEqual([83.3, 66.7]);
  });

  it('puts the single year beside the window', async () => {
    const y = (await scorecard('raa_manager', 'ALE')).singleYear;
    // c1, c2, c3: A1 1230/3 = 410; A10 1150/3 = 383.3 -> 383; A2 250/3 = 83.3 -> 83; A3 3 of 3, and 2 of 3 on A1.
    expect(y).toMatchObject({ period: 'SINGLE_YEAR', windowFrom: '2020-04-01', windowTo: '2021-03-31', adoptedCount: 3,
      a1Days: 410, a10Days: 383, a2Days: 83, a3Percent: 100, a3PercentA1Basis: 66.7 });
    expect(y.a10Segments).toEqual({ count: 3, enteredCareToPlacementOrderDays: 183, placementOrderToMatchDays: 80, matchToMovedInDays: 120 });
  });

  it('projects the next window from the children already adopted in it', async () => {
    const p = (await scorecard('raa_manager', 'ALE')).projection;
    // Years ending 2020-2022: c1..c5 and c7. A10: 330+400+420+440+380+360 = 2330 / 6 = 388.3 -> 388.
    expect(p).toMatchObject({ period: 'NEXT_WINDOW', windowFrom: '2019-04-01', windowTo: '2022-03-31', adoptedCount: 6, a10Days: 388 });
  });

  it('withholds all of it from la_analyst when a year inside holds a group of 1 to 4 children', async () => {
    const s = await scorecard('la_analyst', 'BDG');
    for (const v of [s, s.singleYear, s.projection]) {
      expect(v).toMatchObject({ adoptedCount: null, a10Days: null, a3Percent: null, a3PercentA1Basis: null, suppressed: true,
        suppressionReason: 'SMALL_GROUP_IN_A_YEAR' });
      expect(v.a10Segments).toEqual({ count: null, enteredCareToPlacementOrderDays: null, placementOrderToMatchDays: null, matchToMovedInDays: null });
    }
  });

  it('gives the same single years and projections in a trend', async () => {
    const { body } = await hub.gql(hub.token('raa_manager', 'ALE'), `{ scorecardTrend(authority: "HAV", fromYear: 2020, toYear: 2021) {
      yearEnding singleYear { yearEnding adoptedCount a10Days } projection { yearEnding adoptedCount a10Days } } }`);
    const [y2020, y2021] = body.data.scorecardTrend;
    expect(y2021.singleYear).toEqual({ yearEnding: 2021, adoptedCount: 3, a10Days: 383 });
    expect(y2021.projection).toEqual({ yearEnding: 2021, adoptedCount: 6, a10Days: 388 });
    // Year ending 2020 alone: c4, c5 (A10 440, 380 -> 410); its projection is the window ending 2021 (378).
    expect(y2020.singleYear).toEqual({ yearEnding: 2020, adoptedCount: 2, a10Days: 410 });
    expect(y2020.projection).toEqual({ yearEnding: 2020, adoptedCount: 6, a10Days: 378 });
  });
});
