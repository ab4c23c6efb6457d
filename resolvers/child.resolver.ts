import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { ChildRow, childrenPage, countChildren } from '../src/services/child-query';
import { checkId, pageSize } from '../src/services/cursor';
import { ChildFilter } from '../schema/inputs/child-filter.input';
import { Authority } from '../schema/types/authority.type';
import { Child, ChildConnection } from '../schema/types/child.type';
import { ChildOrderEnum } from '../schema/types/enums';
import { SiblingGroup } from '../schema/types/sibling-group.type';
import { AuthoritySource } from './authority.resolver';

/** `child`, `children`, and a Child's relations. Scope and field rules are applied in the SQL the services build. */
@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { nullable: true, description: 'A child in your scope, or null' })
  child(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ChildRow | null> {
    return ctx.loaders.child.load(checkId(id));
  }

  @Query(() => ChildConnection, { description: 'Children in your scope; longest waiting first unless orderBy says otherwise' })
  async children(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ChildFilter, { nullable: true }) filter?: ChildFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => ChildOrderEnum, { nullable: true }) orderBy?: string,
  ) {
    const page = await childrenPage(ctx.sql, ctx.viewer, { filter, orderBy, first: pageSize(first), after });
    for (const row of page.rows) ctx.loaders.child.prime(String(row.id), row);
    // A cursor carries the child's id and sort value, so handing one out is a read the audit trail records (getters:
    // only cursors actually sent count).
    const cursorOf = (row: ChildRow) => { ctx.audit.record(String(row.id), String(row._owner), 'cursor', false); return page.cursorOf(row); };
    const last = page.rows[page.rows.length - 1];
    return {
      edges: page.rows.map((node) => ({ node, get cursor() { return cursorOf(node); } })),
      pageInfo: { hasNextPage: page.hasNextPage, get endCursor() { return last ? cursorOf(last) : null; } },
      // A getter, so the count statement runs only when totalCount is asked for.
      get totalCount() { return countChildren(ctx.sql, ctx.viewer, filter); },
    };
  }

  @FieldResolver(() => Authority, { nullable: true, description: 'The LA that owns the record' })
  async authority(@Root() child: ChildRow, @Ctx() ctx: RequestContext): Promise<AuthoritySource | null> {
    return child.authority ? ((await ctx.authorities.get(String(child.authority))) ?? null) : null;
  }

  @FieldResolver(() => SiblingGroup, { nullable: true })
  siblingGroup(@Root() child: ChildRow, @Ctx() ctx: RequestContext) {
    return child.siblingGroup ? ctx.loaders.siblingGroup.load(String(child.siblingGroup)) : null;
  }
}
