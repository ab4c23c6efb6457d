import { SqlParams } from '../policy/sql-params';
import { RecordConnectionPlan, RecordPlan } from './plan-records';

/** What a keyset page of records offers the connection's JSON: its CTEs and how to write a cursor and a node. */
export interface CompiledPage {
  /** The page's rows plus one (the extra row says there is a next page), numbered `_ord` in page order. */
  rows: string;
  /** The rows served: `_ord` up to the page size. */
  served: string;
  /** The page size's parameter. */
  first: string;
  /** An edge's cursor for the row aliased `x`. */
  cursor: (alias: string) => string;
  /** The node's JSON for the row aliased `x`, as `plan` selects it. */
  node: (plan: RecordPlan, alias: string) => string;
}

/**
 * `edges` and `pageInfo` of a record connection (households, access-log entries), only as the query selects them.
 * Without a page (`page` null: neither edges nor a cursor was asked for) only `hasPreviousPage` can be answered.
 */
export function edgesAndPageInfo(p: SqlParams, plan: RecordConnectionPlan, page: CompiledPage | null, after: boolean): string[] {
  // Added where used: a parameter the statement never reads has no type and fails it.
  const previous = () => `'hasPreviousPage', ${p.add(after)}::boolean`;
  if (!page) return [`'pageInfo', json_build_object(${previous()})`];
  const pairs: string[] = [];
  if (plan.edges) {
    const edge: string[] = [];
    if (plan.edgeCursor) edge.push(`'cursor', ${page.cursor('x')}`);
    if (plan.node) edge.push(`'node', ${page.node(plan.node, 'x')}`);
    pairs.push(`'edges', COALESCE((SELECT json_agg(json_build_object(${edge.join(', ')}) ORDER BY x._ord) FROM ${page.served} x), '[]'::json)`);
  }
  const info: string[] = [];
  if (plan.pageInfo.has('hasNextPage')) info.push(`'hasNextPage', (SELECT count(*) FROM ${page.rows} x) > ${page.first}::int`);
  if (plan.pageInfo.has('startCursor')) info.push(`'startCursor', (SELECT ${page.cursor('x')} FROM ${page.served} x WHERE x._ord = 1)`);
  if (plan.pageInfo.has('endCursor')) info.push(`'endCursor', (SELECT ${page.cursor('x')} FROM ${page.served} x ORDER BY x._ord DESC LIMIT 1)`);
  if (plan.pageInfo.has('hasPreviousPage')) info.push(previous());
  pairs.push(`'pageInfo', json_build_object(${info.join(', ')})`);
  return pairs;
}

/** Whether the query needs the page's rows at all (edges, or pageInfo beyond `hasPreviousPage`). */
export function needsPageRows(plan: RecordConnectionPlan): boolean {
  return plan.edges || [...plan.pageInfo].some((f) => f !== 'hasPreviousPage');
}
