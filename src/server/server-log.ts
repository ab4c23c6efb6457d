import { hubLog } from './hub-log';

/** Logs a server-side failure with its request id, so an operator can match what a client quotes (no data, no secrets). */
export function logServerError(requestId: string | undefined, err: unknown): void {
  hubLog().error({ event: 'request.failed', requestId: requestId ?? null, err }, 'request failed');
}
