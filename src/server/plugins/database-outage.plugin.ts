import { ApolloServerPlugin } from '@apollo/server';
import { RETRY_AFTER_SECONDS } from '../../db/database-unavailable';
import { RequestContext } from '../../context/request-context';

/**
 * A response holding a SERVICE_UNAVAILABLE error (the database went away while the request ran) is answered 503 with
 * Retry-After, like one refused before it started, so every client sees an outage the same way: retry later.
 */
export function databaseOutagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
