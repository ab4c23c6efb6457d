// POST /children_social_care_data/:la_number/children — the DfE children's social care API, as the hub accepts it
// (docs/dfe-csc-api-endpoint.md). Checks run cheapest first: token (401), authority (404/403), rate (429), size
// (413), then the batch itself (400, or 200 with one receipt per record).
import express, { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthenticationError, authenticate } from '../../auth/verify-token';
import type { Viewer } from '../../auth/viewer';
import { writeRefusal } from '../../policy/write-policy';
import { ingestBatch } from '../../sync/dfe-csc/csc-batch';
import { HubDeps } from '../hub-deps';
import { nulPath } from '../nul-path';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/database-unavailable';
import { logServerError } from '../server-log';
import { hubLog } from '../hub-log';
import { logWrite } from '../import-events';
import { noteViewer } from '../request-id';
import { DFE_CSC_RATE_LIMIT, RateLimiter } from './rate-limiter';

/** Largest body accepted; a batch of 100 full payloads is a few hundred kilobytes. */
export const CSC_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** Most child payloads one request may carry (the D2I pipeline sends 100). */
export const CSC_MAX_RECORDS = 1000;

type Local = { viewer: Viewer; authority: string; laNumber: number };
type Req = Request & { requestId?: string; csc?: Local };

const fail = (res: Response, status: number, message: string, extra: Record<string, unknown> = {}) => {
  res.status(status).json({ error: message, ...extra });
};

/** Mounts the endpoint. */
export function mountDfeCscIngest(app: Express, deps: HubDeps): void {
  const limiter = new RateLimiter(deps.db, 'dfe-csc-ingest', DFE_CSC_RATE_LIMIT);
  const parse = express.json({ limit: CSC_BODY_LIMIT_BYTES, type: () => true });
  const access: RequestHandler = (req, res, next) => { checkAccess(req as Req, res, next, deps).catch(next); };
  const rate: RequestHandler = (req, res, next) => {
    limiter.take((req as Req).csc!.viewer.sub).then((wait) => {
      if (wait === 0) { next(); return; }
      res.set('Retry-After', String(wait));
      fail(res, 429, `Too many requests: at most ${DFE_CSC_RATE_LIMIT.burst} at once, then ${DFE_CSC_RATE_LIMIT.perSecond} a second.`);
    }).catch(next);
  };
  const handle: RequestHandler = (req, res, next) => { store(req as Req, res, deps).catch(next); };
  const errors: ErrorRequestHandler = (err: Error & { type?: string }, req, res, _next) => {
    if (err instanceof AuthenticationError) { fail(res, 401, err.message); return; }
    if (isDatabaseUnavailable(err)) { res.set('Retry-After', String(RETRY_AFTER_SECONDS)); fail(res, 503, DATABASE_UNAVAILABLE_MESSAGE); return; }
    if (err.type === 'entity.too.large') { fail(res, 413, `The body is larger than ${CSC_BODY_LIMIT_BYTES / 1024 / 1024} MB; send smaller batches.`); return; }
    if (err.type === 'entity.parse.failed') { fail(res, 400, 'The body is not valid JSON.', { errors: ['body: not valid JSON'] }); return; }
    logServerError((req as Req).requestId, err);
    fail(res, 500, 'The batch could not be stored; nothing of it was written.');
  };
  app.post('/children_social_care_data/:la_number/children', access, rate, parse, handle, errors);
}

async function checkAccess(req: Req, res: Response, next: NextFunction, deps: HubDeps): Promise<void> {
  const viewer = await authenticate(req.headers.authorization, deps.key, deps.authorities);
  noteViewer(req.requestId, viewer);
  const raw = String(req.params.la_number);
  const authority = /^\d{1,4}$/.test(raw) ? await deps.authorities.byLaNumber(Number(raw)) : undefined;
  if (!authority) { fail(res, 404, `No authority with LA number ${raw.slice(0, 12)} is registered on this hub.`); return; }
  const refusal = writeRefusal(viewer, 'Child', authority.code);
  if (refusal) { fail(res, 403, refusal); return; }
  req.csc = { viewer, authority: authority.code, laNumber: authority.laNumber! };
  next();
}

async function store(req: Req, res: Response, deps: HubDeps): Promise<void> {
  const { authority, laNumber } = req.csc!;
  if (Array.isArray(req.body) && req.body.length > CSC_MAX_RECORDS) {
    fail(res, 413, `At most ${CSC_MAX_RECORDS} records per request; this one has ${req.body.length}.`);
    return;
  }
  const nul = nulPath(req.body);
  if (nul) {
    fail(res, 400, 'Malformed payload: nothing of this batch was stored.', { errors: [`${nul.replace(/^(\[\d+\])\./, '$1 ')}: a NUL character (U+0000) is not allowed`] });
    return;
  }
  const outcome = await ingestBatch(deps.db, authority, laNumber, req.body);
  if (!outcome.ok) {
    deps.metrics.inc('hub_dfe_csc_batches_refused_total', { authority });
    hubLog().warn({ event: 'import.dfe-csc.refused', requestId: req.requestId, authority, problems: outcome.problems.length },
      'DfE CSC batch refused');
    fail(res, 400, 'Malformed payload: nothing of this batch was stored. Each failing record is named by its [index].',
      { errors: outcome.problems });
    return;
  }
  deps.metrics.inc('hub_dfe_csc_records_total', { authority }, outcome.receipts.length);
  logWrite('import.dfe-csc', { requestId: req.requestId, authority, received: Array.isArray(req.body) ? req.body.length : 0, accepted: outcome.receipts.length,
    changed: outcome.changed, rejected: 0 });
  res.status(200).json(outcome.receipts);
}
