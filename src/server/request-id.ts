import { randomUUID } from 'crypto';
import { ServerResponse } from 'http';
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

/** The records of the requests in flight, by id (each removed when its response ends). */
const inFlight = new Map<string, RequestRecord>();

/** The record of a request in flight, to add what a later layer learns (GraphQL finds it by the context's id). */
export function requestRecord(requestId: string | undefined): RequestRecord | undefined {
  return requestId ? inFlight.get(requestId) : undefined;
}

/**
 * Gives each HTTP request an id (the X-Request-Id header, and `req.requestId` for the GraphQL context and the
 * routes) and a record for its log line. It travels on the request and the context, not in AsyncLocalStorage: no
 * async hook runs per promise.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const record = openRequestRecord(res);
  (req as Request & { requestId?: string }).requestId = record.id;
  res.locals.requestRecord = record;
  res.on('close', () => closeRequestRecord(record));
  next();
}

/** A new request's id and record: the X-Request-Id header is set on `res`, and the record is in flight until closed. */
export function openRequestRecord(res: ServerResponse): RequestRecord {
  const record: RequestRecord = { id: randomUUID() };
  res.setHeader('X-Request-Id', record.id);
  inFlight.set(record.id, record);
  return record;
}

/** The request has been answered: later layers no longer find its record. */
export function closeRequestRecord(record: RequestRecord): void {
  inFlight.delete(record.id);
}

/** Adds the authenticated viewer's organisation and roles to the request's record (for its log line). */
export function noteViewer(requestId: string | undefined, viewer: { org: string; roles: readonly string[] }): void {
  const record = requestRecord(requestId);
  if (record) {
    record.viewerOrg = viewer.org;
    record.viewerRoles = [...viewer.roles];
  }
}
