import { addDays } from './inference-solver';

// Generated adopter households for tests/policy/adopter-inference.test.ts, and which of them each published figure
// counts, written from the definitions in docs/adopter-funnel.md (not from the hub's code), so the attack's equations
// say what the figures mean. A profile is a set of identical households (same dates, stage and reason): the
// attacker's finest group.

export interface Profile {
  n: number;
  stage: string;
  enquiry: string | null;
  s1Start: string | null; s1End: string | null; s2Start: string | null; s2End: string | null;
  application: string | null; approved: string | null; matched: string | null; placed: string | null; order: string | null;
  left: string | null; reason: string | null;
}

const REASONS = ['WITHDREW', 'ON_HOLD', 'APPLICATION_REFUSED', 'APPROVAL_RESCINDED', 'OTHER', null];

/**
 * `count` profiles from `rnd`: a first enquiry in 2021-2024, then each step with a generated gap, stopping at a
 * generated furthest step; some leave afterwards (with a coded reason or none). Sizes: 1 to 4 (small groups) or 5 to 8.
 */
export function generateProfiles(rnd: () => number, count: number): Profile[] {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const enquiry = addDays('2021-01-01', int(0, 4 * 365));
    const furthest = int(0, 6); // 0 enquiry, 1 stage 1, 2 stage 2, 3 approved, 4 matched, 5 placed, 6 order
    const p: Profile = { n: rnd() < 0.5 ? int(1, 4) : int(5, 8), stage: 'ENQUIRY', enquiry, s1Start: null, s1End: null, s2Start: null,
      s2End: null, application: null, approved: null, matched: null, placed: null, order: null, left: null, reason: null };
    let day = enquiry;
    const next = (lo: number, hi: number): string => (day = addDays(day, int(lo, hi)));
    if (furthest >= 1) { p.s1Start = next(5, 60); p.stage = 'STAGE_ONE'; }
    if (furthest >= 2) { p.s1End = next(30, 110); p.s2Start = next(0, 20); p.application = p.s2Start; p.stage = 'STAGE_TWO'; }
    if (furthest >= 3) { p.s2End = next(90, 180); p.approved = next(5, 40); p.stage = 'APPROVED'; }
    if (furthest >= 4) { p.matched = next(20, 300); p.stage = 'MATCHED'; }
    if (furthest >= 5) { p.placed = next(10, 60); p.stage = 'PLACED'; }
    if (furthest >= 6) { p.order = next(90, 300); p.stage = 'ADOPTION_ORDER'; }
    if (furthest <= 3 && rnd() < 0.45) { p.left = next(10, 200); p.reason = REASONS[int(0, REASONS.length - 1)]; p.stage = 'WITHDRAWN'; }
    profiles.push(p);
  }
  return profiles;
}

/** The first day of the calendar quarter holding `d` (YYYY-MM-DD). */
export const quarterOf = (d: string): string => `${d.slice(0, 5)}${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
/** `d` plus `months` calendar months, clamped to the month's end (PostgreSQL's date + interval). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + m - 1 + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
/** The last day of the quarter starting `q`. */
export const quarterEnd = (q: string): string => addDays(addMonths(q, 3), -1);

const STAGE_STEP: Record<string, number> = { ENQUIRY: 0, STAGE_ONE: 1, STAGE_TWO: 2, APPROVED: 3, MATCHED: 4, PLACED: 4, ADOPTION_ORDER: 4, WITHDRAWN: 0 };
/** The funnel's furthest step: dates, or the stage when a date is missing. */
export function furthest(p: Profile): number {
  const byDates = p.matched ? 4 : p.approved ? 3 : p.s2Start ? 2 : p.s1Start ? 1 : 0;
  return Math.max(byDates, STAGE_STEP[p.stage]);
}
/** The furthest step by dates, as householdsLeaving names it. */
export const furthestByDates = (p: Profile): string =>
  (p.matched ? 'MATCHED' : p.approved ? 'APPROVED' : p.s2Start ? 'STAGE_TWO' : p.s1Start ? 'STAGE_ONE' : 'ENQUIRY');

/** The timed steps: [measure, from, to, norm months]. */
export const MEASURES: [string, keyof Profile, keyof Profile, number][] = [
  ['STAGE_ONE', 's1Start', 's1End', 2], ['STAGE_TWO', 's2Start', 's2End', 4],
  ['REGISTRATION_TO_APPROVAL', 's1Start', 'approved', 6], ['APPROVAL_TO_MATCH', 'approved', 'matched', 3]];

/** A timed step of `p`: the quarter it ended, its days and whether within the norm; null when not timed. */
export function timedStep(p: Profile, measure: string): { quarter: string; days: number; within: boolean } | null {
  const [, from, to, months] = MEASURES.find(([m]) => m === measure)!;
  const a = p[from] as string | null;
  const b = p[to] as string | null;
  if (!a || !b || b < a) return null;
  return { quarter: quarterOf(b), days: Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000), within: b <= addMonths(a, months) };
}

const movedOn = (p: Profile): string | null => [p.matched, p.placed, p.order, p.left].filter((d): d is string => d !== null).sort()[0] ?? null;

/** Approved and waiting on day `e` (A11; the population of approvedAdopterWaits with an approval date). */
export const waitingOn = (p: Profile, e: string): boolean =>
  p.approved !== null && p.approved <= e && ((movedOn(p) === null && p.stage === 'APPROVED') || (movedOn(p) ?? '') > e);

/** approvedAdopterWaits' band on quarter end `e`, or null when not in its population. */
export function waitBand(p: Profile, e: string): string | null {
  if (p.approved === null) return p.stage === 'APPROVED' ? 'Not known' : null;
  if (!waitingOn(p, e)) return null;
  const next = addDays(e, 1);
  if (p.approved >= addMonths(next, -3)) return 'Under 3 months';
  if (p.approved >= addMonths(next, -6)) return '3-6 months';
  if (p.approved >= addMonths(next, -12)) return '6-12 months';
  return '12 months or more';
}

/** An application still to be assessed on day `e` (A13). */
export const applicationOpenOn = (p: Profile, e: string): boolean => p.application !== null && p.application <= e
  && ((p.approved !== null && p.approved > e) || (p.approved === null && ['ENQUIRY', 'STAGE_ONE', 'STAGE_TWO', 'WITHDRAWN'].includes(p.stage)))
  && ((p.left !== null && p.left > e) || (p.left === null && p.stage !== 'WITHDRAWN'));

/** Matched in the quarter starting `q` with an approval date (A12), and whether after waiting 3 months. */
export const matchedIn = (p: Profile, q: string): boolean => p.approved !== null && p.matched !== null && quarterOf(p.matched) === q;
export const waitedThreeMonths = (p: Profile): boolean => p.matched !== null && p.approved !== null && p.matched >= addMonths(p.approved, 3);

/** The financial year (by the year it ends) of `d`. */
export const financialYear = (d: string): number => (Number(d.slice(5, 7)) >= 4 ? Number(d.slice(0, 4)) + 1 : Number(d.slice(0, 4)));
