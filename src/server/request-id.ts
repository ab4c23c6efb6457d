import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';

/**
 * What the hub learns about a request as it travels (its id; for GraphQL, the operation and the viewer), for the one
 * log line and the metrics written when it ends (src/server/request-log.ts). Identifiers only, never data.
 */
export interface RequestRecord {
  id: string;
  /** The operation as the operation table names it (a root field), or "other". */
  operation?: string;
  /** The client's own operation name, shortened. */
  operationName?: string;
  viewerOrg?: string;
  viewerRoles?: string[];
  /** GraphQL errors in the response, by code. */
  errorCodes?: string[];
}

const store = new AsyncLocalStorage<RequestRecord>();

/** The id of the request being handled (shown to clients in errors and in the X-Request-Id header). */
export function currentRequestId(): string | undefined {
  return store.getStore()?.id;
}

/** The record of the request being handled, to add what a later layer learns. */
export function currentRequest(): RequestRecord | undefined {
  return store.getStore();
}

/** Gives each HTTP request an id and a record, visible everywhere down its async path. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const record: RequestRecord = { id: randomUUID() };
  res.setHeader('X-Request-Id', record.id);
  (req as Request & { requestId?: string }).requestId = record.id;
  res.locals.requestRecord = record;
  store.run(record, () => next());
}

/** Adds the authenticated viewer's organisation and roles to the current request's record (for its log line). */
export function noteViewer(viewer: { org: string; roles: readonly string[] }): void {
  const record = store.getStore();
  if (record) {
    record.viewerOrg = viewer.org;
    record.viewerRoles = [...viewer.roles];
  }
}
