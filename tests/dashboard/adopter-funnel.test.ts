import { makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

// Issue 11 §3 on a small cohort of ALE households built by factories; every expected value is worked out by hand in
// the comments (docs/adopter-funnel.md gives the definitions).
let hub: TestHub;

const NONE = { approved_on: null, stage1_started_on: null, stage1_ended_on: null, stage2_started_on: null, stage2_ended_on: null,
  application_on: null, matched_on: null, left_on: null, enquiry_on: null };

beforeAll(async () => {
  hub = await startTestHub();
  const sql = hub.t.db;
  await seedAuthorities(sql);
  const h = (seed: Record<string, unknown>) => makeHousehold(sql, { agency: 'ALE', ...NONE, ...seed });
  // Cohort 2024-Q1 (first enquiry January to March 2024): six households, furthest steps 4, 3, 2, 1, 0, 0.
  await h({ reference: 'h1', stage: 'MATCHED', enquiry_on: '2024-01-05', stage1_started_on: '2024-01-20', stage1_ended_on: '2024-03-10',
    stage2_started_on: '2024-03-15', stage2_ended_on: '2024-07-01', application_on: '2024-03-15', approved_on: '2024-07-10', matched_on: '2024-09-01' });
  await h({ reference: 'h2', stage: 'APPROVED', enquiry_on: '2024-02-01', stage1_started_on: '2024-02-10', stage1_ended_on: '2024-05-01',
    stage2_started_on: '2024-05-05', stage2_ended_on: '2024-10-01', application_on: '2024-05-05', approved_on: '2024-10-20' });
  await h({ reference: 'h3', stage: 'STAGE_TWO', enquiry_on: '2024-02-15', stage1_started_on: '2024-03-01', stage1_ended_on: '2024-04-20',
    stage2_started_on: '2024-04-25', application_on: '2024-04-25' });
  await h({ reference: 'h4', stage: 'STAGE_ONE', enquiry_on: '2024-03-01', stage1_started_on: '2024-03-10' });
  await h({ reference: 'h5', stage: 'ENQUIRY', enquiry_on: '2024-03-20' });
  await h({ reference: 'h6', stage: 'WITHDRAWN', enquiry_on: '2024-03-31', left_on: '2024-04-15', left_reason_code: 'WITHDREW' });
  // Cohort 2024-Q2: five enquiries in April that went no further: alike in everything the adopter figures count, so one
  // group of 5 (household-groups-policy.ts), shown to the analyst.
  for (const day of ['2024-04-01', '2024-04-08', '2024-04-15', '2024-04-22', '2024-04-30']) await h({ stage: 'ENQUIRY', enquiry_on: day });
  // Leavers without an enquiry date: an approval rescinded in June 2024, and an uncoded leaver in November 2023.
  await h({ reference: 'h8', stage: 'WITHDRAWN', approved_on: '2023-05-01', left_on: '2024-06-01', left_reason_code: 'APPROVAL_RESCINDED' });
  await h({ reference: 'h9', stage: 'WITHDRAWN', left_on: '2023-11-01' });
  // Another RAA's household, never counted for ALE.
  await makeHousehold(sql, { agency: 'APSE', ...NONE, stage: 'ENQUIRY', enquiry_on: '2024-02-01' });
});
afterAll(async () => hub.close());

const data = (role: 'raa_manager' | 'la_analyst', org: string, query: string, variables?: Record<string, unknown>): Promise<any> => hub.data(role, org, query, variables);

const FUNNEL = `query F($f: String, $t: String) { adopterFunnel(fromQuarter: $f, toQuarter: $t) { agency quarter quarterStart enquiries stageOne
  stageTwo approved matched stageOnePercent stageTwoPercent approvedPercent matchedPercent suppressed suppressionReason inferenceControl } }`;

describe('adopterFunnel', () => {
  it('gives each cohort the households reaching each step, and the conversion from enquiry', async () => {
    const rows = (await data('raa_manager', 'ALE', FUNNEL, { f: '2024-Q1', t: '2024-Q2' })).adopterFunnel;
    expect(rows).toEqual([
      // 6 enquiries; reached stage 1: h1-h4 (4 = 66.7%); stage 2: h1-h3 (50%); approved: h1, h2 (33.3%); matched: h1 (16.7%).
      { agency: 'ALE', quarter: '2024-Q1', quarterStart: '2024-01-01', enquiries: 6, stageOne: 4, stageTwo: 3, approved: 2, matched: 1,
        stageOnePercent: 66.7, stageTwoPercent: 50, approvedPercent: 33.3, matchedPercent: 16.7, suppressed: false, suppressionReason: null, inferenceControl: 'NONE' },
      { agency: 'ALE', quarter: '2024-Q2', quarterStart: '2024-04-01', enquiries: 5, stageOne: 0, stageTwo: 0, approved: 0, matched: 0,
        stageOnePercent: 0, stageTwoPercent: 0, approvedPercent: 0, matchedPercent: 0, suppressed: false, suppressionReason: null, inferenceControl: 'NONE' },
    ]);
  });

  it('withholds from la_analyst a cohort with a household of a group of 1 to 4, and shows one made of a group of 5', async () => {
    const [q1, q2] = (await data('la_analyst', 'BDG', FUNNEL, { f: '2024-Q1', t: '2024-Q2' })).adopterFunnel;
    expect(q1).toMatchObject({ enquiries: null, stageOne: null, matched: null, approvedPercent: null, suppressed: true,
      suppressionReason: 'SMALL_HOUSEHOLD_GROUP', inferenceControl: 'HOUSEHOLD_GROUPS' });
    expect(q2).toMatchObject({ enquiries: 5, stageOne: 0, matched: 0, suppressed: false, inferenceControl: 'HOUSEHOLD_GROUPS' });
  });

  it('defaults to the 8 quarters up to the latest enquiry, and refuses a bad quarter', async () => {
    const rows = (await data('raa_manager', 'ALE', FUNNEL)).adopterFunnel;
    expect(rows.map((r: { quarter: string }) => r.quarter)).toEqual(['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    const { body } = await hub.gql(hub.token('raa_manager', 'ALE'), FUNNEL, { f: '2024-Q5', t: '2024-Q6' });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

const TIMELINESS = `query T($f: String, $t: String) { adopterTimeliness(fromQuarter: $f, toQuarter: $t) { quarter measure normMonths
  households averageDays withinNorm withinNormPercent suppressed } }`;

describe('adopterTimeliness', () => {
  it('times each step against its norm, by the quarter the step ended', async () => {
    const rows = (await data('raa_manager', 'ALE', TIMELINESS, { f: '2024-Q1', t: '2024-Q4' })).adopterTimeliness;
    const row = (q: string, m: string) => rows.find((r: any) => r.quarter === q && r.measure === m);
    // Stage 1: h1 20 Jan -> 10 Mar 2024, 50 days, within 2 months.
    expect(row('2024-Q1', 'STAGE_ONE')).toMatchObject({ normMonths: 2, households: 1, averageDays: 50, withinNorm: 1, withinNormPercent: 100 });
    // h2 10 Feb -> 1 May (81 days, beyond 10 Apr) and h3 1 Mar -> 20 Apr (50, within): mean 65.5 -> 66.
    expect(row('2024-Q2', 'STAGE_ONE')).toMatchObject({ households: 2, averageDays: 66, withinNorm: 1, withinNormPercent: 50 });
    // Stage 2: h1 15 Mar -> 1 Jul, 108 days (within 4 months); h2 5 May -> 1 Oct, 149 days (beyond 5 Sep).
    expect(row('2024-Q3', 'STAGE_TWO')).toMatchObject({ normMonths: 4, households: 1, averageDays: 108, withinNorm: 1 });
    expect(row('2024-Q4', 'STAGE_TWO')).toMatchObject({ households: 1, averageDays: 149, withinNorm: 0, withinNormPercent: 0 });
    // Registration to approval: h1 20 Jan -> 10 Jul, 172 days (within 6 months); h2 10 Feb -> 20 Oct, 253 days (beyond).
    expect(row('2024-Q3', 'REGISTRATION_TO_APPROVAL')).toMatchObject({ normMonths: 6, households: 1, averageDays: 172, withinNorm: 1 });
    expect(row('2024-Q4', 'REGISTRATION_TO_APPROVAL')).toMatchObject({ households: 1, averageDays: 253, withinNorm: 0 });
    // Approval to match: h1 10 Jul -> 1 Sep, 53 days (within 3 months). h8's approval never led to a match.
    expect(row('2024-Q3', 'APPROVAL_TO_MATCH')).toMatchObject({ normMonths: 3, households: 1, averageDays: 53, withinNorm: 1 });
    expect(row('2024-Q1', 'APPROVAL_TO_MATCH')).toMatchObject({ households: 0, averageDays: null, withinNormPercent: null });
  });

  it('withholds from la_analyst a quarter where those within or beyond the norm are 1 to 4', async () => {
    const rows = (await data('la_analyst', 'BDG', TIMELINESS, { f: '2024-Q1', t: '2024-Q4' })).adopterTimeliness;
    expect(rows.find((r: any) => r.quarter === '2024-Q2' && r.measure === 'STAGE_ONE')).toMatchObject({ households: null, averageDays: null, suppressed: true });
    expect(rows.find((r: any) => r.quarter === '2024-Q1' && r.measure === 'APPROVAL_TO_MATCH')).toMatchObject({ households: 0, suppressed: false });
  });
});

const INDICATORS = `query I($f: String, $t: String) { adopterIndicators(fromQuarter: $f, toQuarter: $t) { quarter quarterEnd a11 a11Suppressed
  a12Matched a12WaitedThreeMonths a12Percent a12Suppressed a13 a13Suppressed } }`;

describe('adopterIndicators (A11, A12, A13)', () => {
  it('counts families waiting, matched after waiting and applications to assess', async () => {
    const rows = (await data('raa_manager', 'ALE', INDICATORS, { f: '2024-Q3', t: '2024-Q4' })).adopterIndicators;
    // 30 Sep: h1 approved 10 Jul but matched 1 Sep; h2 not yet approved: A11 0. Applications open: h2 (5 May), h3 (25 Apr).
    // Matched in Q3: h1, 53 days after approval (under 3 months): 1 matched, 0 waited.
    expect(rows[0]).toEqual({ quarter: '2024-Q3', quarterEnd: '2024-09-30', a11: 0, a11Suppressed: false, a12Matched: 1, a12WaitedThreeMonths: 0,
      a12Percent: 0, a12Suppressed: false, a13: 2, a13Suppressed: false });
    // 31 Dec: h2 approved 20 Oct and waiting: A11 1; only h3's application is open: A13 1; nobody matched in Q4.
    expect(rows[1]).toEqual({ quarter: '2024-Q4', quarterEnd: '2024-12-31', a11: 1, a11Suppressed: false, a12Matched: 0, a12WaitedThreeMonths: 0,
      a12Percent: null, a12Suppressed: false, a13: 1, a13Suppressed: false });
  });

  it('withholds small numbers from la_analyst', async () => {
    const [q3, q4] = (await data('la_analyst', 'BDG', INDICATORS, { f: '2024-Q3', t: '2024-Q4' })).adopterIndicators;
    expect(q3).toMatchObject({ a11: 0, a12Matched: null, a12Percent: null, a12Suppressed: true, a13: null, a13Suppressed: true });
    expect(q4).toMatchObject({ a11: null, a11Suppressed: true, a12Matched: 0, a12Suppressed: false });
  });
});

const LEAVING = `query L($f: Int, $t: Int) { householdsLeaving(fromYear: $f, toYear: $t) { yearEnding reason stage count suppressed } }`;

describe('householdsLeaving', () => {
  it('counts leavers by financial year, coded reason and the furthest step reached', async () => {
    const rows = (await data('raa_manager', 'ALE', LEAVING, { f: 2024, t: 2025 })).householdsLeaving;
    expect(rows).toHaveLength(2 * 6 * 5);
    // h9 left 1 Nov 2023 (year ending 2024), no code, no steps; h6 left 15 Apr 2024 having only enquired; h8's approval
    // was rescinded on 1 Jun 2024 (year ending 2025).
    expect(rows.filter((r: any) => r.count > 0)).toEqual([
      { yearEnding: 2024, reason: 'NOT_RECORDED', stage: 'ENQUIRY', count: 1, suppressed: false },
      { yearEnding: 2025, reason: 'WITHDREW', stage: 'ENQUIRY', count: 1, suppressed: false },
      { yearEnding: 2025, reason: 'APPROVAL_RESCINDED', stage: 'APPROVED', count: 1, suppressed: false },
    ]);
  });

  it('withholds small numbers from la_analyst, deciding each financial year on its own', async () => {
    const rows = (await data('la_analyst', 'BDG', LEAVING, { f: 2024, t: 2025 })).householdsLeaving;
    expect(rows.filter((r: any) => r.suppressed).map((r: any) => [r.yearEnding, r.reason, r.stage])).toEqual([
      [2024, 'NOT_RECORDED', 'ENQUIRY'], [2025, 'WITHDREW', 'ENQUIRY'], [2025, 'APPROVAL_RESCINDED', 'APPROVED']]);
    const alone = (await data('la_analyst', 'BDG', LEAVING, { f: 2025, t: 2025 })).householdsLeaving;
    expect(alone.filter((r: any) => r.suppressed)).toHaveLength(2);
  });
});
