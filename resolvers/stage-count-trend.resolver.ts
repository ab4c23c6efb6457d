import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { stageCountTrend } from '../src/services/stage-count-trend';
import { DateScalar } from '../schema/scalars/date.scalar';
import { StageCountPoint } from '../schema/types/stage-count-trend.type';

/**
 * Children's stage counts over time (issue 10, "trends for stage counts"): snapshots at quarter ends from milestone
 * dates, scoped like familyFindingSummary (aggregate-policy.ts), under STAGE_FLOW_GROUPS for aggregate-only viewers
 * (inference-control-policy.ts). One statement.
 */
@Resolver()
export class StageCountTrendResolver {
  @Query(() => [StageCountPoint], { description: 'Children per LA and stage on each quarter end from `from` to `to` (default: the last 8 quarter ends), from their milestone dates' })
  stageCountTrend(@Ctx() ctx: RequestContext,
    @Arg('authority', () => String, { nullable: true, description: 'One LA; default: every LA whose figures you may see' }) authority?: string,
    @Arg('from', () => DateScalar, { nullable: true, description: 'The first day: quarter ends on or after it (default: 8 quarter ends up to `to`)' }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true, description: 'The last day: quarter ends on or before it (default: today)' }) to?: string) {
    return stageCountTrend(ctx.sql, ctx.viewer, { authority, from, to });
  }
}
