import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { ScorecardView, scorecardFor, scorecardTrend } from '../src/services/scorecard-view';
import { Scorecard } from '../schema/types/scorecard.type';

/** `scorecard` and `scorecardTrend`: docs/scorecard.md for an LA in the viewer's aggregate scope. */
@Resolver()
export class ScorecardResolver {
  @Query(() => Scorecard, { description: 'The adoption scorecard for the three years ending 31 March yearEnding' })
  scorecard(@Ctx() ctx: RequestContext, @Arg('authority', () => String, { description: 'The LA code' }) authority: string,
    @Arg('yearEnding', () => Int, { description: 'The window ends on 31 March of this year' }) yearEnding: number): Promise<ScorecardView> {
    return scorecardFor(ctx.sql, ctx.viewer, authority, yearEnding);
  }

  @Query(() => [Scorecard], { description: 'The scorecard for each year ending fromYear..toYear (default: five years up to the latest adoption)' })
  scorecardTrend(@Ctx() ctx: RequestContext, @Arg('authority', () => String, { description: 'The LA code' }) authority: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first year ending (a four-digit year)' }) fromYear?: number,
    @Arg('toYear', () => Int, { nullable: true, description: 'The last year ending (a four-digit year)' }) toYear?: number): Promise<ScorecardView[]> {
    return scorecardTrend(ctx.sql, ctx.viewer, { authority, fromYear, toYear });
  }
}
