import { poolOf } from '../db/data-source';
import { Database } from '../db/sql';
import { loadPartnership } from '../demo/demo-writer';
import { partnershipChunks } from '../demo/generate-partnership';
import { CliCommand, UsageError } from './cli-command';
import { withLocalDatabase } from './local-database';

const SCALES = ['demo', 'national'] as const;

/**
 * `hub demo load`: loads the generated partnership into the hub's database (DATABASE_URL, or the local one), so
 * anyone can reproduce the benchmark figures on their own PostgreSQL: `--scale national` is 152 LAs in 31 RAAs with
 * 100,000 children; `--scale demo` is the ALE partnership `npm start` serves. It loads only into a database with no
 * authorities (never beside real records), applies the migrations first, and ends with ANALYZE.
 */
export const demoLoadCommand: CliCommand = {
  words: ['demo', 'load'],
  usage: 'hub demo load [--scale demo|national] [--today YYYY-MM-DD] [--json]   (into DATABASE_URL, or the local database)',
  async run(o) {
    const scale = typeof o.scale === 'string' ? o.scale : 'demo';
    if (!(SCALES as readonly string[]).includes(scale)) throw new UsageError('--scale must be demo or national');
    const today = typeof o.today === 'string' ? o.today : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new UsageError('--today must be a date as YYYY-MM-DD');
    return withLocalDatabase(async (ds) => {
      const db = new Database(poolOf(ds));
      const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM authority');
      if (n > 0) {
        process.stderr.write(`hub: the database already holds ${n} authorities; demo data loads only into an empty hub database\n`);
        return 1;
      }
      const t0 = process.hrtime.bigint();
      await loadPartnership(db, partnershipChunks({ scale: scale as (typeof SCALES)[number], today }));
      await db.query('ANALYZE');
      const [counts] = await db.query<Record<string, number>>(`SELECT (SELECT count(*) FROM authority)::int AS authorities,
        (SELECT count(*) FROM child)::int AS children, (SELECT count(*) FROM care_episode)::int AS episodes,
        (SELECT count(*) FROM adopter_household)::int AS households`);
      const seconds = Math.round(Number(process.hrtime.bigint() - t0) / 1e8) / 10;
      if (o.json) process.stdout.write(`${JSON.stringify({ scale, today, seconds, ...counts })}\n`);
      else process.stdout.write(`loaded the ${scale} partnership as at ${today} in ${seconds} s: ${counts.authorities} authorities, `
        + `${counts.children} children, ${counts.episodes} care episodes, ${counts.households} households\n`);
      return 0;
    });
  },
};
