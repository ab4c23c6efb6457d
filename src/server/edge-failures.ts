import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { logServerError } from './server-log';

/** An HTTP answer given outside GraphQL: status, extra headers, and a JSON body with no internals in it. */
export interface EdgeFailure {
  status: number;
  headers: [string, string][];
  body: unknown;
}

/** The request body passed the 5 MB limit. */
export const bodyTooLarge = (requestId: string | undefined): EdgeFailure => ({ status: 413, headers: [], body: { error: 'payload too large', requestId } });

/** The request body is not JSON (or not an object or array). */
export const bodyNotJson = (requestId: string | undefined): EdgeFailure => ({
  status: 400, headers: [],
  body: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT', requestId } }] },
});

/**
 * Anything thrown outside GraphQL, logged with its detail and answered without it: 503 with Retry-After when the
 * database is unavailable, 500 otherwise. The one answer for the Express routes and the direct `POST /graphql` path.
 */
export function unexpectedFailure(err: unknown, requestId: string | undefined): EdgeFailure {
  logServerError(requestId, err);
  if (isDatabaseUnavailable(err)) {
    return { status: 503, headers: [['retry-after', String(RETRY_AFTER_SECONDS)]], body: { error: DATABASE_UNAVAILABLE_MESSAGE, requestId } };
  }
  return { status: 500, headers: [], body: { error: 'internal error', requestId } };
}
