import { RequestContext } from '../src/context/request-context';
import { ChildRow, childrenPage, countChildren } from '../src/services/child-query';
import { pageSize } from '../src/services/cursor';
import { ChildFilter } from '../schema/inputs/child-filter.input';

/** What a page of children is asked for with (`children`, a saved search's `results`). */
export interface ChildPageArgs {
  filter?: ChildFilter;
  orderBy?: string;
  first?: number;
  after?: string;
}

/**
 * One page of children as a Relay connection. Rows prime the child loader; cursors are getters that record an
 * audited read only when a cursor is actually sent (it carries the child's id and sort value); `totalCount` is a
 * getter, so its statement runs only when asked for.
 */
export async function childConnection(ctx: RequestContext, args: ChildPageArgs) {
  const page = await childrenPage(ctx.sql, ctx.viewer, { filter: args.filter, orderBy: args.orderBy, first: pageSize(args.first), after: args.after });
  for (const row of page.rows) ctx.loaders.child.prime(String(row.id), row);
  const cursorOf = (row: ChildRow) => { ctx.audit.record(String(row.id), String(row._owner), 'cursor', false); return page.cursorOf(row); };
  const last = page.rows[page.rows.length - 1];
  return {
    edges: page.rows.map((node) => ({ node, get cursor() { return cursorOf(node); } })),
    pageInfo: { hasNextPage: page.hasNextPage, get endCursor() { return last ? cursorOf(last) : null; } },
    get totalCount() { return countChildren(ctx.sql, ctx.viewer, args.filter); },
  };
}
