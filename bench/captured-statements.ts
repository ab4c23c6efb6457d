import { Client } from 'pg';
import { Mergeable } from '../src/db/sql';
import { GatedSql } from '../src/db/viewer-statement-gate';

/** POSTs the GraphQL request `body` to the hub at `url` as `token`'s viewer; any GraphQL error throws (a bench never times failures). */
export async function askHub(url: string, token: string, body: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const json = await res.json() as { errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
}

/** A statement as the hub sent it to its viewer's gate: what the floors replay. */
export interface SentStatement { text: string; values: unknown[]; name?: string; merge?: Mergeable }

/**
 * What an in-process hub sends while `ask` runs: every statement at the pool, counted (authority reloads included), and
 * every statement at the viewer's gate, kept with its merge handle so a floor sends it the way the hub does.
 */
export async function captureStatements(ask: () => Promise<void>): Promise<{ sent: SentStatement[]; atThePool: number }> {
  const sent: SentStatement[] = [];
  let atThePool = 0;
  const spy = Client.prototype.query;
  const gated = GatedSql.prototype.query;
  Client.prototype.query = function count(this: Client, ...args: unknown[]) {
    atThePool += 1;
    return (spy as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof spy;
  GatedSql.prototype.query = function capture(this: GatedSql, text: string, values: unknown[] = [], name?: string, merge?: Mergeable) {
    sent.push({ text, values, name, merge });
    return gated.call(this, text, values, name, merge);
  } as typeof gated;
  try {
    await ask();
  } finally {
    Client.prototype.query = spy;
    GatedSql.prototype.query = gated;
  }
  return { sent, atThePool };
}
