import { Database } from '../db/sql';
import { writePartnership } from './demo-writer';
import { DEMO_SEED, generatePartnership } from './generate-partnership';

/** The hub_setting key recording that the demo was loaded once; deleting demo rows later must not bring it back. */
export const DEMO_LOADED_KEY = 'demo_loaded';

/**
 * Loads the demo partnership (ALE), its live pipeline as at `today`, when the hub is new: no child rows and no record of an earlier demo load.
 * Runs in one transaction under an advisory lock, so two hubs starting together load it once. Returns whether it loaded.
 */
export async function loadDemoIfEmpty(db: Database, today: string = new Date().toISOString().slice(0, 10)): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('permanence-hub:demo-load'))`);
    const [state] = await tx.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM child) AND NOT EXISTS (SELECT 1 FROM hub_setting WHERE key = $1) AS empty`, [DEMO_LOADED_KEY]);
    if (!state.empty) return false;
    // The live pipeline is dated up to today, so ages and days waiting read true; the adoption history stays in 2016-21.
    await writePartnership(tx, generatePartnership({ scale: 'demo', today }));
    await tx.query(`INSERT INTO hub_setting (key, value) VALUES ($1, $2)`, [DEMO_LOADED_KEY, `seed=${DEMO_SEED};today=${today}`]);
    return true;
  });
}
