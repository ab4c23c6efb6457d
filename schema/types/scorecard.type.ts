import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InferenceControlEnum, ScorecardPeriodEnum, SuppressionReasonEnum } from './enums';

const HIDDEN = 'Null when the population is empty or the figure is suppressed (see suppressedFields)';

/** A10 in its segments (docs/inference-control.md gives the suppression; src/services/scorecard-query.ts the sums). */
@ObjectType({ description: 'A10 split into segments (entered care → placement order → match → moved in), averaged over the children in both A1 and A2', simpleResolvers: true })
export class A10Segments {
  @Field(() => Int, { nullable: true, description: `Children with every date of the segments (in both A1 and A2). ${HIDDEN}` }) count!: number | null;
  @Field(() => Int, { nullable: true, description: `Average days from entering care to the placement order (time in court). ${HIDDEN}` }) enteredCareToPlacementOrderDays!: number | null;
  @Field(() => Int, { nullable: true, description: `Average days from the placement order to the match (negative when matched before the order). ${HIDDEN}` }) placementOrderToMatchDays!: number | null;
  @Field(() => Int, { nullable: true, description: `Average days from the match to moving in with the adopters. ${HIDDEN}` }) matchToMovedInDays!: number | null;
}

/** The adoption scorecard of docs/scorecard.md for one LA and three-year window. */
@ObjectType({ description: 'Adoption scorecard (A1, A10, A2, A3) for the three years ending 31 March yearEnding', simpleResolvers: true })
export class Scorecard {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => Int, { description: 'The window ends on 31 March of this year' }) yearEnding!: number;
  @Field(() => String, { description: 'First day of the period (the window: 1 April yearEnding-3)' }) windowFrom!: string;
  @Field(() => String, { description: 'Last day of the period (the window: 31 March yearEnding)' }) windowTo!: string;
  @Field(() => Int, { nullable: true, description: `Children adopted in the window. ${HIDDEN}` }) adoptedCount!: number | null;
  @Field(() => Int, { nullable: true, description: `Children in A1/A10 (placed for adoption). ${HIDDEN}` }) a1Count!: number | null;
  @Field(() => Int, { nullable: true, description: `A1 average days, entered care to placed for adoption. ${HIDDEN}` }) a1Days!: number | null;
  @Field(() => Int, { nullable: true, description: `Children in A10 (same as A1). ${HIDDEN}` }) a10Count!: number | null;
  @Field(() => Int, { nullable: true, description: `A10 average days, entered care to moving in with the adopters. ${HIDDEN}` }) a10Days!: number | null;
  @Field(() => Int, { nullable: true, description: `Children in A2. ${HIDDEN}` }) a2Count!: number | null;
  @Field(() => Int, { nullable: true, description: `A2 average days, placement order to match. ${HIDDEN}` }) a2Days!: number | null;
  @Field(() => Float, { nullable: true, description: `A3 on the hub's basis: percentage of the A10 population with A10 under 426 days. ${HIDDEN}` }) a3Percent!: number | null;
  @Field(() => Float, { nullable: true, description: `A3 on the DfE's basis: percentage of the A1 population with A1 under 426 days. ${HIDDEN}` }) a3PercentA1Basis!: number | null;
  @Field(() => A10Segments, { description: 'A10 split into its segments, for the children behind the figure' }) a10Segments!: A10Segments;
  @Field(() => ScorecardPeriodEnum, { description: 'The period the figures cover (windowFrom to windowTo)' }) period!: string;
  @Field(() => Boolean, { description: 'True when the period has ended; a projection of a window still running is false' }) complete!: boolean;
  @Field(() => Scorecard, { nullable: true, description: 'For a three-year window: the same figures for the single financial year ending 31 March yearEnding' }) singleYear!: Scorecard | null;
  @Field(() => Scorecard, { nullable: true, description: 'For a three-year window: the next window (years ending yearEnding+1) from the children adopted in it so far (the projection)' }) projection!: Scorecard | null;
  @Field(() => Int, { description: 'The A1/A10 threshold: 426 days' }) a10ThresholdDays!: number;
  @Field(() => Int, { description: 'The A2 threshold: 121 days' }) a2ThresholdDays!: number;
  @Field(() => Boolean, { nullable: true, description: 'A1 at or below 426 days; null when A1 is null' }) meetsA1!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A10 at or below 426 days; null when A10 is null' }) meetsA10!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A2 at or below 121 days; null when A2 is null' }) meetsA2!: boolean | null;
  @Field(() => Boolean, { description: 'True when any figure is withheld (see suppressedFields and suppressionReason)' }) suppressed!: boolean;
  @Field(() => [String], { description: 'The names of the withheld figures' }) suppressedFields!: string[];
  @Field(() => InferenceControlEnum, { description: 'The inference-control rule the figures were published under (NONE: in full)' }) inferenceControl!: string;
  @Field(() => SuppressionReasonEnum, { nullable: true, description: 'Why figures are withheld (SMALL_GROUP_IN_A_YEAR when a year inside the window has a group of 1 to 4 children); null when none is' }) suppressionReason!: string | null;
}
