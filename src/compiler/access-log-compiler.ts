import { AccessLogFilter } from '../../schema/inputs/access-log-filter.input';
import { accessLogPolicy, accessReadScope } from '../policy/access-log-policy';
import { rowScope } from '../policy/enforce';
import { badInput } from '../policy/errors';
import { checkId, decodeCursor } from '../services/cursor';
import { CompiledPage, edgesAndPageInfo, needsPageRows } from './connection-json';
import { cursorSql, policedJson } from './policed-json';
import { ReadCompiler } from './policy-compiler';
import { RecordConnectionPlan } from './plan-records';

/**
 * The policy compiler for `accessLog`: a page of the audit trail, newest first, as one column of the operation's
 * statement, served straight from `access_read` (one row per read statement, its children in arrays):
 * - the reads are found through the indexes: the viewer's scope restated over the read (`accessReadScope`, next to
 *   the row rules in access-log-policy.ts), the reader, organisation and period filters on the read's columns, and
 *   `children @> [childId]` for a child;
 * - each read's children are unnested into entries (the `access_log` view's columns), and the policy's row rules
 *   apply to each entry, as to the view;
 * - one entry per child per request: an entry is the child's first appearance in its request, with the fields
 *   served and refused across the request (`access_entry_is_first` / `access_entry_fields`, migration
 *   1763810400000), computed only for the page's entries;
 * - keyset on the entry id (read id × 100,000 + position), ordered by read id then position, so PostgreSQL walks
 *   the read index backwards and stops after the page.
 */

/** The arguments of a page of the audit trail, checked. */
export interface AccessLogPageArgs { filter?: AccessLogFilter | null; first: number; after?: string | null }

const MAX_BIGINT = 9223372036854775807n;

/** The entry id a cursor carries, checked to be a bigint (a forged cursor is BAD_USER_INPUT, never a SQL error). */
export function cursorEntryId(after: string): bigint {
  const pos = decodeCursor(after, 'NEWEST');
  if (!/^\d{1,19}$/.test(pos.id) || BigInt(pos.id) > MAX_BIGINT) throw badInput('The cursor is not valid; use an endCursor from a previous page.');
  return BigInt(pos.id);
}

function instant(value: string, name: string): string {
  if (Number.isNaN(Date.parse(value))) throw badInput(`\`${name}\` must be an ISO 8601 date or time.`);
  return value;
}

/** `accessLog(filter, first, after)` as an AccessLogConnection's JSON. */
export function accessLogPage(c: ReadCompiler, plan: RecordConnectionPlan, args: AccessLogPageArgs): string {
  const p = c.p;
  const f = args.filter ?? {};
  // Bad input is refused before any SQL exists.
  const childId = f.childId ? checkId(f.childId, 'childId') : null;
  const from = f.from ? instant(f.from, 'from') : null;
  const to = f.to ? instant(f.to, 'to') : null;
  const afterId = args.after ? cursorEntryId(args.after) : null;

  /** FROM + WHERE of the entries in scope matching the filter (and, for the page, after the cursor). */
  const entries = (withCursor: boolean): string => {
    const read = [rowScope({ ...accessLogPolicy, rows: accessReadScope }, c.viewer, p, 'r')];
    const entry = [rowScope(accessLogPolicy, c.viewer, p, 'l')];
    if (f.viewerSub) read.push(`r.viewer_sub = ${p.add(f.viewerSub)}`);
    if (f.viewerOrg) read.push(`r.viewer_org = ${p.add(f.viewerOrg)}`);
    if (from) read.push(`r.at >= ${p.add(from)}::timestamptz`);
    if (to) read.push(`r.at < ${p.add(to)}::timestamptz`);
    let reads = 'access_read';
    if (childId) {
      const id = p.add(childId);
      // A child's reads first, through GIN(children), behind a fence (OFFSET 0): with the scope's own conditions
      // beside it PostgreSQL misjudges the containment and walks the whole table backwards instead.
      reads = `(SELECT * FROM access_read WHERE children @> ARRAY[${id}::uuid] OFFSET 0)`;
      entry.push(`l.child_id = ${id}::uuid`);
    }
    if (withCursor && afterId !== null) {
      read.push(`r.id <= ${p.add((afterId / 100000n).toString())}::bigint`);
      entry.push(`l.id < ${p.add(afterId.toString())}::bigint`);
    }
    return `FROM ${reads} r CROSS JOIN LATERAL (
        SELECT r.id * 100000 + e.n AS id, r.at, r.request_id, r.viewer_sub, r.viewer_org, r.viewer_roles, e.child_id,
          e.owner AS owner_authority, e.fields AS _fields, e.refused AS _refused, r.operation_name,
          e.owner IS DISTINCT FROM r.viewer_org AS cross_organisation
        FROM unnest(r.children, r.owners, r.fields, r.refused) WITH ORDINALITY AS e(child_id, owner, fields, refused, n)) l
      WHERE ${[...read, ...entry].join(' AND ')} AND access_entry_is_first(r.id, r.request_id, l.child_id)`;
  };

  let page: CompiledPage | null = null;
  if (needsPageRows(plan)) {
    const first = p.add(args.first);
    const found = c.addCte('al', `SELECT l.* ${entries(true)} ORDER BY r.id DESC, l.id DESC LIMIT ${first}::int + 1`);
    // The fields of the page's entries only, across their requests' statements.
    const numbered = c.addCte('ap', `SELECT x.*, row_number() OVER (ORDER BY x.id DESC) AS _ord,
        CASE WHEN x.child_id IS NULL THEN string_to_array(x._fields, ',') ELSE m.fields END AS fields,
        CASE WHEN x.child_id IS NULL THEN string_to_array(x._refused, ',') ELSE m.refused END AS refused_fields
      FROM ${found} x CROSS JOIN LATERAL access_entry_fields(x.request_id, x.child_id) m`);
    let orderLit: string | undefined; // added on first use: an unused parameter has no type and fails the statement
    page = {
      rows: found, served: `(SELECT * FROM ${numbered} WHERE _ord <= ${first}::int)`, first,
      cursor: (x) => cursorSql(orderLit ??= p.add('NEWEST'), 'NULL', `${x}.id::text`),
      node: (node, x) => policedJson(accessLogPolicy, c.viewer, p, node, x),
    };
  }
  const pairs = edgesAndPageInfo(p, plan, page, !!args.after);
  if (plan.totalCount) pairs.push(`'totalCount', (SELECT count(*)::int ${entries(false)})`);
  return c.root(`json_build_object(${pairs.join(', ')})`);
}
