import { hubLog } from './hub-log';

/** What a write did, in counts: the log line an operator reads to follow imports (no record content, no ids). */
export interface WriteCounts {
  requestId: string | undefined;
  /** The authority written to (already checked against the token). */
  authority: string;
  received: number;
  accepted: number;
  changed: number;
  rejected: number;
}

/** Logs one import or sync batch (`event`: sync.children, import.ssda903, import.dfe-csc, ...). */
export function logWrite(event: string, counts: WriteCounts): void {
  hubLog().info({ event, ...counts }, event);
}

/** Logs a sync mutation's outcome and hands it back unchanged. */
export function loggedSync<T extends { accepted: number; changed: number; rejected: unknown[] }>(
  event: string, requestId: string, authority: string, received: number, outcome: T): T {
  logWrite(event, { requestId, authority, received, accepted: outcome.accepted, changed: outcome.changed, rejected: outcome.rejected.length });
  return outcome;
}
