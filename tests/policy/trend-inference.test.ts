import { snapshotDate } from '../../src/policy/inference-control-policy';
import { today } from '../../src/services/clock';
import { quarterEnds } from '../../src/services/stage-count-trend';
import { makeChild, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { addDays, LinearKnowledge, seeded, unit } from './inference-solver';

// docs/inference-control.md (STAGE_FLOW_GROUPS), attacked: la_analyst of BDG asks stageCountTrend for Havering over
// every generated from/to, differences the snapshots, and plays them against familyFindingSummary and the breakdowns
// asked for every generated day of every year, all together (for la_analyst only the latest 31 March is published). Children are generated as profiles of identical children (the attacker's finest groups);
// the solver asserts that no profile of 1 to 4 children (nor two together) follows from all the answers.
// Milestones stop at the latest quarter end, so today's stage table equals the last snapshot: what changes after it is
// the documented "change over time" limit (a live table moving), not something this rule can or does cover.

let hub: TestHub;
const rnd = seeded(20261129);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const LAST = quarterEnds().slice(-1)[0]; // the latest quarter end on or before today

interface ChildProfile { n: number; dob: string; decision: string; order: string | null; placed: string | null; adopted: string | null; changed: string | null }

function generate(count: number): ChildProfile[] {
  const out: ChildProfile[] = [];
  for (let i = 0; i < count; i++) {
    const decision = addDays('2020-01-01', int(0, 4 * 365));
    const cap = (d: string | null): string | null => (d !== null && d <= LAST ? d : null);
    const order = cap(rnd() < 0.8 ? addDays(decision, int(30, 200)) : null);
    const changed = cap(rnd() < 0.15 ? addDays(order ?? decision, int(30, 300)) : null);
    const placed = changed ? null : cap(order && rnd() < 0.6 ? addDays(order, int(60, 400)) : null);
    const adopted = cap(placed && rnd() < 0.5 ? addDays(placed, int(150, 400)) : null);
    out.push({ n: rnd() < 0.5 ? int(1, 4) : int(5, 8), dob: addDays(decision, -int(0, 3000)), decision, order, placed, adopted, changed });
  }
  return out;
}
const profiles = generate(40);

/** The stage on day `e` from the dates on or before it (stageOf), or null before the decision. */
function stageAt(p: ChildProfile, e: string): string | null {
  const by = (d: string | null): boolean => d !== null && d <= e;
  if (by(p.adopted)) return 'ADOPTED';
  if (by(p.changed)) return 'PLAN_CHANGED';
  if (by(p.placed)) return 'MATCHED_PLACED';
  if (by(p.order)) return 'FAMILY_FINDING';
  return by(p.decision) ? 'ADM_DECISION' : null;
}
/** In active family finding on day `d` (the breakdowns' population). */
const activeOn = (p: ChildProfile, d: string): boolean => p.decision <= d && !([p.placed, p.adopted, p.changed].some((x) => x !== null && x <= d));
function ageBand(p: ChildProfile, d: string): string {
  const years = Number(d.slice(0, 4)) - Number(p.dob.slice(0, 4)) - (d.slice(5) < p.dob.slice(5) ? 1 : 0);
  return years < 1 ? 'Under 1' : years < 3 ? '1-2' : years < 5 ? '3-4' : years < 10 ? '5-9' : '10+';
}

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  for (const p of profiles) {
    for (let k = 0; k < p.n; k++) {
      await makeChild(hub.t.db, { authority: 'HAV', stage: stageAt(p, LAST), date_of_birth: p.dob, decision_on: p.decision,
        placement_order_on: p.order, placed_on: p.placed, adoption_order_on: p.adopted, plan_changed_on: p.changed });
    }
  }
}, 120_000);
afterAll(async () => hub.close());

const ask = (query: string, variables?: Record<string, unknown>): Promise<any> => hub.data('la_analyst', 'BDG', query, variables);

/** Both breakdowns as at `day` as la_analyst, or null when the day is refused (FORBIDDEN, nothing else). */
async function breakdownsAsAt(day: string): Promise<any> {
  const { body } = await hub.gql(hub.token('la_analyst', 'BDG'), `query B($d: Date) {
    a: childrenInFamilyFindingBreakdown(by: AGE_BAND, authority: "HAV", asOf: $d) { asOf band count }
    s: childrenInFamilyFindingBreakdown(by: SIBLING_NEED, authority: "HAV", asOf: $d) { asOf band count } }`, { d: day });
  if (!body.errors) return body.data;
  if (body.data?.a || body.data?.s || !body.errors.every((e: any) => e.extensions?.code === 'FORBIDDEN' && /latest 31 March only/.test(e.message))) {
    throw new Error(JSON.stringify(body));
  }
  return null;
}

describe('stageCountTrend against itself, the stage table and the breakdowns', () => {
  it('never lets any generated from/to, snapshot differences, the stage table or a breakdown determine a group of 1 to 4 children', async () => {
    // Equations learnt from the trend and the stage table; each breakdown snapshot is then added to them in turn.
    const base: { v: number[]; zero: boolean }[] = [];
    const seen = new Map<string, number | null>();
    const inconsistent: string[] = [];
    let shownNonZero = 0;
    const figure = (into: { v: number[]; zero: boolean }[], id: string, value: number | null, members: (p: ChildProfile) => boolean): void => {
      if (seen.has(id) && seen.get(id) !== value) inconsistent.push(id);
      seen.set(id, value);
      if (value === null) return;
      into.push({ v: profiles.map((p) => (members(p) ? 1 : 0)), zero: value === 0 });
      if (value > 0) shownNonZero += 1;
    };
    const ends = quarterEnds('2019-10-01', LAST);
    for (let from = 0; from < ends.length; from++) {
      for (const length of [1, 2, 3, 5, 8, 40]) {
        const to = Math.min(from + length, ends.length) - 1;
        const points = (await ask(`query T($f: Date, $t: Date) { stageCountTrend(authority: "HAV", from: $f, to: $t) { asOf stage count } }`,
          { f: addDays(ends[from], -int(0, 80)), t: addDays(ends[to], int(0, 80)) })).stageCountTrend;
        for (const pt of points) figure(base, `trend ${pt.asOf} ${pt.stage}`, pt.count, (p) => stageAt(p, pt.asOf) === pt.stage);
      }
    }
    const summary = (await ask('{ familyFindingSummary(authority: "HAV") { stage count } }')).familyFindingSummary;
    for (const r of summary) figure(base, `summary ${r.stage}`, r.count, (p) => stageAt(p, LAST) === r.stage);
    const small = profiles.map((_, i) => i).filter((i) => profiles[i].n <= 4);
    const leaksOf = (equations: { v: number[]; zero: boolean }[], label: string): string[] => {
      const k = new LinearKnowledge(profiles.length);
      for (const e of equations) (e.zero ? k.learnAllZero(e.v) : k.learn(e.v));
      const found: string[] = [];
      for (const i of small) if (k.determines(unit(profiles.length, i))) found.push(`${label}: profile ${i} of ${profiles[i].n} children`);
      for (const a of small) {
        for (const b of small) {
          if (b <= a || profiles[a].n + profiles[b].n > 4) continue;
          const v = unit(profiles.length, a); v[b] = 1;
          if (k.determines(v)) found.push(`${label}: profiles ${a}+${b}`);
        }
      }
      return found;
    };
    const leaks = leaksOf(base, 'trend and stage table');
    // Every year's breakdowns, all together with the trend and the stage table: the attacker asks every generated asOf
    // (each 31 March, and a generated day in every month of every year); a refused day gives nothing. For la_analyst
    // only the latest 31 March on or before today is published (LATEST_FINANCIAL_YEAR_END), so the years cannot be
    // differenced against each other.
    const breakdowns: { v: number[]; zero: boolean }[] = [];
    const answered = new Set<string>();
    let refused = 0;
    for (let y = 2020; y <= Number(LAST.slice(0, 4)) + 1; y++) {
      const days = [`${y}-03-31`, ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`)];
      for (const day of days) {
        const d = await breakdownsAsAt(day);
        if (d === null) { refused += 1; continue; }
        for (const r of d.a) figure(breakdowns, `age ${r.asOf} ${r.band}`, r.count, (p) => activeOn(p, r.asOf) && ageBand(p, r.asOf) === r.band);
        for (const r of d.s) figure(breakdowns, `siblings ${r.asOf} ${r.band}`, r.count, (p) => activeOn(p, r.asOf) && r.band === 'Solo');
        [...d.a, ...d.s].forEach((r: { asOf: string }) => answered.add(r.asOf));
      }
    }
    leaks.push(...leaksOf([...base, ...breakdowns], 'with every year\'s breakdowns'));
    expect(small.length).toBeGreaterThan(10);
    expect(shownNonZero).toBeGreaterThan(0);
    expect({ leaks: leaks.slice(0, 10), count: leaks.length, inconsistent }).toEqual({ leaks: [], count: 0, inconsistent: [] });
    // The attack had material: one snapshot answered (the latest 31 March), every other year refused.
    expect([...answered]).toEqual([snapshotDate('FINANCIAL_YEAR_END', today())]);
    expect(refused).toBeGreaterThan(0);
  });
});
