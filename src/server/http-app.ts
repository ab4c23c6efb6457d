import { IncomingMessage, ServerResponse } from 'http';
import express, { Express, NextFunction, Request, Response } from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import { createRequestContext } from '../context/create-request-context';
import { migrations } from '../../migrations';
import { createGraphqlServer } from './graphql-server';
import { GRAPHQL_BODY_LIMIT_BYTES, graphqlHttpHandler } from './graphql-http';
import { HubDeps } from './hub-deps';
import { RequestLimitOptions } from './plugins/request-limits.plugin';
import { requestIdMiddleware } from './request-id';
import { requestLogMiddleware } from './request-log';
import { routeMounts } from './routes';
import { bodyNotJson, bodyTooLarge, unexpectedFailure } from './edge-failures';

/** The hub's HTTP handler: JSON POSTs to /graphql go straight to Apollo (graphql-http.ts), everything else to Express. */
export type HubHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the HTTP app: /graphql, health and readiness, metrics, and every mounted route group. */
export async function createHttpApp(deps: HubDeps, opts: { limits?: RequestLimitOptions; compiledResponses?: boolean } = {}): Promise<{ app: Express; handler: HubHandler; stop: () => Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(deps.metrics));

  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    try {
      const rows = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
      const ready = rows[0].n === migrations.length;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'migrations pending', migrations: rows[0].n });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => { res.type(deps.metrics.contentType).send(await deps.metrics.render()); });

  for (const mount of routeMounts) mount(app, deps);

  const server = createGraphqlServer({ production: deps.env.production, metrics: deps.metrics, limits: opts.limits, compiledResponses: opts.compiledResponses });
  await server.start();
  app.use('/graphql', express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }), expressMiddleware(server, {
    context: async ({ req }) => createRequestContext(deps, req.headers.authorization, (req as Request & { requestId: string }).requestId),
  }));
  const graphqlPost = graphqlHttpHandler(server, deps.metrics, (authorization, requestId) => createRequestContext(deps, authorization, requestId));

  // Last resort: anything thrown outside GraphQL is answered without internals.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const requestId = (req as Request & { requestId?: string }).requestId;
    const failure = err.type === 'entity.too.large' ? bodyTooLarge(requestId)
      : err.type === 'entity.parse.failed' ? bodyNotJson(requestId)
        : unexpectedFailure(err, requestId);
    for (const [k, v] of failure.headers) res.set(k, v);
    res.status(failure.status).json(failure.body);
  });
  const handler: HubHandler = (req, res) => {
    if (!graphqlPost(req, res)) app(req, res);
  };
  return { app, handler, stop: () => server.stop() };
}
