import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable, DATABASE_UNAVAILABLE_MESSAGE } from '../db/database-unavailable';
import { CLIENT_ERROR_CODES } from '../policy/errors';
import { logServerError } from './server-log';

/** Apollo's own codes for a request that is malformed or asks for what the schema does not have. */
const INPUT_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED'];

/**
 * The one place errors are masked. Client errors (our four codes, and malformed or unknown-field requests as
 * BAD_USER_INPUT) keep their message; anything else becomes a generic internal error, logged with its detail.
 * No stack trace, SQL or internal detail reaches a client.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (CLIENT_ERROR_CODES.includes(code)) {
    const { http: _http, stacktrace: _s, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...base, extensions: { ...extensions, code, ...(requestId ? { requestId } : {}) } };
  }
  if (INPUT_CODES.includes(code) || (code === 'INTERNAL_SERVER_ERROR' && isVariableCoercion(formatted.message))) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT', ...(requestId ? { requestId } : {}) } };
  }
  const cause = unwrapResolverError(error);
  logServerError(requestId, cause);
  // The database went away mid-request: say so (the outage plugin makes the response a 503 with Retry-After).
  if (isDatabaseUnavailable(cause)) {
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', ...(requestId ? { requestId } : {}) } };
  }
  return {
    message: `Internal error. Quote request id ${requestId ?? 'unknown'} to the hub's operators.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

function isVariableCoercion(message: string): boolean {
  return /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(message);
}
