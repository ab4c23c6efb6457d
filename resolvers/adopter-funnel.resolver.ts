import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { adopterFunnel, adopterTimeliness } from '../src/services/adopter-funnel';
import { adopterIndicators, householdsLeaving } from '../src/services/adopter-indicators';
import { AdopterFunnelCohort, AdopterIndicators, AdopterTimeliness, HouseholdsLeavingCount } from '../schema/types/adopter-funnel.type';

const AGENCY = { nullable: true, description: 'One RAA; default: the RAA whose figures you may see' };
const FROM_QUARTER = { nullable: true, description: 'First quarter (YYYY-Qn, Q1 = January to March); with toQuarter, or neither for the 8 quarters up to the latest with data' };
const TO_QUARTER = { nullable: true, description: 'Last quarter (YYYY-Qn)' };

/**
 * The adopter funnel and assessment timeliness (issue 11 §3; docs/adopter-funnel.md): per RAA in the viewer's agency
 * scope (agency-aggregate-policy.ts), under inference control for LA staff (inference-control-policy.ts). One
 * statement each.
 */
@Resolver()
export class AdopterFunnelResolver {
  @Query(() => [AdopterFunnelCohort], { description: 'Conversion from enquiry to stage 1, stage 2, approval and match, by cohort (quarter of first enquiry)' })
  adopterFunnel(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('fromQuarter', () => String, FROM_QUARTER) fromQuarter?: string, @Arg('toQuarter', () => String, TO_QUARTER) toQuarter?: string) {
    return adopterFunnel(ctx.sql, ctx.viewer, { agency, fromQuarter, toQuarter });
  }

  @Query(() => [AdopterTimeliness], { description: 'Assessment steps against their norms, for the households finishing each step in a quarter' })
  adopterTimeliness(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('fromQuarter', () => String, FROM_QUARTER) fromQuarter?: string, @Arg('toQuarter', () => String, TO_QUARTER) toQuarter?: string) {
    return adopterTimeliness(ctx.sql, ctx.viewer, { agency, fromQuarter, toQuarter });
  }

  @Query(() => [AdopterIndicators], { description: 'ASGLB A11 (approved families waiting), A12 (matched after waiting 3 months or more) and A13 (applications to assess), per quarter' })
  async adopterIndicators(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('fromQuarter', () => String, FROM_QUARTER) fromQuarter?: string, @Arg('toQuarter', () => String, TO_QUARTER) toQuarter?: string) {
    return (await adopterIndicators(ctx.sql, ctx.viewer, { agency, fromQuarter, toQuarter })).map(({ a12, ...r }) => ({
      ...r, a12Suppressed: a12.suppressed, a12SuppressionReason: a12.suppressionReason, inferenceControl: a12.inferenceControl }));
  }

  @Query(() => [HouseholdsLeavingCount], { description: 'Households that left the process, per financial year, coded reason and furthest step reached (approvals rescinded: reason APPROVAL_RESCINDED)' })
  async householdsLeaving(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'First financial year, by the year it ends in; with toYear, or neither for the three up to the latest leaving' }) fromYear?: number,
    @Arg('toYear', () => Int, { nullable: true, description: 'Last financial year, by the year it ends in' }) toYear?: number) {
    return (await householdsLeaving(ctx.sql, ctx.viewer, { agency, fromYear, toYear })).map((c) => {
      const [year, reason, stage] = c.band.split('|');
      return { agency: c.key, yearEnding: Number(year), reason, stage, count: c.count, suppressed: c.suppressed,
        suppressionReason: c.reason, inferenceControl: c.control };
    });
  }
}
