import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';

/**
 * Gives each HTTP request an id (the X-Request-Id header, and `req.requestId` for the GraphQL context and the
 * routes). It travels on the request and the context, not in AsyncLocalStorage: no async hook runs per promise.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  (req as Request & { requestId?: string }).requestId = id;
  next();
}
