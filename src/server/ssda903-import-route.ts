// POST /import/ssda903/:authority — where `hub import 903` sends a return, batch by batch. The write gate decides
// (an LA's integration token, for its own LA only); the body is the extract's children for one collection year.
import express, { Express, Request, Response } from 'express';
import { AuthenticationError, authenticate } from '../auth/verify-token';
import { writeRefusal } from '../policy/write-policy';
import { storeExtractChildren } from '../sync/child-store';
import { HubDeps } from './hub-deps';
import { nulPath } from './nul-path';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { logServerError } from './server-log';
import { logWrite } from './import-events';
import { noteViewer } from './request-id';

/** The largest batch body accepted: the CLI sends 500 children at a time, far below this. */
const BODY_LIMIT = '20mb';
/** The most children one request may carry (a larger batch is refused with 413). */
export const MAX_CHILDREN_PER_REQUEST = 5000;

/** The path of the 903 import endpoint for an authority code. */
export const ssda903ImportPath = (authority: string): string => `/import/ssda903/${encodeURIComponent(authority)}`;

type Fail = (status: number, code: string, message: string) => void;

/** Mounts the endpoint. */
export function mountSsda903Import(app: Express, deps: HubDeps): void {
  app.post('/import/ssda903/:authority', express.json({ limit: BODY_LIMIT }), async (req: Request, res: Response) => {
    const requestId = (req as Request & { requestId?: string }).requestId;
    const fail: Fail = (status, code, message) => { res.status(status).json({ error: { code, message }, requestId }); };
    try {
      await handle(req, res, deps, fail);
    } catch (err) {
      if (err instanceof AuthenticationError) { fail(401, 'UNAUTHENTICATED', err.message); return; }
      if (isDatabaseUnavailable(err)) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        fail(503, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
        return;
      }
      logServerError(requestId, err as Error);
      fail(500, 'INTERNAL_SERVER_ERROR', 'The import failed; nothing of the failing batch was written.');
    }
  });
}

async function handle(req: Request, res: Response, deps: HubDeps, fail: Fail): Promise<void> {
  const viewer = await authenticate(req.headers.authorization, deps.key, deps.authorities);
  noteViewer((req as Request & { requestId?: string }).requestId, viewer);
  const authority = String(req.params.authority);
  const refusal = writeRefusal(viewer, 'Child', authority);
  if (refusal) { fail(403, 'FORBIDDEN', refusal); return; }
  const nul = nulPath(req.body);
  if (nul) { fail(400, 'BAD_USER_INPUT', `A NUL character (U+0000) is not allowed in any value; found in ${nul}. Nothing was stored.`); return; }
  const body = (req.body ?? {}) as { collectionYear?: unknown; children?: unknown };
  const year = body.collectionYear;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100) {
    fail(400, 'BAD_USER_INPUT', 'collectionYear must be the year (ending 31 March) the return covers, e.g. 2021.');
    return;
  }
  if (!Array.isArray(body.children)) { fail(400, 'BAD_USER_INPUT', 'children must be an array.'); return; }
  if (body.children.length > MAX_CHILDREN_PER_REQUEST) {
    fail(413, 'TOO_LARGE', `At most ${MAX_CHILDREN_PER_REQUEST} children per request; send smaller batches.`);
    return;
  }
  const result = await storeExtractChildren(deps.db, authority, year, body.children);
  deps.metrics.inc('hub_ssda903_children_imported_total', { authority }, result.childrenAccepted);
  logWrite('import.ssda903', { requestId: (req as Request & { requestId?: string }).requestId, authority, received: body.children.length, accepted: result.childrenAccepted,
    changed: result.childrenChanged, rejected: result.rejected.length });
  res.json(result);
}
