import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { compiledRoot } from '../src/compiler/compiled-reads';
import { RequestContext } from '../src/context/request-context';
import { SiblingGroup } from '../schema/types/sibling-group.type';

/** `siblingGroup`, compiled into the operation's statement with its in-scope children. */
@Resolver(() => SiblingGroup)
export class SiblingGroupResolver {
  @Query(() => SiblingGroup, { nullable: true, description: 'A sibling group with at least one child in your scope, or null' })
  siblingGroup(@Arg('id', () => ID, { description: "The group's hub id" }) _id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return compiledRoot(ctx, info);
  }
}
