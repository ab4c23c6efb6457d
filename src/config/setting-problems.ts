// The failures people meet when starting the hub or running a `hub` command against its database, each turned into
// one sentence that names the setting to change. Used by `npm start` (src/main.ts) and the CLI, never a stack trace.
import { Environment } from './environment';

/** A problem with the hub's settings, already worded for the person who can fix it. */
export class SettingProblem extends Error {
  constructor(message: string, readonly setting: string) {
    super(message);
  }
}

interface ErrorLike { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown; driverError?: unknown; hostname?: unknown }

/** The innermost error with a code (AggregateError of several addresses, TypeORM's wrappers). */
function codeOf(err: unknown, depth = 0): { code?: string; error?: ErrorLike } {
  if (!err || typeof err !== 'object' || depth > 4) return {};
  const e = err as ErrorLike;
  if (typeof e.code === 'string') return { code: e.code, error: e };
  for (const inner of [...(Array.isArray(e.errors) ? e.errors : []), e.cause, e.driverError]) {
    const found = codeOf(inner, depth + 1);
    if (found.code) return found;
  }
  return {};
}

/** host:port of a PostgreSQL URL, without user or password (safe to print and log). */
export function databaseHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return 'an unreadable address';
  }
}

/** True when `url` parses as a postgres:// or postgresql:// URL. */
export function isPostgresUrl(url: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Why the embedded PostgreSQL (no DATABASE_URL) could not start, as a sentence naming HUB_DATA_DIR and DATABASE_URL. */
export function explainEmbeddedProblem(err: unknown, env: Environment): SettingProblem {
  const message = err instanceof Error ? err.message : String(err);
  return new SettingProblem(`the embedded PostgreSQL under ${env.dataDir} could not start (${message}); `
    + 'set HUB_DATA_DIR to a folder this user can write, or DATABASE_URL to a PostgreSQL server', 'HUB_DATA_DIR');
}

/**
 * Why the database in DATABASE_URL could not be opened, as a sentence naming DATABASE_URL; undefined when `err` is
 * not a connection problem (a failed migration, say) or the hub runs on the embedded PostgreSQL.
 */
export function explainDatabaseProblem(err: unknown, env: Environment): SettingProblem | undefined {
  if (!env.databaseUrl) return undefined;
  const where = databaseHost(env.databaseUrl);
  const { code, error } = codeOf(err);
  const message = typeof (err as ErrorLike)?.message === 'string' ? String((err as ErrorLike).message) : '';
  if (!isPostgresUrl(env.databaseUrl) || code === 'ERR_INVALID_URL' || /Invalid URL/i.test(message)) {
    return new SettingProblem('DATABASE_URL is not a valid PostgreSQL URL; it should look like postgres://USER:PASSWORD@HOST:5432/DATABASE', 'DATABASE_URL');
  }
  const sentences: Record<string, string> = {
    ECONNREFUSED: `nothing accepts connections at ${where}, the database in DATABASE_URL; start PostgreSQL there or change DATABASE_URL`,
    ENOTFOUND: `the database host in DATABASE_URL (${where}) is not known to this machine; check DATABASE_URL`,
    EAI_AGAIN: `the database host in DATABASE_URL (${where}) could not be looked up; check DATABASE_URL and this machine's DNS`,
    ETIMEDOUT: `the database at ${where} (DATABASE_URL) did not answer in time; check DATABASE_URL and the network between them`,
    EHOSTUNREACH: `the database at ${where} (DATABASE_URL) cannot be reached from this machine; check DATABASE_URL`,
    ENETUNREACH: `the database at ${where} (DATABASE_URL) cannot be reached from this machine; check DATABASE_URL`,
    '28P01': `the database at ${where} refused the user and password in DATABASE_URL; correct them in DATABASE_URL`,
    '28000': `the database at ${where} refused the connection (pg_hba.conf or the user in DATABASE_URL); check DATABASE_URL`,
    '3D000': `the database named in DATABASE_URL does not exist at ${where}; create it or change DATABASE_URL`,
    '57P03': `the database at ${where} (DATABASE_URL) is starting up or shutting down; try again shortly`,
    '53300': `the database at ${where} (DATABASE_URL) has no free connections; try again or raise its max_connections`,
  };
  if (code && sentences[code]) return new SettingProblem(sentences[code], 'DATABASE_URL');
  if (/timeout|terminated/i.test(message) || (error && /timeout/i.test(String(error.message)))) {
    return new SettingProblem(`the database at ${where} (DATABASE_URL) did not answer in time; check DATABASE_URL`, 'DATABASE_URL');
  }
  return undefined;
}

/** Why the hub could not listen, as a sentence naming PORT and HOST; undefined for any other error. */
export function explainListenProblem(err: unknown, port: number, host: string): SettingProblem | undefined {
  const { code } = codeOf(err);
  if (code === 'EADDRINUSE') {
    return new SettingProblem(`port ${port} on ${host} is already in use (another hub, or another program); `
      + 'stop it or set PORT to a free port', 'PORT');
  }
  if (code === 'ERR_SOCKET_BAD_PORT') return new SettingProblem(`PORT must be a whole number from 1 to 65535 (got "${port}")`, 'PORT');
  if (code === 'EACCES') {
    return new SettingProblem(`this user may not listen on port ${port}; set PORT to 1024 or above`, 'PORT');
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new SettingProblem(`${host} is not an address of this machine; set HOST to one of its addresses (127.0.0.1, 0.0.0.0)`, 'HOST');
  }
  return undefined;
}

/** Tries to listen on `port` at `host` and lets go at once: the problem, before anything slower starts; undefined when free. */
export async function checkCanListen(port: number, host: string): Promise<SettingProblem | undefined> {
  const { createServer } = await import('net');
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', (err) => resolve(explainListenProblem(err, port, host) ?? new SettingProblem(
      `cannot listen on ${host}:${port} (${err.message}); check PORT and HOST`, 'PORT')));
    try {
      probe.listen(port, host, () => probe.close(() => resolve(undefined)));
    } catch (err) {
      resolve(explainListenProblem(err, port, host));
    }
  });
}
