import { Database } from '../db/sql';
import { writePartnership } from './demo-writer';
import { DEMO_SEED, generatePartnership } from './generate-partnership';

/** The hub_setting key recording that the demo was loaded once; deleting demo rows later must not bring it back. */
export const DEMO_LOADED_KEY = 'demo_loaded';

/** What `loadDemoIfEmpty` did, and why. */
export type DemoLoadOutcome =
  | { loaded: true }
  | { loaded: false; reason: 'already-loaded' | 'not-empty'; authorities: number };

/**
 * Loads the demo partnership (ALE), its live pipeline as at `today`, only into a new hub: a database with no
 * authorities and no record of an earlier demo load. A database that holds any authority belongs to someone (a
 * partnership registered with `hub authority add`, or an earlier demo), so demo children are never mixed into it.
 * Runs in one transaction under an advisory lock, so two hubs starting together load it once.
 */
export async function loadDemoIntoEmptyHub(db: Database, today: string = new Date().toISOString().slice(0, 10)): Promise<DemoLoadOutcome> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('permanence-hub:demo-load'))`);
    const [state] = await tx.query<{ authorities: number; demo: boolean }>(
      `SELECT (SELECT count(*)::int FROM authority) AS authorities, EXISTS (SELECT 1 FROM hub_setting WHERE key = $1) AS demo`,
      [DEMO_LOADED_KEY]);
    if (state.demo) return { loaded: false, reason: 'already-loaded', authorities: state.authorities } as const;
    if (state.authorities > 0) return { loaded: false, reason: 'not-empty', authorities: state.authorities } as const;
    // The live pipeline is dated up to today, so ages and days waiting read true; the adoption history stays in 2016-21.
    await writePartnership(tx, generatePartnership({ scale: 'demo', today }));
    await tx.query(`INSERT INTO hub_setting (key, value) VALUES ($1, $2)`, [DEMO_LOADED_KEY, `seed=${DEMO_SEED};today=${today}`]);
    return { loaded: true } as const;
  });
}

/** As `loadDemoIntoEmptyHub`: whether it loaded. */
export async function loadDemoIfEmpty(db: Database, today?: string): Promise<boolean> {
  return (await loadDemoIntoEmptyHub(db, today)).loaded;
}

/** The line `npm start` prints about the demo. */
export function describeDemoLoad(outcome: DemoLoadOutcome): string {
  if (outcome.loaded) return 'Loaded the demo partnership (Adopt London East and its four LAs).';
  if (outcome.reason === 'already-loaded') return 'The demo partnership was loaded earlier; not loading it again.';
  return `Not loading the demo partnership: this database already holds ${outcome.authorities} ${outcome.authorities === 1 ? 'authority' : 'authorities'}, `
    + 'and demo children are loaded only into an empty hub. Point DATABASE_URL (or HUB_DATA_DIR) at an empty database for the demo.';
}
