import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';

const store = new AsyncLocalStorage<string>();

/** The id of the request being handled (shown to clients in errors and in the X-Request-Id header). */
export function currentRequestId(): string | undefined {
  return store.getStore();
}

/** Gives each HTTP request an id, visible everywhere down its async path. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  (req as Request & { requestId?: string }).requestId = id;
  store.run(id, () => next());
}
