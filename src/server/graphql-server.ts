import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildHubSchema } from '../../schema/build-schema';
import { RequestContext } from '../context/request-context';
import { maskError } from './error-masking';
import { HubMetrics } from './metrics';
import { compiledResponsePlugin } from './plugins/compiled-response.plugin';
import { databaseOutagePlugin } from './plugins/database-outage.plugin';
import { inputEdgePlugin } from './plugins/input-edge.plugin';
import { observabilityPlugin } from './plugins/observability.plugin';
import { DEFAULT_LIMITS, RequestLimitOptions, requestLimitsPlugin } from './plugins/request-limits.plugin';

/** Which request each error belongs to: errors are formatted without the context, and the id is not in AsyncLocalStorage. */
const requestOfError = new WeakMap<object, string>();

/** Notes the request id of every error a request meets, for `formatError` (the one place errors are masked). */
function requestIdOfErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) if (contextValue?.requestId) requestOfError.set(e, contextValue.requestId);
        },
      };
    },
  };
}

function requestIdOf(error: unknown, formattedId: unknown): string | undefined {
  const known = error && typeof error === 'object' ? requestOfError.get(error) : undefined;
  return known ?? (typeof formattedId === 'string' ? formattedId : undefined);
}

/** The Apollo server: masked errors, limits, audit; no introspection in production, no landing page ever. */
export function createGraphqlServer(opts: { production: boolean; metrics: HubMetrics; limits?: RequestLimitOptions; compiledResponses?: boolean }): ApolloServer<RequestContext> {
  const schema = buildHubSchema();
  return new ApolloServer<RequestContext>({
    schema,
    introspection: !opts.production,
    // "Did you mean ...?" on an unknown field would list the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: opts.production,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error, requestIdOf(error, formatted.extensions?.requestId)),
    plugins: [
      requestIdOfErrorsPlugin(),
      // Per-request cost the hub has no use for: no cache-control hints computed per field (a parsed and validated
      // document is cached by Apollo's default document store; usage reporting and traces are off below).
      ApolloServerPluginCacheControlDisabled(),
      inputEdgePlugin(),
      requestLimitsPlugin(schema, opts.limits ?? DEFAULT_LIMITS),
      observabilityPlugin(opts.metrics),
      databaseOutagePlugin(),
      // Last: a fully compiled query is answered from its one statement without graphql-js's field-by-field walk
      // (off only in the test that proves both ways give the same response).
      ...(opts.compiledResponses === false ? [] : [compiledResponsePlugin(opts.metrics)]),
      // No Apollo landing page (its Sandbox loads from a CDN): outside production GET /graphql from a browser is the
      // hub's own offline explorer (src/pages/explorer-route.ts); production has none.
      ApolloServerPluginLandingPageDisabled(),
      // Telemetry off: nothing about the hub's operations goes to Apollo's cloud, even when APOLLO_KEY is set.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}
