import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { ChildRow } from '../src/services/child-query';
import { checkId } from '../src/services/cursor';
import { ChildFilter } from '../schema/inputs/child-filter.input';
import { Authority } from '../schema/types/authority.type';
import { Child, ChildConnection } from '../schema/types/child.type';
import { ChildOrderEnum } from '../schema/types/enums';
import { SiblingGroup } from '../schema/types/sibling-group.type';
import { AuthoritySource } from './authority.resolver';
import { childConnection } from './child-connection';
import { AFTER_ARG, CHILD_ORDER_ARG, FIRST_ARG } from '../schema/inputs/page-args';

/** `child`, `children`, and a Child's relations. Scope and field rules are applied in the SQL the services build. */
@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { nullable: true, description: 'A child in your scope, or null' })
  child(@Arg('id', () => ID, { description: "The child's hub id" }) id: string, @Ctx() ctx: RequestContext): Promise<ChildRow | null> {
    return ctx.loaders.child.load(checkId(id));
  }

  @Query(() => ChildConnection, { description: 'Children in your scope; longest waiting first unless orderBy says otherwise' })
  async children(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ChildFilter, { nullable: true, description: 'Narrow the list; each filter needs read access to the field it reads' }) filter?: ChildFilter,
    @Arg('first', () => Int, FIRST_ARG) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
    @Arg('orderBy', () => ChildOrderEnum, CHILD_ORDER_ARG) orderBy?: string,
  ) {
    return childConnection(ctx, { filter, orderBy, first, after });
  }

  @FieldResolver(() => Authority, { nullable: true, description: 'The LA that owns the record' })
  async authority(@Root() child: ChildRow, @Ctx() ctx: RequestContext): Promise<AuthoritySource | null> {
    return child.authority ? ((await ctx.authorities.get(String(child.authority))) ?? null) : null;
  }

  @FieldResolver(() => SiblingGroup, { nullable: true, description: "The child's sibling group, if any" })
  siblingGroup(@Root() child: ChildRow, @Ctx() ctx: RequestContext) {
    return child.siblingGroup ? ctx.loaders.siblingGroup.load(String(child.siblingGroup)) : null;
  }
}
