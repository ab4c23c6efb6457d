import { GraphQLError } from 'graphql';

/** The hub's one error vocabulary (docs/interface.md). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'TOO_COMPLEX';

/** An error a client may see as it is: a code and a message a person can act on, nothing internal. */
export function clientError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  // Whole-request refusals set the HTTP status; field and argument errors stay 200 beside the data that was allowed.
  const status = { UNAUTHENTICATED: 401, TOO_COMPLEX: 400, FORBIDDEN: undefined, BAD_USER_INPUT: undefined }[code];
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

/** FORBIDDEN: the operation, field, filter or sort is not allowed to this viewer. */
export const forbidden = (message: string): GraphQLError => clientError('FORBIDDEN', message);

/** BAD_USER_INPUT: the request itself is wrong; the message says how. */
export const badInput = (message: string, extra?: Record<string, unknown>): GraphQLError => clientError('BAD_USER_INPUT', message, extra);

/** The codes that pass the error mask unchanged. */
export const CLIENT_ERROR_CODES: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'TOO_COMPLEX'];
