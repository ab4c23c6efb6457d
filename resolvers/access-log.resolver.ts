import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { accessLogPage, countAccessLog } from '../src/services/access-log-query';
import { pageSize } from '../src/services/cursor';
import { AccessLogFilter } from '../schema/inputs/access-log-filter.input';
import { AccessLogConnection } from '../schema/types/access-log-entry.type';

/** `accessLog`: the audit trail, newest first, as the policy lets auditors and RAA managers see it. */
@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection)
  async accessLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccessLogFilter, { nullable: true }) filter?: AccessLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = await accessLogPage(ctx.sql, ctx.viewer, { filter, first: pageSize(first), after });
    return {
      edges: page.rows.map((node) => ({ cursor: page.cursorOf(node), node })),
      pageInfo: {
        hasNextPage: page.hasNextPage, endCursor: page.rows.length ? page.cursorOf(page.rows[page.rows.length - 1]) : null,
        hasPreviousPage: !!after, startCursor: page.rows.length ? page.cursorOf(page.rows[0]) : null,
      },
      // A getter, so the count statement runs only when totalCount is asked for.
      get totalCount() { return countAccessLog(ctx.sql, ctx.viewer, filter); },
    };
  }
}
