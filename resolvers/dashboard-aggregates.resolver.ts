import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { badInput } from '../src/policy/errors';
import { INFERENCE_CONTROL_TEXT } from '../src/policy/inference-control-policy';
import { adopterPipeline, approvedAdopterWaits, enquiriesPerMonth, matchesPerMonth } from '../src/services/adopter-aggregates';
import { AggregateCell } from '../src/services/aggregate-grid';
import { BreakdownDimension, childrenInFamilyFindingBreakdown, familyFindingSummary } from '../src/services/family-finding-aggregates';
import { supportCaseSummary } from '../src/services/support-case-aggregates';
import {
  AdopterStageCount, AdopterWaitCount, FamilyFindingBandCount, FamilyFindingStageCount, InferenceControlText, MonthlyCount,
  SupportCaseCount,
} from '../schema/types/dashboard-aggregates.type';
import { DateScalar } from '../schema/scalars/date.scalar';
import { BreakdownDimensionEnum } from '../schema/types/enums';

const AUTHORITY = { nullable: true, description: 'One LA; default: every LA whose figures you may see' };
const AGENCY = { nullable: true, description: 'One RAA; default: the RAA whose figures you may see' };
const FROM = { nullable: true, description: 'First month (YYYY-MM); with `to`, or neither for the 12 months up to the latest with data' };
const TO = { nullable: true, description: 'Last month (YYYY-MM)' };

const AS_OF_BREAKDOWN = { nullable: true, description: 'The day the figures are as at; default today. Under inference control '
  + 'only the latest 31 March on or before today is published: a day from it to the next 31 March gives that 31 March, any '
  + 'other day is refused (FORBIDDEN); the answer says which day (asOf)' };
const AS_OF_WAITS = { nullable: true, description: 'The day the figures are as at; default today. Under inference control '
  + 'the latest quarter end on or before it; the answer says which day (asOf)' };

const control = (c: AggregateCell) => ({ count: c.count, suppressed: c.suppressed, suppressionReason: c.reason, inferenceControl: c.control });
const byAuthority = (c: AggregateCell) => ({ authority: c.key, band: c.band, ...control(c) });
const byAgency = (c: AggregateCell) => ({ agency: c.key, band: c.band, ...control(c) });

/**
 * The dashboard's aggregate queries: counts only, over the viewer's aggregate scope (src/policy/aggregate-policy.ts,
 * agency-aggregate-policy.ts), small numbers suppressed for aggregate-only viewers. Each runs one SQL statement.
 */
@Resolver()
export class DashboardAggregatesResolver {
  @Query(() => [FamilyFindingStageCount], { description: 'Children per LA and tracker stage (every stage but ADOPTED), zeros included' })
  async familyFindingSummary(@Ctx() ctx: RequestContext, @Arg('authority', () => String, AUTHORITY) authority?: string) {
    return (await familyFindingSummary(ctx.sql, ctx.viewer, authority)).map((c) => ({ ...byAuthority(c), stage: c.band }));
  }

  @Query(() => [FamilyFindingBandCount], { description: 'Children in active family finding per LA, by age band, sibling need or ethnic group' })
  async childrenInFamilyFindingBreakdown(@Ctx() ctx: RequestContext,
    @Arg('by', () => BreakdownDimensionEnum, { description: 'Which bands to count by' }) by: BreakdownDimension,
    @Arg('authority', () => String, AUTHORITY) authority?: string,
    @Arg('asOf', () => DateScalar, AS_OF_BREAKDOWN) asOf?: string) {
    const r = await childrenInFamilyFindingBreakdown(ctx.sql, ctx.viewer, { dimension: by, authority, asOf: checkDate(asOf) });
    return r.cells.map((c) => ({ ...byAuthority(c), asOf: r.asOf }));
  }

  @Query(() => [AdopterStageCount], { description: 'Adopter households per RAA and stage, zeros included' })
  async adopterPipeline(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string) {
    return (await adopterPipeline(ctx.sql, ctx.viewer, agency)).map((c) => ({ ...byAgency(c), stage: c.band }));
  }

  @Query(() => [AdopterWaitCount], { description: 'Approved households waiting for a match, by time since approval' })
  async approvedAdopterWaits(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('asOf', () => DateScalar, AS_OF_WAITS) asOf?: string) {
    const r = await approvedAdopterWaits(ctx.sql, ctx.viewer, { agency, asOf: checkDate(asOf) });
    return r.cells.map((c) => ({ ...byAgency(c), asOf: r.asOf }));
  }

  @Query(() => [MonthlyCount], { description: "Households' first enquiries per RAA and month" })
  async enquiriesPerMonth(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('from', () => String, FROM) from?: string, @Arg('to', () => String, TO) to?: string) {
    return (await enquiriesPerMonth(ctx.sql, ctx.viewer, { agency, from, to })).map((c) => ({ ...byAgency(c), month: c.band }));
  }

  @Query(() => [MonthlyCount], { description: 'Matches made per RAA and month (a sibling group matched together counts once)' })
  async matchesPerMonth(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string,
    @Arg('from', () => String, FROM) from?: string, @Arg('to', () => String, TO) to?: string) {
    return (await matchesPerMonth(ctx.sql, ctx.viewer, { agency, from, to })).map((c) => ({ ...byAgency(c), month: c.band }));
  }

  @Query(() => [SupportCaseCount], { description: 'Open adoption support cases per LA of residence and type, zeros included' })
  async supportCaseSummary(@Ctx() ctx: RequestContext, @Arg('agency', () => String, AGENCY) agency?: string) {
    return (await supportCaseSummary(ctx.sql, ctx.viewer, agency)).map((c) => ({ ...byAuthority(c), type: c.band }));
  }

  @Query(() => [InferenceControlText], { description: 'The inference-control rules in words, for a legend beside controlled figures' })
  inferenceControlRules(): InferenceControlText[] {
    return Object.entries(INFERENCE_CONTROL_TEXT).map(([c, text]) => ({ control: c, text }));
  }
}

function checkDate(value: string | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw badInput('asOf must be a date as YYYY-MM-DD.');
  return value;
}
