import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildHubSchema } from '../../schema/build-schema';
import { RequestContext } from '../context/request-context';
import { maskError } from './error-masking';
import { HubMetrics } from './metrics';
import { databaseOutagePlugin } from './plugins/database-outage.plugin';
import { inputEdgePlugin } from './plugins/input-edge.plugin';
import { observabilityPlugin } from './plugins/observability.plugin';
import { DEFAULT_LIMITS, RequestLimitOptions, requestLimitsPlugin } from './plugins/request-limits.plugin';
import { currentRequestId } from './request-id';

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
      observabilityPlugin(opts.metrics),
      databaseOutagePlugin(),
      // No Apollo landing page (its Sandbox loads from a CDN): outside production GET /graphql from a browser is the
      // hub's own offline explorer (src/pages/explorer-route.ts); production has none.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
