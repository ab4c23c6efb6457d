import { NextFunction, Request, Response } from 'express';
import { requestLineLog } from './hub-log';
import { HubMetrics } from './metrics';
import { RequestRecord } from './request-id';

/**
 * The route a request matched, as the app declares it (`/import/ssda903/:authority`, `/graphql`), never the raw URL:
 * a bounded metrics label, and a log field free of ids, tokens or query strings. Unmatched requests are "other".
 */
export function routeLabel(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}` || '/';
  return req.baseUrl || 'other';
}

/** Paths whose requests are not logged one by one (scrapes and probes every few seconds); they are still measured. */
const QUIET_PATHS = new Set(['/metrics', '/healthz', '/readyz']);

/**
 * One JSON line per request when its response is sent: request id, method, route, status, duration, and for GraphQL
 * the operation and the viewer's organisation and roles (src/server/request-id.ts). Never headers, bodies or variables.
 */
export function requestLogMiddleware(metrics: HubMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logRequest(metrics, { method: req.method, route: routeLabel(req), status: res.statusCode, started, record: res.locals.requestRecord as RequestRecord | undefined });
    });
    next();
  };
}

/** What the log line and the metrics say of one answered request. */
export interface AnsweredRequest {
  method: string;
  route: string;
  status: number;
  /** process.hrtime.bigint() when the request arrived. */
  started: bigint;
  record?: RequestRecord;
}

/** Measures an answered request, and writes its log line unless its route is a quiet one. */
export function logRequest(metrics: HubMetrics, r: AnsweredRequest): void {
  const seconds = Number(process.hrtime.bigint() - r.started) / 1e9;
  metrics.httpDuration.observe({ method: r.method, route: r.route, status: String(r.status) }, seconds);
  if (QUIET_PATHS.has(r.route)) return;
  const record = r.record;
  const line = {
    event: 'request',
    requestId: record?.id,
    method: r.method,
    route: r.route,
    status: r.status,
    durationMs: Math.round(seconds * 10000) / 10,
    ...(record?.operation ? { operation: record.operation } : {}),
    ...(record?.operationName ? { operationName: record.operationName } : {}),
    ...(record?.viewerOrg ? { viewerOrg: record.viewerOrg, viewerRoles: record.viewerRoles } : {}),
    ...(record?.errorCodes?.length ? { errorCodes: record.errorCodes } : {}),
  };
  const log = requestLineLog();
  if (r.status >= 500) log.error(line, 'request');
  else log.info(line, 'request');
}
