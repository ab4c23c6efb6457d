import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { checkId, pageSize } from '../src/services/cursor';
import { AdopterRow, countHouseholds, HouseholdRow, householdsPage } from '../src/services/household-query';
import { AFTER_ARG, FIRST_ARG } from '../schema/inputs/page-args';
import { AdopterHouseholdFilter } from '../schema/inputs/household-filter.input';
import { Adopter, AdopterHousehold, AdopterHouseholdConnection, NeedCapacity } from '../schema/types/adopter-household.type';

/** `adopterHousehold`, `adopterHouseholds` and a household's adopters and needs capacity. */
@Resolver(() => AdopterHousehold)
export class AdopterHouseholdResolver {
  @Query(() => AdopterHousehold, { nullable: true, description: 'An adopter household in your scope, or null' })
  adopterHousehold(@Arg('id', () => ID, { description: "The household's hub id" }) id: string, @Ctx() ctx: RequestContext): Promise<HouseholdRow | null> {
    return ctx.loaders.household.load(checkId(id));
  }

  @Query(() => AdopterHouseholdConnection, { description: 'Households in your scope, longest approved first' })
  async adopterHouseholds(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AdopterHouseholdFilter, { nullable: true, description: 'Narrow by stage, where they live or reference' }) filter?: AdopterHouseholdFilter,
    @Arg('first', () => Int, FIRST_ARG) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ) {
    const page = await householdsPage(ctx.sql, ctx.viewer, { filter, first: pageSize(first), after });
    return {
      edges: page.rows.map((node) => ({ cursor: page.cursorOf(node), node })),
      pageInfo: {
        hasNextPage: page.hasNextPage, endCursor: page.rows.length ? page.cursorOf(page.rows[page.rows.length - 1]) : null,
        hasPreviousPage: !!after, startCursor: page.rows.length ? page.cursorOf(page.rows[0]) : null,
      },
      // A getter, so the count statement runs only when totalCount is asked for.
      get totalCount() { return countHouseholds(ctx.sql, ctx.viewer, filter); },
    };
  }

  @FieldResolver(() => [Adopter], { nullable: true, description: 'The adopters of the household (one or two)' })
  adopters(@Root() h: HouseholdRow, @Ctx() ctx: RequestContext): Promise<AdopterRow[]> {
    return ctx.loaders.adoptersOfHousehold.load(String(h.id));
  }

  @FieldResolver(() => [NeedCapacity], { nullable: true, description: 'Needs the household could meet, at Low/Medium/High' })
  needsCapacity(@Root() h: HouseholdRow): NeedCapacity[] | null {
    const capacity = h.needsCapacity as Record<string, string> | null;
    if (!capacity) return null;
    return Object.entries(capacity).sort(([a], [b]) => a.localeCompare(b)).map(([need, level]) => ({ need, level }));
  }
}
