import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildHubSchema } from '../../schema/build-schema';
import { RequestContext } from '../context/request-context';
import { maskError } from './error-masking';
import { HubMetrics } from './metrics';
import { databaseOutagePlugin } from './plugins/database-outage.plugin';
import { inputEdgePlugin } from './plugins/input-edge.plugin';
import { DEFAULT_LIMITS, RequestLimitOptions, requestLimitsPlugin } from './plugins/request-limits.plugin';
import { currentRequestId } from './request-id';

/** Counts operations and their SQL statements for /metrics. */
function metricsPlugin(metrics: HubMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors?.length ?? 0 : 0;
          metrics.inc('hub_graphql_requests_total', { operation: operationName ?? 'anonymous', outcome: errors ? 'error' : 'ok' });
          if (contextValue?.sql) metrics.inc('hub_sql_statements_total', {}, contextValue.sql.count);
        },
      };
    },
  };
}

/** The Apollo server: masked errors, limits, audit; no introspection in production, no landing page ever. */
export function createGraphqlServer(opts: { production: boolean; metrics: HubMetrics; limits?: RequestLimitOptions }): ApolloServer<RequestContext> {
  const schema = buildHubSchema();
  return new ApolloServer<RequestContext>({
    schema,
    introspection: !opts.production,
    // "Did you mean ...?" on an unknown field would list the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: opts.production,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error, currentRequestId()),
    plugins: [
      inputEdgePlugin(),
      requestLimitsPlugin(schema, opts.limits ?? DEFAULT_LIMITS),
      metricsPlugin(opts.metrics),
      databaseOutagePlugin(),
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
