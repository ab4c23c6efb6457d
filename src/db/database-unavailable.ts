// Telling "the database cannot be reached" apart from every other failure, so each entry point can answer 503 with
// Retry-After (a client should try again) rather than 401 (a client would think its credentials are bad) or 500.

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** The one message every entry point gives when the database is unavailable. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The hub\'s database is unavailable; nothing was read or written. Try again shortly.';

// Node socket errors seen when PostgreSQL is down, restarting or unreachable.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutting down, crash, cannot connect now),
// 53300 (too many connections).
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// node-postgres reports a dropped connection or a pool that could not connect in time only by its message.
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i;

/** True when `err` (or what it wraps) says the database cannot be reached now, rather than that a statement failed. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  // AggregateError (several addresses refused), TypeORM's QueryFailedError, GraphQL's wrapped originalError.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return [e.cause, e.originalError, e.driverError].some((x) => x !== err && isDatabaseUnavailable(x, depth + 1));
}
