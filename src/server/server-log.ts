/** Writes a server-side error with its request id, so an operator can match what a client quotes. */
export function logServerError(requestId: string | undefined, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`${new Date().toISOString()} error request=${requestId ?? '-'} ${detail}\n`);
}
