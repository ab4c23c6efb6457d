import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { compiledRoot } from '../src/compiler/compiled-reads';
import { RequestContext } from '../src/context/request-context';
import { ChildFilter } from '../schema/inputs/child-filter.input';
import { Child, ChildConnection } from '../schema/types/child.type';
import { ChildOrderEnum } from '../schema/types/enums';
import { AFTER_ARG, CHILD_ORDER_ARG, FIRST_ARG } from '../schema/inputs/page-args';

/**
 * `child` and `children`. Both are compiled with the operation's other compiled root fields into one SQL statement
 * (src/compiler): scope, field rules, relations and the audit insert are all inside it. The arguments are declared
 * here for the schema and read by the planner.
 */
@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { nullable: true, description: 'A child in your scope, or null' })
  child(@Arg('id', () => ID, { description: "The child's hub id" }) _id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return compiledRoot(ctx, info);
  }

  @Query(() => ChildConnection, { description: 'Children in your scope; longest waiting first unless orderBy says otherwise' })
  children(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ChildFilter, { nullable: true, description: 'Narrow the list; each filter needs read access to the field it reads' }) _filter?: ChildFilter,
    @Arg('first', () => Int, FIRST_ARG) _first?: number,
    @Arg('after', () => String, AFTER_ARG) _after?: string,
    @Arg('orderBy', () => ChildOrderEnum, CHILD_ORDER_ARG) _orderBy?: string,
  ): Promise<unknown> {
    return compiledRoot(ctx, info);
  }
}
