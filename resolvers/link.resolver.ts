import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { assertMayWrite } from '../src/policy/write-policy';
import type { HouseholdRow } from '../src/services/household-query';
import { linkedPart, linkLoaders, type LinkRow } from '../src/services/link-query';
import { syncLinks } from '../src/sync/links/sync-links';
import { checkBatchSize, type SyncResult as SyncOutcome } from '../src/sync/sync-batch';
import { LinkRecordInput } from '../schema/inputs/link-record.input';
import { AdopterHousehold } from '../schema/types/adopter-household.type';
import { Child } from '../schema/types/child.type';
import { Link } from '../schema/types/link.type';
import { SiblingGroup } from '../schema/types/sibling-group.type';
import { SyncResult } from '../schema/types/sync-result.type';

/** `syncLinks`, and a link's child, sibling group and household (each under its own policy). */
@Resolver(() => Link)
export class LinkResolver {
  @Mutation(() => SyncResult, { description: "Upserts (or erases) an RAA's links and matches; at most 1,000 per call" })
  async syncLinks(
    @Arg('agency', () => String, { description: "The RAA's code; must be the token's own" }) agency: string,
    @Arg('records', () => [LinkRecordInput], { description: 'Up to 1,000 links; a bad one is rejected with its index, field and reason while the others are stored' }) records: LinkRecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SyncOutcome> {
    assertMayWrite(ctx.viewer, 'AdoptionLink', agency);
    checkBatchSize(records);
    return syncLinks(ctx.system.for('sync'), agency, records);
  }

  @FieldResolver(() => Child, { nullable: true, description: 'The child linked, when the link is with one child and the child is in your scope' })
  child(@Root() link: LinkRow, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return link.child ? linkedPart(ctx, info, 'child', String(link.child)) : null;
  }

  @FieldResolver(() => SiblingGroup, { nullable: true, description: 'The sibling group linked, when the link is with a group in your scope' })
  siblingGroup(@Root() link: LinkRow, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return link.siblingGroup ? linkedPart(ctx, info, 'group', String(link.siblingGroup)) : null;
  }

  @FieldResolver(() => AdopterHousehold, { nullable: true, description: 'The household linked, when it is in your scope' })
  household(@Root() link: LinkRow, @Ctx() ctx: RequestContext) {
    return link.household ? ctx.loaders.household.load(String(link.household)) : null;
  }
}

/** `links` on a child: its own links and its sibling group's, within the viewer's link scope. */
@Resolver(() => Child)
export class ChildLinksResolver {
  @FieldResolver(() => [Link], { nullable: true, description: "The child's links and matches (its own and its sibling group's), newest first, as your role may see them" })
  links(@Root() child: { id?: unknown; links?: unknown }, @Ctx() ctx: RequestContext): Promise<LinkRow[]> {
    // The compiled read serves `links` as the child's id (child-policy.ts), whether or not `id` was selected.
    return linkLoaders(ctx, ctx.sql, ctx.viewer).ofChild.load(String(child.links ?? child.id));
  }
}

/** `links` on a household, within the viewer's link scope. */
@Resolver(() => AdopterHousehold)
export class HouseholdLinksResolver {
  @FieldResolver(() => [Link], { nullable: true, description: "The household's links and matches, newest first, as your role may see them" })
  links(@Root() household: HouseholdRow, @Ctx() ctx: RequestContext): Promise<LinkRow[]> | LinkRow[] {
    // A compiled household carries its links (src/compiler/household-compiler.ts); a loaded one carries its id there.
    if (Array.isArray(household.links)) return household.links as LinkRow[];
    return linkLoaders(ctx, ctx.sql, ctx.viewer).ofHousehold.load(String(household.id));
  }
}
