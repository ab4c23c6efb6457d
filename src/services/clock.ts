/**
 * The hub's "today", in one place. Dated aggregates (default ranges, snapshot dates, which 31 March is the latest a
 * controlled viewer may see: inference-control-policy.ts) all read it here, so one clock decides them all.
 *
 * Tests whose data sit at fixed dates pin it in-process (`pinToday`) so that "the latest 31 March" stays where their
 * data are; nothing in production pins it, and no environment variable or configuration can move it.
 */

let pinned: string | null = null;

/** Today in UTC as YYYY-MM-DD (or the pinned day, in a test). */
export function today(): string {
  return pinned ?? new Date().toISOString().slice(0, 10);
}

/** Tests only: makes `today()` answer `day` (YYYY-MM-DD) in this process until `unpinToday()`. */
export function pinToday(day: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new Error(`pinToday needs a real day as YYYY-MM-DD, not ${JSON.stringify(day)}`);
  }
  pinned = day;
}

/** Tests only: back to the real clock. */
export function unpinToday(): void {
  pinned = null;
}
