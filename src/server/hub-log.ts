// The hub's operational log: JSON lines (pino) on stdout, one per request, plus startup, import, OAuth and failure
// events. Tokens, secrets and personal data never reach it: lines carry identifiers and counts chosen field by field,
// errors go through `safeError`, and pino's redaction blanks the usual secret-bearing keys should one slip in.
import pino, { DestinationStream, Logger } from 'pino';

/** Keys whose values are blanked wherever they appear (two levels deep), as a safety net behind the field choices. */
export const REDACTED_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'headers.cookie', '*.headers.cookie',
  'token', '*.token', 'accessToken', '*.accessToken', 'access_token', '*.access_token',
  'password', '*.password', 'secret', '*.secret', 'client_secret', '*.client_secret', 'clientSecret', '*.clientSecret',
  'jwtSecret', '*.jwtSecret', 'databaseUrl', '*.databaseUrl', 'variables', '*.variables', 'records', '*.records',
];

/** The level when LOG_LEVEL is not set: quiet under jest (tests that read the log raise it), info otherwise. */
function defaultLevel(): string {
  return process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
}

/**
 * stdout written asynchronously (pino's sonic-boom, flushed on exit): a synchronous write per request line held the
 * event loop for every response. Lines are not held back waiting for a buffer to fill, so `tail -f` stays live.
 */
function asyncStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

function createLogger(destination: DestinationStream, level: string, redact: boolean): Logger {
  return pino({
    level,
    base: { service: 'permanence-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    ...(redact ? { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } } : {}),
    serializers: { err: safeError },
  }, destination);
}

const stdout = asyncStdout();
let current: Logger = createLogger(stdout, defaultLevel(), true);
let requests: Logger = createLogger(stdout, defaultLevel(), false);

/** The hub's logger. */
export function hubLog(): Logger {
  return current;
}

/**
 * The logger of the one line per request (src/server/request-log.ts), to the same destination at the same level.
 * It skips the redaction walk (the wildcard paths cost every line a pass over its keys): that line is built field by
 * field from identifiers, a status and a duration, and never holds a header, body, variable or error.
 */
export function requestLineLog(): Logger {
  return requests;
}

/** Sends the log to `destination` at `level` (a test reading the lines; an operator's LOG_LEVEL is read by default). */
export function configureHubLog(opts: { destination?: DestinationStream; level?: string } = {}): Logger {
  const destination = opts.destination ?? stdout;
  const level = opts.level ?? defaultLevel();
  current = createLogger(destination, level, true);
  requests = createLogger(destination, level, false);
  return current;
}

/** What a database error's message may quote: values from the statement, which can be personal data. */
const QUOTED = /"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g;

/**
 * An error as the log keeps it: its type, code and message (values quoted by the database blanked) and the stack
 * frames, but never a driver error's detail, parameters or query (they carry the record being written).
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err).slice(0, 200) };
  const e = err as Error & { code?: unknown; driverError?: unknown };
  const fromDatabase = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) || e.driverError !== undefined || e.name === 'QueryFailedError';
  const message = fromDatabase ? e.message.replace(QUOTED, '[value]') : e.message;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).map((l) => l.trim());
  return { type: e.name, ...(typeof e.code === 'string' ? { code: e.code } : {}), message, stack: frames };
}
