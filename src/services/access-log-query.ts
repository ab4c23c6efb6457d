import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { AccessLogField, accessLogPolicy } from '../policy/access-log-policy';
import { badInput } from '../policy/errors';
import { policeRow, rowScope, selectList } from '../policy/enforce';
import { SqlParams } from '../policy/sql-params';
import { AccessLogFilter } from '../../schema/inputs/access-log-filter.input';
import { checkId, decodeCursor, encodeCursor } from './cursor';

const FIELDS = Object.keys(accessLogPolicy.columns) as AccessLogField[];

function instant(value: string, name: string): string {
  if (Number.isNaN(Date.parse(value))) throw badInput(`\`${name}\` must be an ISO 8601 date or time.`);
  return value;
}

function where(viewer: Viewer, p: SqlParams, f?: AccessLogFilter): string {
  const parts = [rowScope(accessLogPolicy, viewer, p, 'l')];
  if (f?.viewerSub) parts.push(`l.viewer_sub = ${p.add(f.viewerSub)}`);
  if (f?.viewerOrg) parts.push(`l.viewer_org = ${p.add(f.viewerOrg)}`);
  if (f?.childId) parts.push(`l.child_id = ${p.add(checkId(f.childId, 'childId'))}::uuid`);
  if (f?.from) parts.push(`l.at >= ${p.add(instant(f.from, 'from'))}::timestamptz`);
  if (f?.to) parts.push(`l.at < ${p.add(instant(f.to, 'to'))}::timestamptz`);
  return parts.join(' AND ');
}

/** One page of the audit trail in the viewer's scope, newest first (keyset on the entry id). */
export async function accessLogPage(sql: Sql, viewer: Viewer, args: { filter?: AccessLogFilter; first: number; after?: string | null }) {
  const p = new SqlParams();
  const w = [where(viewer, p, args.filter)];
  if (args.after) {
    const pos = decodeCursor(args.after, 'NEWEST');
    if (!/^\d+$/.test(pos.id)) throw badInput('The cursor is not valid; use an endCursor from a previous page.');
    w.push(`l.id < ${p.add(pos.id)}::bigint`);
  }
  const text = `SELECT ${selectList(accessLogPolicy, viewer, p, 'l', FIELDS)} FROM access_log l
    WHERE ${w.join(' AND ')} ORDER BY l.id DESC LIMIT ${p.add(args.first + 1)}`;
  const rows = (await sql.query(text, p.values)).map((r) => policeRow<Record<AccessLogField, unknown>>(r));
  return {
    rows: rows.slice(0, args.first),
    hasNextPage: rows.length > args.first,
    cursorOf: (row: Record<string, unknown>) => encodeCursor({ order: 'NEWEST', value: null, id: String(row.id) }),
  };
}

/** Entries matching the filter in the viewer's scope. */
export async function countAccessLog(sql: Sql, viewer: Viewer, filter?: AccessLogFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log l WHERE ${where(viewer, p, filter)}`, p.values);
  return rows[0].n;
}
