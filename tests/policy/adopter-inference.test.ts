import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import {
  applicationOpenOn, financialYear, furthest, furthestByDates, generateProfiles, matchedIn, MEASURES, Profile, quarterOf, timedStep, waitBand,
  waitedThreeMonths, waitingOn,
} from './adopter-profiles';
import { changeDays, LinearKnowledge, seeded, unit } from './inference-solver';

// docs/inference-control.md (HOUSEHOLD_GROUPS), attacked jointly: every adopter aggregate la_analyst can reach, over
// generated households and generated query sequences (every quarter, month and financial-year range from each start,
// bisection over approvedAdopterWaits' asOf), as la_analyst of BDG over real HTTP and PostgreSQL. Every answer is
// written as a linear equation over the finest groups (generated profiles of identical households: their counts, and
// for each timed step their sums of days); the solver then asserts that no group of 1 to 4 households, nor its days,
// follows from all the answers together.

let hub: TestHub;
const rnd = seeded(20261128);
const profiles: Profile[] = generateProfiles(rnd, 40);
const P = profiles.length;
const SIZE = P * (1 + MEASURES.length); // a count per profile, then its days per timed step
const dayAtom = (p: number, m: number): number => P + p * MEASURES.length + m;

beforeAll(async () => {
  hub = await startTestHub();
  const sql = hub.t.db;
  await seedAuthorities(sql);
  const child = await makeChild(sql, { authority: 'BDG', stage: 'MATCHED_PLACED' });
  let matchNo = 0;
  for (const p of profiles) {
    for (let k = 0; k < p.n; k++) {
      const id = await makeHousehold(sql, { agency: 'ALE', stage: p.stage, enquiry_on: p.enquiry, stage1_started_on: p.s1Start,
        stage1_ended_on: p.s1End, stage2_started_on: p.s2Start, stage2_ended_on: p.s2End, application_on: p.application,
        approved_on: p.approved, matched_on: p.matched, placed_on: p.placed, adoption_order_on: p.order, left_on: p.left, left_reason_code: p.reason });
      if (p.matched) {
        await sql.query(`INSERT INTO adoption_match (authority, source_id, household_id, child_id, status, matched_on) VALUES ('ALE', $1, $2, $3, 'MATCHED', $4)`,
          [`GM${matchNo++}`, id, child, p.matched]);
      }
    }
  }
}, 120_000);
afterAll(async () => hub.close());

const ask = (query: string, variables?: Record<string, unknown>): Promise<any> => hub.data('la_analyst', 'BDG', query, variables);

/** What the attacker holds: the equations, every figure seen (to check each is answered alike every time). */
class Attack {
  readonly k = new LinearKnowledge(SIZE);
  readonly seen = new Map<string, string>();
  readonly inconsistent = new Set<string>();
  shownNonZero = 0;

  /** A figure `id` with `value` (null when withheld) counting the profiles `members` (and, with `days`, their days). */
  figure(id: string, value: number | null, members: (p: Profile, i: number) => boolean, days?: number): void {
    const state = String(value);
    if (this.seen.has(id) && this.seen.get(id) !== state) this.inconsistent.add(id);
    if (this.seen.has(id)) return;
    this.seen.set(id, state);
    if (value === null) return;
    const v = new Array<number>(SIZE).fill(0);
    profiles.forEach((p, i) => { if (members(p, i)) v[days === undefined ? i : dayAtom(i, days)] = 1; });
    if (value === 0 && days === undefined) this.k.learnAllZero(v);
    else this.k.learn(v);
    if (value > 0 && days === undefined) this.shownNonZero += 1;
  }

  /** Every group of 1 to 4 households (a small profile, or two together), or its days, that the equations determine. */
  leaks(): string[] {
    const small = profiles.map((p, i) => i).filter((i) => profiles[i].n <= 4);
    const found: string[] = [];
    for (const i of small) {
      if (this.k.determines(unit(SIZE, i))) found.push(`profile ${i}: ${profiles[i].n} households (${profiles[i].stage})`);
      MEASURES.forEach(([m], j) => {
        if (timedStep(profiles[i], m) && this.k.determines(unit(SIZE, dayAtom(i, j)))) found.push(`profile ${i}: days of ${m} over ${profiles[i].n}`);
      });
    }
    for (const a of small) {
      for (const b of small) {
        if (b <= a || profiles[a].n + profiles[b].n > 4) continue;
        const v = unit(SIZE, a); v[b] = 1;
        if (this.k.determines(v)) found.push(`profiles ${a}+${b}: ${profiles[a].n + profiles[b].n} households`);
      }
    }
    return found;
  }
}

const quarterLabel = (i: number): string => `${2020 + Math.floor(i / 4)}-Q${(i % 4) + 1}`;
const monthLabel = (i: number): string => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const QUARTERS = 28; // 2020-Q1 .. 2026-Q4
const MONTHS = 84; // 2020-01 .. 2026-12

describe('the adopter aggregates, jointly', () => {
  it('never lets any generated sequence of adopter queries determine a group of 1 to 4 households, or its days', async () => {
    const at = new Attack();
    const pipeline = (await ask('{ adopterPipeline { stage count } }')).adopterPipeline;
    for (const r of pipeline) at.figure(`pipeline ${r.stage}`, r.count, (p) => p.stage === r.stage);

    // Every quarter range from every start, of generated lengths: the funnel, timeliness and A11-A13.
    for (let from = 0; from < QUARTERS; from++) {
      for (const length of [1, 2, 3, 4, 5, 8, 13, 28]) {
        if (from + length > QUARTERS) continue;
        const v = { f: quarterLabel(from), t: quarterLabel(from + length - 1) };
        const d = await ask(`query Q($f: String, $t: String) {
          adopterFunnel(fromQuarter: $f, toQuarter: $t) { quarterStart enquiries stageOne stageTwo approved matched }
          adopterTimeliness(fromQuarter: $f, toQuarter: $t) { quarterStart measure households withinNorm averageDays }
          adopterIndicators(fromQuarter: $f, toQuarter: $t) { quarterStart quarterEnd a11 a12Matched a12WaitedThreeMonths a13 } }`, v);
        for (const c of d.adopterFunnel) {
          const cohort = (p: Profile): boolean => p.enquiry !== null && quarterOf(p.enquiry) === c.quarterStart;
          (['enquiries', 'stageOne', 'stageTwo', 'approved', 'matched'] as const).forEach((field, step) =>
            at.figure(`funnel ${c.quarterStart} ${field}`, c[field], (p) => cohort(p) && furthest(p) >= step));
        }
        for (const r of d.adopterTimeliness) {
          const j = MEASURES.findIndex(([m]) => m === r.measure);
          const step = (p: Profile) => timedStep(p, r.measure);
          const inRow = (p: Profile): boolean => step(p)?.quarter === r.quarterStart;
          at.figure(`timeliness ${r.quarterStart} ${r.measure}`, r.households, inRow);
          at.figure(`timeliness ${r.quarterStart} ${r.measure} within`, r.withinNorm, (p) => inRow(p) && step(p)!.within);
          if (r.households !== null && r.averageDays !== null) at.figure(`timeliness ${r.quarterStart} ${r.measure} days`, 1, inRow, j);
        }
        for (const r of d.adopterIndicators) {
          at.figure(`A11 ${r.quarterEnd}`, r.a11, (p) => waitingOn(p, r.quarterEnd));
          at.figure(`A12 ${r.quarterStart}`, r.a12Matched, (p) => matchedIn(p, r.quarterStart));
          at.figure(`A12 ${r.quarterStart} waited`, r.a12WaitedThreeMonths, (p) => matchedIn(p, r.quarterStart) && waitedThreeMonths(p));
          at.figure(`A13 ${r.quarterEnd}`, r.a13, (p) => applicationOpenOn(p, r.quarterEnd));
        }
      }
    }
    // Every month range from every start, of generated lengths: enquiries and matches.
    for (let from = 0; from < MONTHS; from++) {
      for (const length of [1, 2, 3, 12, 25]) {
        if (from + length > MONTHS) continue;
        const d = await ask(`query M($f: String, $t: String) { enquiriesPerMonth(from: $f, to: $t) { month count } matchesPerMonth(from: $f, to: $t) { month count } }`,
          { f: monthLabel(from), t: monthLabel(from + length - 1) });
        for (const r of d.enquiriesPerMonth) at.figure(`enquiries ${r.month}`, r.count, (p) => p.enquiry?.slice(0, 7) === r.month);
        for (const r of d.matchesPerMonth) at.figure(`matches ${r.month}`, r.count, (p) => p.matched?.slice(0, 7) === r.month);
      }
    }
    // Every financial-year range of leavers.
    for (let a = 2020; a <= 2027; a++) {
      for (let b = a; b <= 2027; b++) {
        const rows = (await ask(`query L($f: Int, $t: Int) { householdsLeaving(fromYear: $f, toYear: $t) { yearEnding reason stage count } }`, { f: a, t: b })).householdsLeaving;
        for (const r of rows) {
          at.figure(`leaving ${r.yearEnding} ${r.reason} ${r.stage}`, r.count, (p) => p.left !== null && financialYear(p.left) === r.yearEnding
            && (p.reason ?? 'NOT_RECORDED') === r.reason && furthestByDates(p) === r.stage);
        }
      }
    }
    // Bisection over approvedAdopterWaits' asOf: each answer is recorded as at the day it says.
    const search = await changeDays('2020-01-01', '2026-12-31', 15, async (day) => {
      const rows = (await ask('query W($d: Date) { approvedAdopterWaits(asOf: $d) { asOf band count } }', { d: day })).approvedAdopterWaits;
      for (const r of rows) at.figure(`waits ${r.asOf} ${r.band}`, r.count, (p) => waitBand(p, r.asOf) === r.band);
      return JSON.stringify(rows);
    });

    expect(search.days.filter((d) => !['03-31', '06-30', '09-30', '12-31'].includes(d.slice(5)))).toEqual([]);
    expect(profiles.filter((p) => p.n <= 4).length).toBeGreaterThan(10); // small groups exist
    expect(at.shownNonZero).toBeGreaterThan(0); // and something is published, so the attack has material
    const leaks = at.leaks();
    expect({ leaks: leaks.slice(0, 10), count: leaks.length, inconsistent: [...at.inconsistent].slice(0, 10) })
      .toEqual({ leaks: [], count: 0, inconsistent: [] });
  });
});
