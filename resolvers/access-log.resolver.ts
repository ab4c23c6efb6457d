import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { compiledRoot } from '../src/compiler/compiled-reads';
import { RequestContext } from '../src/context/request-context';
import { AccessLogFilter } from '../schema/inputs/access-log-filter.input';
import { AccessLogConnection } from '../schema/types/access-log-entry.type';
import { AFTER_ARG, FIRST_ARG } from '../schema/inputs/page-args';

/**
 * `accessLog`: the audit trail, newest first, as the policy lets auditors and RAA managers see it. Compiled with the
 * operation's other compiled root fields into one SQL statement (src/compiler/access-log-compiler.ts); the
 * arguments are declared here for the schema and read by the planner.
 */
@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, { description: 'The audit trail of child-record reads, newest first: who read which child, which fields, and which were refused' })
  accessLog(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AccessLogFilter, { nullable: true, description: 'Narrow by reader, organisation, child or period' }) _filter?: AccessLogFilter,
    @Arg('first', () => Int, FIRST_ARG) _first?: number,
    @Arg('after', () => String, AFTER_ARG) _after?: string,
  ): Promise<unknown> {
    return compiledRoot(ctx, info);
  }
}
