import 'reflect-metadata';
import { readEnvironment } from './config/environment';
import { resolveDatabase } from './db/resolve-database';
import { describeDemoLoad, loadDemoIntoEmptyHub } from './demo/load-demo-partnership';
import { demoTokens } from './cli/demo-tokens';
import { startHub } from './server/start-hub';

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo partnership into an empty database, then
 * serve. The port opens only after the demo is in, so the first request (and /healthz) sees what /readyz promises.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const env = readEnvironment();
  const database = await resolveDatabase(env);
  const hub = await startHub(env, database.url, {
    prepare: async (deps) => {
      if (env.production) return;
      process.stdout.write(`${describeDemoLoad(await loadDemoIntoEmptyHub(deps.db))}\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Permanence Hub serving GraphQL at ${hub.url}/graphql (listening on ${env.host}; ready in ${seconds}s; database: ${database.embedded ? 'embedded PostgreSQL under .data/' : 'DATABASE_URL'})\n`);
  if (!env.production) {
    process.stdout.write(`Dashboard: ${hub.url}/dashboard\n\nDemo tokens (signed with the development key under the data folder; valid 8 hours; send as "Authorization: Bearer <token>"):\n`);
    for (const { person, token } of demoTokens(hub.deps.key)) {
      process.stdout.write(`\n  ${person.role} @ ${person.org} — ${person.name}\n  ${token}\n`);
    }
    process.stdout.write('\n');
  }
  const shutdown = async () => {
    await hub.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  process.stderr.write(`Permanence Hub could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
