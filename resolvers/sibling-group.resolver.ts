import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { ChildRow } from '../src/services/child-query';
import { checkId } from '../src/services/cursor';
import { SiblingGroupRow } from '../src/services/sibling-group-query';
import { Child } from '../schema/types/child.type';
import { SiblingGroup } from '../schema/types/sibling-group.type';

/** `siblingGroup` and its children (only those in the viewer's scope). */
@Resolver(() => SiblingGroup)
export class SiblingGroupResolver {
  @Query(() => SiblingGroup, { nullable: true, description: 'A sibling group with at least one child in your scope, or null' })
  siblingGroup(@Arg('id', () => ID, { description: "The group's hub id" }) id: string, @Ctx() ctx: RequestContext): Promise<SiblingGroupRow | null> {
    return ctx.loaders.siblingGroup.load(checkId(id));
  }

  @FieldResolver(() => [Child], { description: 'The children of the group within your scope' })
  async children(@Root() group: SiblingGroupRow, @Ctx() ctx: RequestContext): Promise<ChildRow[]> {
    const rows = await ctx.loaders.childrenOfSiblingGroup.load(String(group.id));
    for (const r of rows) ctx.loaders.child.prime(String(r.id), r);
    return rows;
  }
}
