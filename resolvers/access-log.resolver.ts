import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { accessLogPage, countAccessLog } from '../src/services/access-log-query';
import { pageSize } from '../src/services/cursor';
import { AccessLogFilter } from '../schema/inputs/access-log-filter.input';
import { AccessLogConnection } from '../schema/types/access-log-entry.type';
import { AFTER_ARG, FIRST_ARG } from '../schema/inputs/page-args';

/** `accessLog`: the audit trail, newest first, as the policy lets auditors and RAA managers see it. */
@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, { description: 'The audit trail of child-record reads, newest first: who read which child, which fields, and which were refused' })
  async accessLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccessLogFilter, { nullable: true, description: 'Narrow by reader, organisation, child or period' }) filter?: AccessLogFilter,
    @Arg('first', () => Int, FIRST_ARG) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
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
