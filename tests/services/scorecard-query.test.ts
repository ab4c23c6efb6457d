import * as fs from 'fs';
import * as path from 'path';
import { scorecardFigures, scorecardWindow } from '../../src/services/scorecard-query';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { JOURNEYS_DIR } from '../support/fixture-data';

// A child's milestone dates, as the scorecard reads them; anything left out is NULL.
interface Dates {
  enteredCareOn?: string; placementOrderOn?: string; matchedOn?: string; placedOn?: string; movedInOn?: string;
  adoptionOrderOn?: string;
}

let t: TestDatabase;
let seq = 0;

async function addChild(authority: string, d: Dates): Promise<void> {
  seq += 1;
  await t.db.query(
    `INSERT INTO child (authority, source_id, stage, entered_care_on, placement_order_on, matched_on, placed_on,
                        moved_in_on, adoption_order_on)
     VALUES ($1, $2, 'ADOPTED', $3, $4, $5, $6, $7, $8)`,
    [authority, `C${seq}`, d.enteredCareOn ?? null, d.placementOrderOn ?? null, d.matchedOn ?? null,
      d.placedOn ?? null, d.movedInOn ?? null, d.adoptionOrderOn ?? null]);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.query(`INSERT INTO authority (code, name, kind) VALUES ('RAA', 'An RAA', 'REGIONAL_ADOPTION_AGENCY')`);
  for (const [code, n] of [['JRN', 901], ['RND', 902], ['EDG', 903], ['EXC', 904], ['NON', 905]] as const) {
    await t.db.query(`INSERT INTO authority (code, name, kind, la_number, raa_code) VALUES ($1, $1, 'LOCAL_AUTHORITY', $2, 'RAA')`, [code, n]);
  }
});
afterAll(async () => t.close());

describe('scorecardFigures against the worked adoption journeys (data/ssda903/adoption-journeys)', () => {
  const file = path.join(JOURNEYS_DIR, 'expected.json');
  const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    children: Record<string, Dates>;
    scorecard: Record<string, { adoptedCount: number; a1Count: number; a1Days: number; a10Days: number; a2Count: number; a2Days: number; a3Percent: number }>;
  };

  beforeAll(async () => {
    for (const dates of Object.values(expected.children)) await addChild('JRN', dates);
  });

  it.each([2019, 2020, 2021])('reproduces the published figures for the year ending %i', async (year) => {
    const want = expected.scorecard[String(year)];
    const got = await scorecardFigures(t.db, 'JRN', year);
    expect({
      adoptedCount: got.adoptedCount, a1Count: got.a1Count, a1Days: got.a1Days, a10Days: got.a10Days,
      a2Count: got.a2Count, a2Days: got.a2Days, a3Percent: got.a3Percent,
    }).toEqual({
      adoptedCount: want.adoptedCount, a1Count: want.a1Count, a1Days: want.a1Days, a10Days: want.a10Days,
      a2Count: want.a2Count, a2Days: want.a2Days, a3Percent: want.a3Percent,
    });
    expect(got.a10Count).toBe(want.a1Count);
  });
});

describe('scorecardFigures on hand-built children', () => {
  it('rounds averages and A3 half up', async () => {
    // A1: 100 and 101 -> 100.5 -> 101. A2: 10 and 11 -> 10.5 -> 11. A3: 1 of 2 under 426 -> 50.0.
    await addChild('RND', { enteredCareOn: '2019-01-01', placedOn: '2019-04-11', placementOrderOn: '2019-02-01', matchedOn: '2019-02-11', adoptionOrderOn: '2020-01-10' });
    await addChild('RND', { enteredCareOn: '2019-01-01', placedOn: '2019-04-12', placementOrderOn: '2019-02-01', matchedOn: '2019-02-12', adoptionOrderOn: '2020-01-10' });
    await addChild('RND', { enteredCareOn: '2016-01-01', placedOn: '2017-12-01', placementOrderOn: '2017-06-01', matchedOn: '2017-05-01', adoptionOrderOn: '2018-01-10' });
    const f = await scorecardFigures(t.db, 'RND', 2020);
    // Third child: A1 700, matched before the order so A2 0. A1 = 901 / 3 = 300.33 -> 300; A2 = 21 / 3 = 7; A3 = 2 of 3 -> 66.7.
    expect(f).toMatchObject({ adoptedCount: 3, a1Count: 3, a1Days: 300, a10Days: 300, a2Count: 3, a2Days: 7, a3Percent: 66.7 });
    const two = await scorecardFigures(t.db, 'RND', 2021); // the January 2018 adoption drops out of 2018-21
    expect(two).toMatchObject({ adoptedCount: 2, a1Days: 101, a2Days: 11, a3Percent: 100 });
  });

  it('counts a match before the placement order as 0 and a foster-carer move-in before entry as 0', async () => {
    await addChild('EXC', { enteredCareOn: '2019-05-01', movedInOn: '2019-04-20', placedOn: '2019-11-01', placementOrderOn: '2019-08-01', matchedOn: '2019-07-01', adoptionOrderOn: '2020-02-01' });
    await addChild('EXC', { enteredCareOn: '2019-05-01', movedInOn: '2019-05-31', placedOn: '2019-11-01', placementOrderOn: '2019-08-01', matchedOn: '2019-08-21', adoptionOrderOn: '2020-02-01' });
    const f = await scorecardFigures(t.db, 'EXC', 2020);
    // A1 184 each; A10 max(0,-11)=0 and 30 -> 15; A2 0 and 20 -> 10.
    expect(f).toMatchObject({ adoptedCount: 2, a1Days: 184, a10Count: 2, a10Days: 15, a2Count: 2, a2Days: 10, a3Percent: 100 });
  });

  it('counts the 1 April and 31 March adoptions and none outside the window', async () => {
    const { from, to } = scorecardWindow(2021);
    expect({ from, to }).toEqual({ from: '2018-04-01', to: '2021-03-31' });
    const base = { enteredCareOn: '2017-01-01', placedOn: '2017-12-01', placementOrderOn: '2017-06-01', matchedOn: '2017-11-01' };
    for (const day of ['2018-03-31', '2018-04-01', '2021-03-31', '2021-04-01']) await addChild('EDG', { ...base, adoptionOrderOn: day });
    expect((await scorecardFigures(t.db, 'EDG', 2021)).adoptedCount).toBe(2);
    expect((await scorecardFigures(t.db, 'EDG', 2018)).adoptedCount).toBe(1);
    expect((await scorecardFigures(t.db, 'EDG', 2022)).adoptedCount).toBe(2);
  });

  it('leaves children without a placement out of A1/A10/A2/A3 and without order or match out of A2 only', async () => {
    await addChild('NON', { enteredCareOn: '2019-01-01', placementOrderOn: '2019-03-01', adoptionOrderOn: '2020-01-01' });
    await addChild('NON', { enteredCareOn: '2019-01-01', placedOn: '2019-07-20', adoptionOrderOn: '2020-01-01' });
    await addChild('NON', { enteredCareOn: '2019-01-01', placedOn: '2019-07-20', placementOrderOn: '2019-03-01', adoptionOrderOn: '2020-01-01' });
    const f = await scorecardFigures(t.db, 'NON', 2020);
    expect(f).toMatchObject({ adoptedCount: 3, a1Count: 2, a1Days: 200, a10Count: 2, a10Days: 200, a2Count: 0, a2Days: null, a3Percent: 100 });
  });

  it('gives nulls and zero counts for an empty population', async () => {
    const f = await scorecardFigures(t.db, 'NON', 2030);
    expect(f).toEqual({ authority: 'NON', yearEnding: 2030, adoptedCount: 0, a1Count: 0, a1Days: null, a10Count: 0, a10Days: null, a2Count: 0, a2Days: null, a3Percent: null,
      a3PercentA1Basis: null, segments: { count: 0, enteredCareToPlacementOrderDays: null, placementOrderToMatchDays: null, matchToMovedInDays: null },
      smallGroups: { counts: false, a1: false, a2: false, a3: false, a3A1: false, segments: false } });
  });
});
