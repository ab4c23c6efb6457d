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

/** Bytes of log lines gathered before one write to stdout. */
const LOG_BUFFER_BYTES = 4096;
/** The longest a line waits in that buffer on a quiet hub. */
const LOG_FLUSH_MS = 1000;

/**
 * stdout written asynchronously (pino's sonic-boom). Request lines are written in batches: a write per line cost a
 * system call per response, about 6% of the hub's main thread under the profile's load. They wait until 4 kB have
 * gathered, or at most a second, so `tail -f` stays live. Any other line (startup, imports, failures) is written at
 * once with the request lines before it, so they keep their order (if a write is already under way, with the next
 * one, within the second). pino writes what is left when the process exits; a process killed outright (SIGKILL) loses
 * at most the last second of lines. The audit of every read is in the database, never here.
 */
function asyncStdout(): { batched: DestinationStream; immediate: DestinationStream } {
  const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  const flush = () => {
    try { stream.flush(); } catch { /* a destroyed stream at exit: pino has written what it held */ }
  };
  setInterval(flush, LOG_FLUSH_MS).unref();
  return { batched: stream, immediate: { write(line: string) { stream.write(line); flush(); } } };
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
let current: Logger = createLogger(stdout.immediate, defaultLevel(), true);
let requests: Logger = createLogger(stdout.batched, defaultLevel(), false);

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
  const level = opts.level ?? defaultLevel();
  current = createLogger(opts.destination ?? stdout.immediate, level, true);
  requests = createLogger(opts.destination ?? stdout.batched, level, false);
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
