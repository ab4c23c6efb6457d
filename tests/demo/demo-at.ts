import { DEMO_TODAY } from '../../src/demo/generate-partnership';
import { loadDemoIfEmpty } from '../../src/demo/load-demo-partnership';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Today's date (UTC, ISO), the day `npm start` generates the demo's live pipeline for. */
export const CURRENT_DAY = new Date().toISOString().slice(0, 10);

/**
 * The days the demo is checked on: the report's own snapshot day and the real today, so the published figures
 * hold whenever the hub starts.
 */
export const DEMO_DAYS: readonly string[] = [...new Set([DEMO_TODAY, CURRENT_DAY])];

/**
 * Registers hooks that load the demo, generated for `today`, into a fresh database of its own; the returned function
 * gives that database inside tests.
 */
export function demoDatabaseAt(today: string): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    expect(await loadDemoIfEmpty(t.db, today)).toBe(true);
  }, 120_000);
  afterAll(async () => t?.close());
  return () => {
    if (!t) throw new Error('the demo database is not ready');
    return t;
  };
}
