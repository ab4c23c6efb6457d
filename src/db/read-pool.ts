import { Pool } from 'pg';
import { STATEMENT_TIMEOUT_MS } from './data-source';

/**
 * The pool of the compiled reads (the only named prepared statements, src/compiler/statement-runner.ts), whose
 * connections plan each prepared statement once: `plan_cache_mode = force_generic_plan`. Left to PostgreSQL's
 * default, a compiled read was planned again on every execution (its generic plan's estimate looks dearer than the
 * custom plans'), and planning the family-finding page cost as much as running it (0.6-0.9 ms each time). The
 * compiled statements filter through indexes on equality and ANY(array) of the viewer's scope, so one plan serves
 * every viewer of a shape: measured at national scale on the page, the profile, a filtered page, a page by age and a
 * page of households, the generic plan ran as fast or faster. Every other statement (sync, loaders, aggregates) stays
 * on the TypeORM pool with PostgreSQL's default, which may still plan for the values it is given.
 */
export function createReadPool(url: string, max: number, onLost: (err: Error) => void): Pool {
  const pool = new Pool({
    connectionString: url, max, application_name: 'permanence-hub', statement_timeout: STATEMENT_TIMEOUT_MS,
    options: '-c plan_cache_mode=force_generic_plan',
  });
  // An idle connection that breaks (a database restart) is dropped by the pool; without a listener it would end the process.
  pool.on('error', onLost);
  return pool;
}
