import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { compiledRoot } from '../src/compiler/compiled-reads';
import { RequestContext } from '../src/context/request-context';
import { AdopterRow, HouseholdRow } from '../src/services/household-query';
import { AFTER_ARG, FIRST_ARG } from '../schema/inputs/page-args';
import { AdopterHouseholdFilter } from '../schema/inputs/household-filter.input';
import { Adopter, AdopterHousehold, AdopterHouseholdConnection, NeedCapacity } from '../schema/types/adopter-household.type';

/**
 * `adopterHousehold`, `adopterHouseholds` and a household's adopters and needs capacity. The two root fields are
 * compiled with the operation's other compiled root fields into one SQL statement (src/compiler/household-compiler.ts),
 * adopters and links included; the arguments are declared here for the schema and read by the planner.
 */
@Resolver(() => AdopterHousehold)
export class AdopterHouseholdResolver {
  @Query(() => AdopterHousehold, { nullable: true, description: 'An adopter household in your scope, or null' })
  adopterHousehold(@Arg('id', () => ID, { description: "The household's hub id" }) _id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return compiledRoot(ctx, info);
  }

  @Query(() => AdopterHouseholdConnection, { description: 'Households in your scope, longest approved first' })
  adopterHouseholds(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AdopterHouseholdFilter, { nullable: true, description: 'Narrow by stage, where they live or reference' }) _filter?: AdopterHouseholdFilter,
    @Arg('first', () => Int, FIRST_ARG) _first?: number,
    @Arg('after', () => String, AFTER_ARG) _after?: string,
  ): Promise<unknown> {
    return compiledRoot(ctx, info);
  }

  @FieldResolver(() => [Adopter], { nullable: true, description: 'The adopters of the household (one or two)' })
  adopters(@Root() h: HouseholdRow, @Ctx() ctx: RequestContext): Promise<AdopterRow[]> | AdopterRow[] {
    // A compiled household (adopterHousehold(s)) carries its adopters; one served by a loader (a link's, a suggestion's) does not.
    if (Array.isArray(h.adopters)) return h.adopters as AdopterRow[];
    return ctx.loaders.adoptersOfHousehold.load(String(h.id));
  }

  @FieldResolver(() => [NeedCapacity], { nullable: true, description: 'Needs the household could meet, at Low/Medium/High' })
  needsCapacity(@Root() h: HouseholdRow): NeedCapacity[] | null {
    const capacity = h.needsCapacity as Record<string, string> | null;
    if (!capacity) return null;
    return Object.entries(capacity).sort(([a], [b]) => a.localeCompare(b)).map(([need, level]) => ({ need, level }));
  }
}
