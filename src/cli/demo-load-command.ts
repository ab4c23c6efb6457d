import { poolOf } from '../db/data-source';
import { Database } from '../db/sql';
import { loadPartnership } from '../demo/demo-writer';
import { partnershipChunks } from '../demo/generate-partnership';
import { CliCommand, EXIT, optional, UsageError } from './cli-command';
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
  summary: "Loads the generated demo or national partnership into the hub's database, to reproduce the benchmarks.",
  details: '--scale national is 152 LAs in 31 RAAs with 100,000 children (about a minute); --scale demo is the ALE\n'
    + 'partnership npm start serves. It loads only into a database that holds no authorities, then runs ANALYZE.',
  options: {
    scale: { type: 'string', value: 'demo|national', default: 'demo', description: 'which partnership to generate' },
    today: { type: 'string', value: 'YYYY-MM-DD', default: 'today', description: 'the date the live pipeline is generated as at' },
    json: { type: 'boolean', description: 'print the counts as one JSON line' },
  },
  environment: {
    DATABASE_URL: 'the PostgreSQL to load into (default: the embedded one under HUB_DATA_DIR)',
    HUB_DATA_DIR: 'where the embedded PostgreSQL lives (default: .data/)',
  },
  exitCodes: {
    0: 'loaded',
    1: 'refused: the database already holds authorities (nothing was loaded)',
    3: 'the database could not be reached',
  },
  examples: ['hub demo load --scale national   (with DATABASE_URL=postgres://... set)', 'hub demo load --scale demo --json'],
  async run(o) {
    const scale = optional(o, 'scale') ?? 'demo';
    if (!(SCALES as readonly string[]).includes(scale)) throw new UsageError('--scale must be demo or national');
    const today = optional(o, 'today') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new UsageError('--today must be a date as YYYY-MM-DD');
    return withLocalDatabase(async (ds) => {
      const db = new Database(poolOf(ds));
      const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM authority');
      if (n > 0) {
        process.stderr.write(`hub: the database already holds ${n} authorities; demo data loads only into an empty hub database\n`);
        return EXIT.failed;
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
      return EXIT.ok;
    });
  },
};
