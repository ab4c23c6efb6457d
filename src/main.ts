import 'reflect-metadata';
import { Environment, readEnvironment } from './config/environment';
import { checkCanListen, explainDatabaseProblem, explainEmbeddedProblem, explainListenProblem, SettingProblem } from './config/setting-problems';
import { resolveDatabase } from './db/resolve-database';
import { describeDemoLoad, loadDemoIntoEmptyHub } from './demo/load-demo-partnership';
import { demoTokens } from './cli/demo-tokens';
import { hubLog } from './server/hub-log';
import { startHub } from './server/start-hub';
import { startupSummary } from './server/startup-summary';

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo partnership into an empty database, then
 * serve. The port opens only after the demo is in, so the first request (and /healthz) sees what /readyz promises.
 */
async function main(): Promise<void> {
  const started = Date.now();
  // Its errors already name the variable (e.g. JWT_MAX_LIFETIME).
  const env = readEnvironment();
  // A port already taken is found before the database starts and the demo loads, not after.
  const portProblem = await checkCanListen(env.port, env.host);
  if (portProblem) throw portProblem;
  let database: Awaited<ReturnType<typeof resolveDatabase>>;
  try {
    database = await resolveDatabase(env);
  } catch (err) {
    throw env.databaseUrl ? err : explainEmbeddedProblem(err, env);
  }
  try {
    await serve(env, database, started);
  } catch (err) {
    await database.stop().catch(() => undefined);
    throw explainDatabaseProblem(err, env) ?? explainListenProblem(err, env.port, env.host) ?? err;
  }
}

async function serve(env: Environment, database: Awaited<ReturnType<typeof resolveDatabase>>, started: number): Promise<void> {
  const hub = await startHub(env, database.url, {
    prepare: async (deps) => {
      if (env.production) return;
      process.stdout.write(`${describeDemoLoad(await loadDemoIntoEmptyHub(deps.db))}\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  hubLog().info(startupSummary(env, { databaseUrl: database.url, embedded: database.embedded, address: hub.server.address(),
    readySeconds: Number(seconds) }), 'Permanence Hub started');
  // In production stdout carries only the JSON log; a developer also gets the addresses and demo tokens in words.
  if (!env.production) {
    process.stdout.write(`Permanence Hub serving GraphQL at ${hub.url}/graphql (listening on ${env.host}; ready in ${seconds}s; database: ${database.embedded ? 'embedded PostgreSQL under .data/' : 'DATABASE_URL'})\n`);
    process.stdout.write(`Start page: ${hub.url}/  Dashboard: ${hub.url}/dashboard  Family finding: ${hub.url}/family-finding\n\nDemo tokens (signed with the development key under the data folder; valid 8 hours or JWT_MAX_LIFETIME if shorter; send as "Authorization: Bearer <token>"):\n`);
    for (const { person, token } of demoTokens(hub.deps.key)) {
      process.stdout.write(`\n  ${person.role} @ ${person.org} — ${person.name}\n  ${token}\n`);
    }
    process.stdout.write('\n');
  }
  const shutdown = async () => {
    hubLog().info({ event: 'shutdown' }, 'Permanence Hub stopping');
    await hub.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  hubLog().fatal({ event: 'startup.failed', err: err instanceof SettingProblem ? undefined : err,
    reason: err instanceof Error ? err.message : String(err) }, 'Permanence Hub could not start');
  // One sentence naming the setting to change (src/config/setting-problems.ts), never a stack trace.
  process.stderr.write(`Permanence Hub could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
