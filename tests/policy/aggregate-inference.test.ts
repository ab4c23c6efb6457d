import { pinToday, unpinToday } from '../../src/services/clock';
import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { addDays, changeDays, LinearKnowledge, seeded, unit } from './inference-solver';

// docs/inference-control.md, attacked the way issue 8 §1 did: as la_analyst, over real HTTP and PostgreSQL, with
// data and query sequences generated from a seed. Each attack writes down everything the answers say as equations
// (tests/policy/inference-solver.ts) and asserts that no group of 1 to 4 children or households, and no sum of days
// over such a group, follows from them; the date attacks assert that a date argument moves the answer only on the
// snapshot dates the policy allows (for the breakdowns: not at all, since only the latest 31 March is published).

let hub: TestHub;
const rnd = seeded(20261127);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const dayIn = (from: string, to: string): string => addDays(from, int(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)));

const data = (role: 'la_analyst' | 'raa_manager', org: string, query: string, variables?: Record<string, unknown>): Promise<any> => hub.data(role, org, query, variables);

// --- Generated data -------------------------------------------------------------------------------------------------

/** Age bands at 2024-03-31 for TWH: most 5 to 8 children, two bands small (together 1 to 4), the rest of the row full. */
const REFERENCE_DAY = '2024-03-31';
/**
 * The hub's today while this file runs (clock.ts): la_analyst's breakdowns are published as at the latest 31 March on
 * or before today only, which must be REFERENCE_DAY for the attacks on this data.
 */
const TODAY = '2024-06-30';
const PINNED_SNAPSHOT = REFERENCE_DAY;
const AGE_BANDS: [string, string, string][] = [ // band, oldest birthday, youngest birthday for an age in the band on REFERENCE_DAY
  ['Under 1', '2023-04-01', '2024-03-31'], ['1-2', '2021-04-01', '2023-03-31'], ['3-4', '2019-04-01', '2021-03-31'],
  ['5-9', '2014-04-01', '2019-03-31'], ['10+', '2008-04-01', '2014-03-31']];
const smallBands = [int(0, 4), int(0, 4)];
if (smallBands[0] === smallBands[1]) smallBands[1] = (smallBands[0] + 1) % 5;
const twhAges = AGE_BANDS.map((_, i) => (smallBands.includes(i) ? 0 : int(5, 8)));
twhAges[smallBands[0]] = int(1, 2);
twhAges[smallBands[1]] = int(1, 2);

/** One adopted child of NHM with its scorecard groups worked out from its dates (docs/scorecard.md). */
interface AdoptedSeed { fy: number; a1: boolean; a2: boolean; under: boolean; a1Days: number; a2Days: number }
const YEARS = Array.from({ length: 19 }, (_, i) => 2008 + i); // financial years (by year ending) the atoms cover
const adoptedSeeds: AdoptedSeed[] = [];

/** Months 2021-01..2023-12 of ALE's enquiries: 0 or 5 to 9, and exactly one month of 1 to 4. */
const ENQUIRY_MONTHS = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const enquiries = ENQUIRY_MONTHS.map(() => [0, 0, 5, 6, 7, 8, 9][int(0, 6)]);
enquiries[int(0, 35)] = int(1, 4);

beforeAll(async () => {
  pinToday(TODAY);
  hub = await startTestHub();
  const sql = hub.t.db;
  await seedAuthorities(sql);
  // TWH: children in family finding throughout, all white British, none in a sibling group.
  for (const [i, [, oldest, youngest]] of AGE_BANDS.entries()) {
    for (let k = 0; k < twhAges[i]; k++) {
      await makeChild(sql, { authority: 'TWH', date_of_birth: dayIn(oldest, youngest), stage: 'FAMILY_FINDING', decision_on: dayIn('2019-01-01', '2020-12-31') });
    }
  }
  // HAV: children entering and leaving family finding over 2022-2025, with generated dates of birth.
  for (let k = 0; k < 24; k++) {
    const decision = dayIn('2021-06-01', '2025-06-30');
    const placed = rnd() < 0.5 ? addDays(decision, int(60, 500)) : null;
    await makeChild(sql, { authority: 'HAV', date_of_birth: dayIn('2012-01-01', '2024-12-31'), stage: placed ? 'MATCHED_PLACED' : 'FAMILY_FINDING',
      decision_on: decision, placed_on: placed, ethnicity: ['WBRI', 'BAFR', 'MWBC', 'AIND'][int(0, 3)] });
  }
  // NHM: adopted children, financial years 2014-2022. A generated year is "full" (each group 0 or 5 to 9, so the
  // windows around it can be published) or "small" (groups of 0 to 4); 2017-2019 are full so some windows show.
  for (let fy = 2014; fy <= 2022; fy++) {
    const full = (fy >= 2017 && fy <= 2019) || rnd() < 0.4;
    const allUnder = full && rnd() < 0.5;
    const groups: [boolean, boolean, number][] = full // placed, matched, how many
      ? [[false, false, [0, 5][int(0, 1)]], [true, false, [0, 5, 6][int(0, 2)]], [true, true, int(5, 9)]]
      : [[false, false, int(0, 2)], [true, false, int(0, 3)], [true, true, int(0, 4)]];
    for (const [placed, matched, n] of groups) {
      for (let k = 0; k < n; k++) {
        const adoptedOn = dayIn(`${fy - 1}-04-01`, `${fy}-03-31`);
        const a1Days = allUnder ? int(150, 425) : int(150, 800);
        const a2Days = int(0, 400);
        const enteredOn = addDays(adoptedOn, -(a1Days + int(150, 400)));
        await sql.query(`INSERT INTO child (authority, source_id, stage, entered_care_on, placement_order_on, matched_on, placed_on, adoption_order_on)
          VALUES ('NHM', $1, 'ADOPTED', $2, $3, $4, $5, $6)`,
        [`NHM-A${fy}-${adoptedSeeds.length}`, enteredOn, addDays(enteredOn, 60), matched ? addDays(enteredOn, 60 + a2Days) : null,
          placed ? addDays(enteredOn, a1Days) : null, adoptedOn]);
        adoptedSeeds.push({ fy, a1: placed, a2: matched, under: placed && a1Days < 426, a1Days, a2Days });
      }
    }
  }
  // ALE: households by month of first enquiry (all at ENQUIRY, so the pipeline's total is every household).
  for (const [i, month] of ENQUIRY_MONTHS.entries()) {
    for (let k = 0; k < enquiries[i]; k++) await makeHousehold(sql, { agency: 'ALE', stage: 'ENQUIRY', enquiry_on: `${month}-${String(int(1, 28)).padStart(2, '0')}` });
  }
  // APSE: approved households, some matched since (la_analyst@KEN sees APSE's figures).
  for (let k = 0; k < 24; k++) {
    const approved = dayIn('2022-04-01', '2024-12-31');
    const matched = rnd() < 0.4 ? addDays(approved, int(30, 400)) : null;
    await makeHousehold(sql, { agency: 'APSE', stage: matched ? 'MATCHED' : 'APPROVED', approved_on: approved, matched_on: matched });
  }
}, 120_000);
afterAll(async () => { await hub.close(); unpinToday(); });

// --- Dates by binary search ------------------------------------------------------------------------------------------

const BREAKDOWN = `query B($by: BreakdownDimension!, $a: String, $d: Date) {
  childrenInFamilyFindingBreakdown(by: $by, authority: $a, asOf: $d) { authority band count suppressed } }`;
const BREAKDOWN_AS_AT = `query B($by: BreakdownDimension!, $a: String, $d: Date) {
  childrenInFamilyFindingBreakdown(by: $by, authority: $a, asOf: $d) { asOf authority band count suppressed } }`;
const WAITS = `query W($d: Date) { approvedAdopterWaits(asOf: $d) { agency band count suppressed } }`;
const cells = (rows: { band: string; count: number | null; suppressed: boolean }[]): string =>
  JSON.stringify(rows.map((r) => [r.band, r.count, r.suppressed]));

describe('binary search over asOf', () => {
  // For la_analyst the breakdowns are published as at the latest 31 March on or before today only (today is pinned
  // to TODAY, so that is 2024-03-31); any other year's day is refused. So over generated days across years there is no change day
  // at all: every answer is refused or the same one.
  it.each([['TWH', 'AGE_BAND'], ['HAV', 'AGE_BAND'], ['HAV', 'SIBLING_NEED'], ['HAV', 'ETHNIC_GROUP']])(
    'answers la_analyst about %s children by %s as at the latest 31 March only, refusing every other year, so no date moves the answer', async (authority, by) => {
      const days = new Set<string>();
      for (let d = '2022-01-01'; d <= '2025-12-31'; d = addDays(d, 15)) days.add(d);
      for (let y = 2022; y <= 2025; y++) [`${y}-03-30`, `${y}-03-31`, `${y}-04-01`].forEach((d) => days.add(d));
      for (let i = 0; i < 40; i++) days.add(dayIn('2022-01-01', '2025-12-31'));
      const answers = new Map<string, string[]>(); // answer -> days it was given for
      const refused: string[] = [];
      for (const d of days) {
        const { body } = await hub.gql(hub.token('la_analyst', 'BDG'), BREAKDOWN_AS_AT, { by, a: authority, d });
        if (body.errors) {
          expect(body.errors.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
          refused.push(d);
          continue;
        }
        const rows = body.data.childrenInFamilyFindingBreakdown;
        const key = JSON.stringify([rows[0].asOf, JSON.parse(cells(rows))]);
        answers.set(key, [...(answers.get(key) ?? []), d]);
      }
      expect([...answers.keys()].map((k) => JSON.parse(k)[0])).toEqual([PINNED_SNAPSHOT]); // one answer, as at 2024-03-31
      const answeredDays = [...answers.values()].flat();
      expect(answeredDays.every((d) => d >= '2024-03-31' && d < '2025-03-31')).toBe(true);
      expect(refused.length).toBeGreaterThan(0);
      // Without asOf, the same one answer.
      const { body } = await hub.gql(hub.token('la_analyst', 'BDG'), BREAKDOWN_AS_AT, { by, a: authority, d: null });
      expect(answers.has(JSON.stringify([body.data.childrenInFamilyFindingBreakdown[0].asOf, JSON.parse(cells(body.data.childrenInFamilyFindingBreakdown))]))).toBe(true);
      // Not vacuous: a viewer who sees the figures in full (raa_manager) finds days on which they move, not only 31 March.
      const found = await changeDays('2022-01-01', '2025-12-31', 15, async (d) =>
        cells((await data('raa_manager', 'ALE', BREAKDOWN, { by, a: authority, d })).childrenInFamilyFindingBreakdown));
      expect(found.days.filter((d) => !d.endsWith('-03-31')).length).toBeGreaterThan(0);
    });

  it('moves approved households between wait bands only on the last day of a quarter', async () => {
    const found = await changeDays('2022-01-01', '2025-12-31', 15, async (d) =>
      cells((await data('la_analyst', 'KEN', WAITS, { d })).approvedAdopterWaits));
    expect(found.days.filter((d) => !['03-31', '06-30', '09-30', '12-31'].includes(d.slice(5)))).toEqual([]);
    expect(found.days.length).toBeGreaterThan(0);
  });
});

// --- Breakdowns against their totals ------------------------------------------------------------------------------------

describe('breakdowns against totals', () => {
  it('never lets the bands of one row, with the other dimensions as totals, give a group of 1 to 4 children', async () => {
    const bands = { AGE_BAND: 6, SIBLING_NEED: 3, ETHNIC_GROUP: 6 } as const;
    const offset = { AGE_BAND: 0, SIBLING_NEED: 6, ETHNIC_GROUP: 9 } as const;
    const k = new LinearKnowledge(15);
    for (const by of Object.keys(bands) as (keyof typeof bands)[]) {
      const rows = (await data('la_analyst', 'BDG', BREAKDOWN, { by, a: 'TWH', d: REFERENCE_DAY })).childrenInFamilyFindingBreakdown;
      rows.forEach((r: { count: number | null }, i: number) => {
        if (r.count === 0) k.learnAllZero(unit(15, offset[by] + i));
        else if (r.count !== null) k.learn(unit(15, offset[by] + i));
      });
    }
    // Every dimension counts the same children: each row's total equals the others'.
    const total = (by: keyof typeof bands): number[] => Array.from({ length: 15 }, (_, i) => (i >= offset[by] && i < offset[by] + bands[by] ? 1 : 0));
    k.learn(total('AGE_BAND').map((x, i) => x - total('SIBLING_NEED')[i]));
    k.learn(total('AGE_BAND').map((x, i) => x - total('ETHNIC_GROUP')[i]));
    expect(k.determines(unit(15, 6))).toBe(true); // the row's total is published
    const truth = [...twhAges, 0];
    const leaks: string[] = [];
    for (let mask = 1; mask < 1 << 6; mask++) {
      const v = Array.from({ length: 15 }, (_, i) => (i < 6 && mask & (1 << i) ? 1 : 0));
      const n = truth.reduce((s, x, i) => s + (mask & (1 << i) ? x : 0), 0);
      if (n >= 1 && n <= 4 && k.determines(v)) leaks.push(`age bands ${mask.toString(2)}: ${n}`);
    }
    expect(leaks).toEqual([]);
  });

  it('never lets months of enquiries, over any generated ranges, with the funnel\'s cohorts and the pipeline as totals, give 1 to 4 households', async () => {
    // Atoms: the 60 months 2020-01..2024-12, then the 8 pipeline stages.
    const months = Array.from({ length: 60 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const k = new LinearKnowledge(68);
    const seen = new Map<string, string>();
    const inconsistent: string[] = [];
    for (let from = 0; from < 60; from++) {
      for (const length of [1, 2, 3, 5, 8, 12, 13, 24, 40, 60]) {
        const to = from + length - 1;
        if (to >= 60) continue;
        const rows = (await data('la_analyst', 'BDG', `query E($f: String, $t: String) { enquiriesPerMonth(agency: "ALE", from: $f, to: $t) { month count suppressed } }`,
          { f: months[from], t: months[to] })).enquiriesPerMonth;
        for (const r of rows) {
          const i = months.indexOf(r.month);
          const state = `${r.count}/${r.suppressed}`;
          if (seen.has(r.month) && seen.get(r.month) !== state) inconsistent.push(r.month);
          seen.set(r.month, state);
          if (r.count === 0) k.learnAllZero(unit(68, i));
          else if (r.count !== null) k.learn(unit(68, i));
        }
      }
    }
    const pipeline = (await data('la_analyst', 'BDG', '{ adopterPipeline(agency: "ALE") { stage count } }')).adopterPipeline;
    pipeline.forEach((r: { count: number | null }, i: number) => {
      if (r.count === 0) k.learnAllZero(unit(68, 60 + i));
      else if (r.count !== null) k.learn(unit(68, 60 + i));
    });
    // The funnel's cohorts are the same households by quarter of first enquiry: each published cohort is a quarter's sum.
    const cohorts = (await data('la_analyst', 'BDG', `{ adopterFunnel(agency: "ALE", fromQuarter: "2020-Q1", toQuarter: "2024-Q4") { quarterStart enquiries } }`)).adopterFunnel;
    for (const c of cohorts) {
      const first = months.indexOf(c.quarterStart.slice(0, 7));
      const v = Array.from({ length: 68 }, (_, i) => (i >= first && i < first + 3 ? 1 : 0));
      if (c.enquiries === 0) k.learnAllZero(v);
      else if (c.enquiries !== null) k.learn(v);
    }
    // Every household has a first enquiry in these months.
    k.learn(Array.from({ length: 68 }, (_, i) => (i < 60 ? 1 : -1)));
    expect([...seen.values()].filter((v) => !v.startsWith('null') && !v.startsWith('0/')).length).toBeGreaterThan(10);
    const truth = months.map((m) => { const i = ENQUIRY_MONTHS.indexOf(m); return i < 0 ? 0 : enquiries[i]; });
    const leaks: string[] = [];
    for (let a = 0; a < 60; a++) {
      for (let b = a; b < 60; b++) {
        const n = truth.slice(a, b + 1).reduce((s, x) => s + x, 0);
        const v = Array.from({ length: 68 }, (_, i) => (i >= a && i <= b ? 1 : 0));
        if (n >= 1 && n <= 4 && k.determines(v)) leaks.push(`${months[a]}..${months[b]}: ${n}`);
      }
    }
    expect({ leaks, inconsistent: [...new Set(inconsistent)] }).toEqual({ leaks: [], inconsistent: [] });
  });
});

// --- Scorecard windows, years and trends ---------------------------------------------------------------------------

const ATOMS = 6; // per year: not in A1 nor A2, A2 only, A1 under 426 days, A1 over, A1 and A2 under, A1 and A2 over
const SUMS = 6; // per year: A1 days, A10 days, A2 days, and the three A10 segments' days
const PER_YEAR = ATOMS + SUMS;
const atomOf = (s: AdoptedSeed): number => (!s.a1 ? (s.a2 ? 1 : 0) : (s.a2 ? 4 : 2) + (s.under ? 0 : 1));
const yearVector = (years: number[], slots: number[]): number[] => {
  const v = new Array<number>(YEARS.length * PER_YEAR).fill(0);
  for (const y of years) for (const s of slots) if (YEARS.includes(y)) v[YEARS.indexOf(y) * PER_YEAR + s] = 1;
  return v;
};
const ALL = [0, 1, 2, 3, 4, 5];
const A1 = [2, 3, 4, 5];
const A2 = [1, 4, 5];
const UNDER = [2, 4];
const BOTH = [4, 5]; // in A1 and A2: the segments' population

describe('scorecard windows, years and trends', () => {
  it('never lets any combination of windows, single years and projections give a group of 1 to 4 adopted children, or their days', async () => {
    const k = new LinearKnowledge(YEARS.length * PER_YEAR);
    const windows = new Map<string, any>();
    const differ: string[] = [];
    const record = (s: any): void => {
      const key = `${s.period}:${s.yearEnding}`;
      if (windows.has(key) && JSON.stringify(windows.get(key)) !== JSON.stringify(s)) differ.push(key);
      windows.set(key, s);
    };
    const FIGURES = `period yearEnding adoptedCount a1Count a10Count a2Count a1Days a10Days a2Days a3Percent a3PercentA1Basis
      a10Segments { count enteredCareToPlacementOrderDays placementOrderToMatchDays matchToMovedInDays }`;
    const FIELDS = `${FIGURES} singleYear { ${FIGURES} } projection { ${FIGURES} }`;
    const recordAll = (s: any): void => { const { singleYear, projection, ...w } = s; [w, singleYear, projection].forEach(record); };
    // Generated trends: every start year with generated lengths, and each window on its own.
    for (let from = 2008; from <= 2026; from++) {
      for (const length of [1, 2, 3, 4, 7, 19]) {
        const to = from + length - 1;
        if (to > 2026) continue;
        const t = await data('la_analyst', 'BDG', `query T($f: Int, $t: Int) { scorecardTrend(authority: "NHM", fromYear: $f, toYear: $t) { ${FIELDS} } }`, { f: from, t: to });
        t.scorecardTrend.forEach(recordAll);
      }
      recordAll((await data('la_analyst', 'BDG', `query S($y: Int!) { scorecard(authority: "NHM", yearEnding: $y) { ${FIELDS} } }`, { y: from })).scorecard);
    }
    const learnCount = (value: number | null, v: number[]): void => {
      if (value === 0) k.learnAllZero(v);
      else if (value !== null) k.learn(v);
    };
    const span = (w: { period: string; yearEnding: number }): number[] => {
      const y = w.yearEnding;
      return w.period === 'SINGLE_YEAR' ? [y] : w.period === 'NEXT_WINDOW' ? [y - 1, y, y + 1] : [y - 2, y - 1, y];
    };
    for (const w of windows.values()) {
      learnCount(w.adoptedCount, yearVector(span(w), ALL));
      learnCount(w.a1Count, yearVector(span(w), A1));
      learnCount(w.a10Count, yearVector(span(w), A1));
      learnCount(w.a2Count, yearVector(span(w), A2));
      learnCount(w.a10Segments.count, yearVector(span(w), BOTH));
    }
    // Averages and shares give sums once their population is known. (The data has no moves before placement, so
    // both A3 bases share the same children under 426 days.)
    for (const w of windows.values()) {
      const ys = span(w);
      for (const share of [w.a3Percent, w.a3PercentA1Basis]) {
        if (share !== null && k.determines(yearVector(ys, A1))) learnCount(share === 0 ? 0 : 1, yearVector(ys, UNDER));
        if (share === 100 && k.determines(yearVector(ys, A1))) k.learnAllZero(yearVector(ys, [3, 5]));
      }
      if (w.a1Days !== null && k.determines(yearVector(ys, A1))) k.learn(yearVector(ys, [ATOMS]));
      if (w.a10Days !== null && k.determines(yearVector(ys, A1))) k.learn(yearVector(ys, [ATOMS + 1]));
      if (w.a2Days !== null && k.determines(yearVector(ys, A2))) k.learn(yearVector(ys, [ATOMS + 2]));
      const seg = w.a10Segments;
      [seg.enteredCareToPlacementOrderDays, seg.placementOrderToMatchDays, seg.matchToMovedInDays].forEach((days, i) => {
        if (days !== null && k.determines(yearVector(ys, BOTH))) k.learn(yearVector(ys, [ATOMS + 3 + i]));
      });
    }
    // Something is published, so the attack has material: some windows' counts and averages.
    const published = [...windows.values()];
    expect(published.filter((w) => w.adoptedCount > 0).length).toBeGreaterThan(0);
    expect(published.filter((w) => w.a10Days !== null).length).toBeGreaterThan(0);
    expect(published.filter((w) => w.period === 'SINGLE_YEAR' && w.adoptedCount > 0).length).toBeGreaterThan(0);
    const count = (ys: number[], slots: number[]): number => adoptedSeeds.filter((s) => ys.includes(s.fy) && slots.includes(atomOf(s))).length;
    const leaks: string[] = [];
    for (let a = 0; a < YEARS.length; a++) {
      for (let b = a; b < YEARS.length; b++) {
        const ys = YEARS.slice(a, b + 1);
        for (let mask = 1; mask < 1 << ATOMS; mask++) {
          const slots = ALL.filter((s) => mask & (1 << s));
          const n = count(ys, slots);
          if (n >= 1 && n <= 4 && k.determines(yearVector(ys, slots))) leaks.push(`${ys[0]}..${ys[ys.length - 1]} groups ${slots}: ${n} children`);
        }
        for (const [slot, pop] of [[ATOMS, A1], [ATOMS + 1, A1], [ATOMS + 2, A2], [ATOMS + 3, BOTH], [ATOMS + 4, BOTH], [ATOMS + 5, BOTH]] as const) {
          const n = count(ys, [...pop]);
          if (n >= 1 && n <= 4 && k.determines(yearVector(ys, [slot]))) leaks.push(`${ys[0]}..${ys[ys.length - 1]} days ${slot}: over ${n} children`);
        }
      }
    }
    expect({ leaks: leaks.slice(0, 10), count: leaks.length, differ }).toEqual({ leaks: [], count: 0, differ: [] });
  });
});
