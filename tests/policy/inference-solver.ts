/**
 * The attacker's algebra for tests/policy/aggregate-inference.test.ts: every figure an aggregate returns is a linear
 * equation over unknown "atoms" (e.g. the children adopted in one financial year who were placed but never matched).
 * A quantity is derivable from a set of answers exactly when its coefficient vector lies in the span of the equations'
 * vectors, whatever the right-hand sides are. The solver keeps a reduced basis so each check is cheap.
 *
 * Non-negativity is modelled the one way it bites: an answer of 0 over a sum of counts makes every atom of it 0.
 */
export class LinearKnowledge {
  private readonly basis: { pivot: number; row: number[] }[] = [];

  constructor(readonly size: number) {}

  /** Adds the equation sum(coefficients[i] * atom[i]) = known value. */
  learn(coefficients: number[]): void {
    const r = this.reduce(coefficients);
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) return;
    const scale = r[pivot];
    const row = r.map((x) => x / scale);
    // Keep the basis fully reduced so `reduce` needs one pass.
    for (const b of this.basis) {
      const f = b.row[pivot];
      if (Math.abs(f) > 1e-12) for (let i = 0; i < this.size; i++) b.row[i] -= f * row[i];
    }
    this.basis.push({ pivot, row });
  }

  /** Adds that each atom with a non-zero coefficient is 0 (an answer of 0 over a sum of non-negative counts). */
  learnAllZero(coefficients: number[]): void {
    coefficients.forEach((c, i) => {
      if (c !== 0) this.learn(unit(this.size, i));
    });
  }

  /** True when sum(coefficients[i] * atom[i]) follows from what was learnt. */
  determines(coefficients: number[]): boolean {
    return this.reduce(coefficients).every((x) => Math.abs(x) < 1e-7);
  }

  private reduce(v: number[]): number[] {
    const r = [...v];
    for (const b of this.basis) {
      const f = r[b.pivot];
      if (Math.abs(f) > 1e-12) for (let i = 0; i < this.size; i++) r[i] -= f * b.row[i];
    }
    return r;
  }
}

/** The vector with a 1 at `i`. */
export function unit(size: number, i: number): number[] {
  const v = new Array<number>(size).fill(0);
  v[i] = 1;
  return v;
}

/** A seeded pseudo-random generator (mulberry32), so the generated data and attack sequences are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds `days` to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The attacker's search over a date argument: answers on a coarse generated grid of dates from `from` to `to`, then
 * bisection between every two neighbours that answer differently, down to two consecutive days. Returns every day
 * on which the answer changes (the first day of the new answer) and how many queries it took.
 */
export async function changeDays(from: string, to: string, step: number, ask: (day: string) => Promise<string>): Promise<{ days: string[]; queries: number }> {
  let queries = 0;
  const cache = new Map<string, string>();
  const answer = async (day: string): Promise<string> => {
    if (!cache.has(day)) { queries += 1; cache.set(day, await ask(day)); }
    return cache.get(day)!;
  };
  const grid: string[] = [];
  for (let d = from; d <= to; d = addDays(d, step)) grid.push(d);
  if (grid[grid.length - 1] !== to) grid.push(to);
  const found: string[] = [];
  const bisect = async (lo: string, hi: string): Promise<void> => {
    // answer(lo) !== answer(hi); find every change between them (there may be several).
    if (daysBetween(lo, hi) === 1) { found.push(hi); return; }
    const mid = addDays(lo, Math.floor(daysBetween(lo, hi) / 2));
    if ((await answer(mid)) !== (await answer(lo))) await bisect(lo, mid);
    if ((await answer(mid)) !== (await answer(hi))) await bisect(mid, hi);
  };
  for (let i = 1; i < grid.length; i++) {
    if ((await answer(grid[i - 1])) !== (await answer(grid[i]))) await bisect(grid[i - 1], grid[i]);
  }
  return { days: [...new Set(found)].sort(), queries };
}
