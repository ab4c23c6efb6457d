import { quarterEnds } from '../../src/services/stage-count-trend';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// stageCountTrend (issue 10, "trends for stage counts"; docs/inference-control.md, STAGE_FLOW_GROUPS): children per
// LA and stage on quarter ends from their milestone dates; for la_analyst a point is shown only when every group of
// children it sums (by stage, quarter entered, quarter left) is 0 or at least 5.

let hub: TestHub;
const TREND = `query T($a: String, $f: Date, $t: Date) {
  stageCountTrend(authority: $a, from: $f, to: $t) { authority asOf stage count suppressed suppressionReason inferenceControl } }`;

type Point = { authority: string; asOf: string; stage: string; count: number | null; suppressed: boolean; suppressionReason: string | null; inferenceControl: string };

async function trend(role: string, org: string, vars: Record<string, unknown>): Promise<Point[]> {
  return (await hub.data(role as never, org, TREND, vars)).stageCountTrend;
}
const at = (points: Point[], asOf: string, stage: string): Point => points.find((p) => p.asOf === asOf && p.stage === stage)!;

async function children(n: number, seed: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < n; i++) await makeChild(hub.t.db, { authority: 'HAV', decision_on: null, placement_order_on: null, ...seed });
}

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  // HAV: 10 children with a placement order in 2023-Q1, still in family finding.
  await children(10, { stage: 'FAMILY_FINDING', decision_on: '2022-11-01', placement_order_on: '2023-02-01' });
  // 2 more: ADM decision 2023-04-10, placement order 2023-05-01, placed 2023-08-15 (in FAMILY_FINDING on 30 June only).
  await children(2, { stage: 'MATCHED_PLACED', decision_on: '2023-04-10', placement_order_on: '2023-05-01', placed_on: '2023-08-15' });
  // 6: decision 2023-01-20, plan changed 2023-10-02 (ADM_DECISION on 31 March, 30 June, 30 September; then PLAN_CHANGED).
  await children(6, { stage: 'PLAN_CHANGED', decision_on: '2023-01-20', plan_changed_on: '2023-10-02' });
  // No dates: never in the trend (its stage cannot be placed in time).
  await children(3, { stage: 'PARALLEL_PLANNING' });
  // Another LA, so the scope narrows to the one asked for.
  await makeChild(hub.t.db, { authority: 'NHM', stage: 'FAMILY_FINDING' });
});
afterAll(async () => hub.close());

describe('stageCountTrend', () => {
  it('counts children in each stage on every quarter end from their milestone dates (in full for RAA staff)', async () => {
    const points = await trend('family_finder', 'ALE', { a: 'HAV', f: '2022-12-01', t: '2023-12-31' });
    expect([...new Set(points.map((p) => p.asOf))]).toEqual(['2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31']);
    expect([...new Set(points.map((p) => p.stage))]).toEqual(['ADM_DECISION', 'FAMILY_FINDING', 'MATCHED_PLACED', 'PLAN_CHANGED']);
    const table = (stage: string): (number | null)[] => points.filter((p) => p.stage === stage).map((p) => p.count);
    // 31 Dec 2022: the 10 have a decision only. 31 Mar: their placement order; the 6 decided. 30 Jun: the 2 in family
    // finding too. 30 Sep: the 2 placed. 31 Dec: the 6 plan changed.
    expect(table('ADM_DECISION')).toEqual([10, 6, 6, 6, 0]);
    expect(table('FAMILY_FINDING')).toEqual([0, 10, 12, 10, 10]);
    expect(table('MATCHED_PLACED')).toEqual([0, 0, 0, 2, 2]);
    expect(table('PLAN_CHANGED')).toEqual([0, 0, 0, 0, 6]);
    expect(points.every((p) => p.authority === 'HAV' && !p.suppressed && p.inferenceControl === 'NONE')).toBe(true);
  });

  it('withholds, for la_analyst, every point that sums a group of 1 to 4 children by quarter entered and left, so no difference gives a small flow', async () => {
    const points = await trend('la_analyst', 'BDG', { a: 'HAV', f: '2022-12-01', t: '2023-12-31' });
    expect(points.every((p) => p.inferenceControl === 'STAGE_FLOW_GROUPS')).toBe(true);
    // FAMILY_FINDING on 30 June sums the 10 and the 2 (entered 2023-Q2, left 2023-Q3): withheld, or 12 - 10 = 2.
    expect(at(points, '2023-06-30', 'FAMILY_FINDING')).toMatchObject({ count: null, suppressed: true, suppressionReason: 'SMALL_GROUP_IN_A_FLOW' });
    expect(at(points, '2023-03-31', 'FAMILY_FINDING')).toMatchObject({ count: 10, suppressed: false, suppressionReason: null });
    expect(at(points, '2023-09-30', 'FAMILY_FINDING').count).toBe(10);
    // The same 2 placed: MATCHED_PLACED withheld from 30 September on (its group of 2 never leaves).
    expect(at(points, '2023-09-30', 'MATCHED_PLACED').suppressed).toBe(true);
    expect(at(points, '2023-12-31', 'MATCHED_PLACED').suppressed).toBe(true);
    // Groups of 10 and 6 and zeros are shown.
    expect(at(points, '2022-12-31', 'ADM_DECISION').count).toBe(10);
    expect(at(points, '2023-06-30', 'ADM_DECISION').count).toBe(6);
    expect(at(points, '2023-12-31', 'PLAN_CHANGED').count).toBe(6);
    expect(at(points, '2023-03-31', 'MATCHED_PLACED').count).toBe(0);
  });

  it('decides a point the same whatever range is asked for', async () => {
    const wide = await trend('la_analyst', 'BDG', { a: 'HAV', f: '2021-01-01', t: '2025-12-31' });
    for (const [f, t] of [['2023-06-30', '2023-06-30'], ['2023-04-01', '2023-07-15'], ['2022-01-01', '2023-06-30']]) {
      const narrow = await trend('la_analyst', 'BDG', { a: 'HAV', f, t });
      for (const p of narrow) expect(p).toEqual(at(wide, p.asOf, p.stage));
    }
  });

  it('defaults to the last 8 quarter ends, over every LA in scope, and refuses an LA outside it or a backwards range', async () => {
    const points = await trend('la_analyst', 'BDG', {});
    const ends = quarterEnds();
    expect(ends).toHaveLength(8);
    expect(ends[7] <= new Date().toISOString().slice(0, 10)).toBe(true);
    expect([...new Set(points.map((p) => p.asOf))]).toEqual(ends);
    expect([...new Set(points.map((p) => p.authority))]).toEqual(['BDG', 'HAV', 'NHM', 'TWH']);
    const outside = await hub.gql(hub.token('la_analyst', 'BDG'), TREND, { a: 'KEN' });
    expect(outside.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const backwards = await hub.gql(hub.token('family_finder', 'ALE'), TREND, { f: '2024-01-01', t: '2023-01-01' });
    expect(backwards.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const auditor = await hub.gql(hub.token('auditor', 'ALE'), TREND, {});
    expect(auditor.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
