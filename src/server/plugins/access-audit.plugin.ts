import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../../context/request-context';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/database-unavailable';
import { logServerError } from '../server-log';

/**
 * Writes the request's access-log entries before the response is sent. If they cannot be written, the data is
 * withheld: a child record never leaves the hub unrecorded.
 */
export function accessAuditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName, operation }) {
          if (!contextValue?.audit || contextValue.audit.size === 0) return;
          const name = operationName ?? operation?.name?.value ?? null;
          try {
            await contextValue.audit.flush(contextValue.db, contextValue.viewer, contextValue.requestId, name);
          } catch (err) {
            logServerError(contextValue.requestId, err);
            if (response.body.kind === 'single' && isDatabaseUnavailable(err)) {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: contextValue.requestId } }];
              response.http.status = 503;
              response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            } else if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [{
                message: `The access log could not be written, so no data was sent. Quote request id ${contextValue.requestId}.`,
                extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
              }];
            }
          }
        },
      };
    },
  };
}
