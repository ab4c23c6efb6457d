import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { forbidden } from '../policy/errors';
import { assertCanFilterOn, PolicedRow, policeRow, rowScope, selectList } from '../policy/enforce';
import { ageMonthsSql, ChildField, childPolicy } from '../policy/child-policy';
import { SqlParams } from '../policy/sql-params';
import { ChildFilter } from '../../schema/inputs/child-filter.input';
import { childWhere } from './child-filter-sql';
import { CHILD_ORDERINGS } from './child-order';
import { checkKeysetPosition, decodeCursor, encodeCursor } from './cursor';

/** Every Child field, selected through the policy (refused ones come back null and flagged). */
export const CHILD_FIELDS: readonly ChildField[] = Object.keys(childPolicy.columns) as ChildField[];

/** A child row as served: policed fields plus its owner (for the audit) and its sort value (for cursors). */
export type ChildRow = PolicedRow<Record<ChildField, unknown> & { _owner: string; _group: string | null; _sort: unknown }>;

function selectChildren(viewer: Viewer, p: SqlParams, a = 'c'): string {
  return `SELECT ${selectList(childPolicy, viewer, p, a, CHILD_FIELDS)}, ${a}.authority AS "_owner", ${a}.sibling_group_id AS "_group"`;
}

/** Children by id, in the viewer's scope (absent ids are simply missing). One statement. */
export async function childrenByIds(sql: Sql, viewer: Viewer, ids: readonly string[]): Promise<ChildRow[]> {
  const p = new SqlParams();
  const text = `${selectChildren(viewer, p)} FROM child c
    WHERE c.id = ANY(${p.add(ids)}::uuid[]) AND ${rowScope(childPolicy, viewer, p, 'c')}`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

/** The in-scope children of each sibling group. One statement for any number of groups. */
export async function childrenOfSiblingGroups(sql: Sql, viewer: Viewer, groupIds: readonly string[]): Promise<ChildRow[]> {
  const p = new SqlParams();
  const text = `${selectChildren(viewer, p)} FROM child c
    WHERE c.sibling_group_id = ANY(${p.add(groupIds)}::uuid[]) AND ${rowScope(childPolicy, viewer, p, 'c')}
    ORDER BY ${ageMonthsSql('c')} DESC NULLS LAST, c.id`; // eldest first by readable age, so the order reveals no exact birth date
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

/** One page of children in the viewer's scope, keyset-paginated. */
export async function childrenPage(
  sql: Sql, viewer: Viewer, args: { filter?: ChildFilter; orderBy?: string; first: number; after?: string | null },
): Promise<{ rows: ChildRow[]; hasNextPage: boolean; cursorOf: (row: ChildRow) => string }> {
  const orderName = args.orderBy ?? 'DAYS_WAITING';
  const order = CHILD_ORDERINGS[orderName];
  if (!order) throw forbidden(`Unknown ordering ${orderName}.`);
  assertCanFilterOn(childPolicy, viewer, [order.field], 'sort');
  const p = new SqlParams();
  const where = [childWhere(viewer, p, args.filter)];
  const sortExpr = order.sql('c');
  if (args.after) {
    const pos = checkKeysetPosition(decodeCursor(args.after, orderName), order.cast);
    const id = p.add(pos.id);
    if (pos.value === null) {
      where.push(`(${sortExpr} IS NULL AND c.id > ${id}::uuid)`);
    } else {
      const v = `${p.add(pos.value)}::${order.cast}`;
      where.push(`(${sortExpr} ${order.descending ? '<' : '>'} ${v} OR (${sortExpr} = ${v} AND c.id > ${id}::uuid) OR ${sortExpr} IS NULL)`);
    }
  }
  const text = `${selectChildren(viewer, p)}, ${sortExpr} AS "_sort"
    FROM child c
    WHERE ${where.join(' AND ')}
    ORDER BY ${sortExpr} ${order.descending ? 'DESC' : 'ASC'} NULLS LAST, c.id ASC
    LIMIT ${p.add(args.first + 1)}`;
  const rows = (await sql.query(text, p.values)).map((r) => policeRow(r)) as ChildRow[];
  const hasNextPage = rows.length > args.first;
  return {
    rows: rows.slice(0, args.first),
    hasNextPage,
    cursorOf: (row) => encodeCursor({ order: orderName, value: sortValue(row._sort), id: String(row.id) }),
  };
}

function sortValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : String(v);
}

/** How many children match the filter in the viewer's scope (what `totalCount` reports). */
export async function countChildren(sql: Sql, viewer: Viewer, filter?: ChildFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM child c WHERE ${childWhere(viewer, p, filter)}`, p.values);
  return rows[0].n;
}
