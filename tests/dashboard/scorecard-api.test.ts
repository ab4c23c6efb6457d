import { storeExtractChildren } from '../../src/sync/child-store';
import { readReturn } from '../../src/sync/ssda903/read-return';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { JOURNEYS_DIR } from '../support/fixture-data';

let hub: TestHub;
let seq = 0;

const SCORECARD = `query S($a: String!, $y: Int!) { scorecard(authority: $a, yearEnding: $y) {
  authority yearEnding windowFrom windowTo adoptedCount a1Count a1Days a10Count a10Days a2Count a2Days a3Percent
  a10ThresholdDays a2ThresholdDays meetsA1 meetsA10 meetsA2 suppressed suppressedFields inferenceControl suppressionReason } }`;
const TREND = `query T($a: String!, $from: Int, $to: Int) { scorecardTrend(authority: $a, fromYear: $from, toYear: $to) {
  yearEnding adoptedCount a10Days a2Days meetsA10 meetsA2 suppressed } }`;

/** An adopted child whose A1 = A10 = `a10` days and A2 = `a2` days, adopted on `adoptedOn`. */
async function adopted(authority: string, adoptedOn: string, a10: number, a2: number | null): Promise<void> {
  seq += 1;
  await hub.t.db.query(
    `INSERT INTO child (authority, source_id, stage, entered_care_on, placed_on, placement_order_on, matched_on, adoption_order_on)
     VALUES ($1, $2, 'ADOPTED', '2015-01-01'::date, '2015-01-01'::date + $3::int, '2015-01-01'::date,
             CASE WHEN $4::int IS NULL THEN NULL ELSE '2015-01-01'::date + $4::int END, $5::date)`,
    [authority, `A${seq}`, a10, a2, adoptedOn]);
}

const JOURNEYS = JOURNEYS_DIR;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  await hub.t.db.query(`INSERT INTO authority (code, name, kind, la_number, raa_code) VALUES ('JRN', 'Journeys', 'LOCAL_AUTHORITY', 990, 'ALE')`);
  // NHM: 3 children in the window ending 2021 (a small number); HAV: 6, one without a match date (out of A2: 5 left).
  await adopted('NHM', '2020-06-01', 300, 100);
  await adopted('NHM', '2019-06-01', 500, 200);
  await adopted('NHM', '2018-04-01', 400, 150);
  for (const [on, a10, a2] of [['2020-06-01', 400, 100], ['2020-01-01', 420, 120], ['2019-05-01', 430, 130],
    ['2018-09-01', 410, 110], ['2018-04-01', 426, 121], ['2020-12-01', 380, null]] as const) {
    await adopted('HAV', on, a10, a2);
  }
  // The nine worked annual returns, through the 903 child store as `hub import 903` sends them.
  for (let year = 2013; year <= 2021; year++) {
    const extract = await readReturn(`${JOURNEYS}/${year}`, { collectionYear: year });
    await storeExtractChildren(hub.t.db, 'JRN', year, extract.children);
  }
});
afterAll(async () => hub.close());

const ask = async (role: Parameters<TestHub['token']>[0], org: string, a: string, y: number) =>
  (await hub.gql(hub.token(role, org), SCORECARD, { a, y })).body;

describe('scorecard', () => {
  it('gives the figures, thresholds and verdicts (at or below the threshold meets it)', async () => {
    const s = (await ask('family_finder', 'ALE', 'HAV', 2021)).data.scorecard;
    expect(s).toEqual({
      authority: 'HAV', yearEnding: 2021, windowFrom: '2018-04-01', windowTo: '2021-03-31',
      adoptedCount: 6, a1Count: 6, a1Days: 411, a10Count: 6, a10Days: 411, a2Count: 5, a2Days: 116, a3Percent: 66.7,
      a10ThresholdDays: 426, a2ThresholdDays: 121, meetsA1: true, meetsA10: true, meetsA2: true, suppressed: false, suppressedFields: [],
      inferenceControl: 'NONE', suppressionReason: null,
    });
  });

  it('suppresses for la_analyst: counts 1–4, averages over fewer than 5 children, and windows with a small year group', async () => {
    const nhm = (await ask('la_analyst', 'BDG', 'NHM', 2021)).data.scorecard;
    expect(nhm).toMatchObject({ adoptedCount: null, a1Count: null, a1Days: null, a10Days: null, a2Days: null, a3Percent: null,
      meetsA10: null, meetsA2: null, suppressed: true });
    expect(nhm.suppressedFields).toEqual(expect.arrayContaining(['adoptedCount', 'a10Days', 'a2Days', 'a3Percent']));
    // HAV's 6 children are 2 a year: every figure rests on a year's group of 1 to 4, which differencing the windows of
    // a trend would give (docs/inference-control.md), so nothing of the window is shown.
    const hav = (await ask('la_analyst', 'BDG', 'HAV', 2021)).data.scorecard;
    expect(hav).toMatchObject({ adoptedCount: null, a10Days: null, a2Count: null, a2Days: null, suppressed: true,
      suppressionReason: 'SMALL_GROUP_IN_A_YEAR', inferenceControl: 'SCORECARD_YEAR_GROUPS' });
    // The same LA for a family finder: nothing withheld.
    const ff = (await ask('family_finder', 'ALE', 'NHM', 2021)).data.scorecard;
    expect(ff).toMatchObject({ adoptedCount: 3, a10Days: 400, a2Days: 150, meetsA10: true, meetsA2: false, suppressed: false });
    // Zero is shown; an empty average is null but not suppressed.
    const empty = (await ask('la_analyst', 'BDG', 'TWH', 2021)).data.scorecard;
    expect(empty).toMatchObject({ adoptedCount: 0, a10Days: null, suppressed: false });
  });

  it('refuses an LA outside the scope, and the social worker any LA but its own', async () => {
    expect((await ask('la_analyst', 'BDG', 'KEN', 2021)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ask('social_worker', 'BDG', 'HAV', 2021)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ask('social_worker', 'BDG', 'BDG', 2021)).data.scorecard.adoptedCount).toBe(0);
    expect((await ask('auditor', 'BDG', 'BDG', 2021)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ask('family_finder', 'ALE', 'HAV', 99999)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [2019, { adoptedCount: 33, a1Count: 32, a1Days: 377, a10Days: 308, a2Count: 32, a2Days: 179, a3Percent: 75.0 }],
    [2020, { adoptedCount: 42, a1Count: 40, a1Days: 372, a10Days: 283, a2Count: 40, a2Days: 161, a3Percent: 80.0 }],
    [2021, { adoptedCount: 43, a1Count: 42, a1Days: 377, a10Days: 276, a2Count: 42, a2Days: 169, a3Percent: 78.6 }],
  ])('gives docs/scorecard.md\'s table for the imported adoption journeys, year ending %i', async (year, want) => {
    expect((await ask('raa_manager', 'ALE', 'JRN', year)).data.scorecard).toMatchObject(want);
    // The analyst: each year's A1 and A2 populations are 5 or more, so the averages show; but a year has 1 or 2
    // children adopted without a placement for adoption, so the counts (one minus another gives that group) do not.
    const analyst = (await ask('la_analyst', 'BDG', 'JRN', year)).data.scorecard;
    expect(analyst).toMatchObject({ a1Days: want.a1Days, a10Days: want.a10Days, a2Days: want.a2Days, adoptedCount: null, a1Count: null,
      a2Count: null, suppressionReason: 'SMALL_GROUP_IN_A_YEAR' });
  });
});

describe('scorecardTrend', () => {
  it('gives one scorecard per year ending, the same as asking year by year', async () => {
    const { body } = await hub.gql(hub.token('raa_manager', 'ALE'), TREND, { a: 'JRN', from: 2017, to: 2021 });
    const trend = body.data.scorecardTrend;
    expect(trend.map((s: { yearEnding: number }) => s.yearEnding)).toEqual([2017, 2018, 2019, 2020, 2021]);
    for (const s of trend) {
      const one = (await ask('raa_manager', 'ALE', 'JRN', s.yearEnding)).data.scorecard;
      expect(s).toEqual({ yearEnding: one.yearEnding, adoptedCount: one.adoptedCount, a10Days: one.a10Days, a2Days: one.a2Days,
        meetsA10: one.meetsA10, meetsA2: one.meetsA2, suppressed: one.suppressed });
    }
    expect(trend[2]).toMatchObject({ adoptedCount: 33, a10Days: 308, a2Days: 179 });
  });

  it('defaults to the five years up to the latest adoption, and suppresses for the analyst', async () => {
    const { body } = await hub.gql(hub.token('la_analyst', 'BDG'), TREND, { a: 'NHM' });
    expect(body.data.scorecardTrend.map((s: { yearEnding: number }) => s.yearEnding)).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(body.data.scorecardTrend.every((s: { adoptedCount: number | null; suppressed: boolean }) =>
      s.adoptedCount === 0 ? !s.suppressed : s.adoptedCount === null && s.suppressed)).toBe(true);
  });

  it('refuses a reversed or too long range', async () => {
    for (const v of [{ from: 2021, to: 2019 }, { from: 1990, to: 2021 }]) {
      const { body } = await hub.gql(hub.token('raa_manager', 'ALE'), TREND, { a: 'HAV', ...v });
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
