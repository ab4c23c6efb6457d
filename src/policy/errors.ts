import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from '../db/database-unavailable';

/** The hub's one error vocabulary (docs/interface.md). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'TOO_COMPLEX' | 'SERVICE_UNAVAILABLE';

/** An error a client may see as it is: a code and a message a person can act on, nothing internal. */
export function clientError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  // Whole-request refusals set the HTTP status; field and argument errors stay 200 beside the data that was allowed.
  const status = { UNAUTHENTICATED: 401, TOO_COMPLEX: 400, FORBIDDEN: undefined, BAD_USER_INPUT: undefined, SERVICE_UNAVAILABLE: 503 }[code];
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

/** FORBIDDEN: the operation, field, filter or sort is not allowed to this viewer. */
export const forbidden = (message: string): GraphQLError => clientError('FORBIDDEN', message);

/** BAD_USER_INPUT: the request itself is wrong; the message says how. */
export const badInput = (message: string, extra?: Record<string, unknown>): GraphQLError => clientError('BAD_USER_INPUT', message, extra);

/** SERVICE_UNAVAILABLE (HTTP 503 with Retry-After): the database cannot be reached; the same request may succeed later. */
export function serviceUnavailable(extra: Record<string, unknown> = {}): GraphQLError {
  const http = { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
  return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE', ...extra, http } });
}

/** The codes that pass the error mask unchanged. */
export const CLIENT_ERROR_CODES: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'TOO_COMPLEX', 'SERVICE_UNAVAILABLE'];
