import { TestHub } from '../support/test-hub';
import { GqlError } from './matrix-outcome';

/** A GraphQL response with its raw text, so tests can scan every byte the client received. */
export interface RawResponse {
  status: number;
  text: string;
  body: { data?: any; errors?: GqlError[] };
  errors: GqlError[];
  /** The hub's id for the request (X-Request-Id); access-log entries carry it. */
  requestId: string | null;
}

/** POSTs an operation to the running hub and keeps the raw response text beside the parsed body. */
export async function rawGql(h: TestHub, token: string, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<RawResponse> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  return { status: res.status, text, body, errors: body.errors ?? [], requestId: res.headers.get('x-request-id') };
}

/** The secret values that appear anywhere in a raw response. */
export function leakedSecrets(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets).filter(([, v]) => text.includes(v)).map(([k, v]) => `${k}=${v}`);
}

/** The hub's running count of SQL statements sent on behalf of GraphQL requests (from /metrics). */
export async function sqlStatementsSoFar(h: TestHub): Promise<number> {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('hub_sql_statements_total'));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Rows in the access log, read straight from the table (the tests' own view, not the API's). */
export async function accessLogRows(h: TestHub, afterId = 0): Promise<Record<string, any>[]> {
  return h.t.db.query(`SELECT id::int AS id, request_id, viewer_sub, viewer_org, viewer_roles, child_id::text AS child_id, owner_authority,
    fields, refused_fields, operation_name, cross_organisation FROM access_log WHERE id > $1 ORDER BY id`, [afterId]);
}

/** The highest access-log id so far (0 when empty), to look only at entries a request adds. */
export async function lastAccessLogId(h: TestHub): Promise<number> {
  const rows = await h.t.db.query<{ n: number }>(`SELECT COALESCE(max(id), 0)::int AS n FROM access_log`);
  return rows[0].n;
}
