import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InferenceControlEnum, SuppressionReasonEnum, TimelinessMeasureEnum } from './enums';

const HIDDEN = 'Null when withheld (see suppressed)';
const SUPPRESSED = { description: 'True when the figures are withheld (see suppressionReason)' };
const REASON = { nullable: true, description: 'Why the figures are withheld; null when they are shown' };
const CONTROL = { description: 'The inference-control rule the figures were published under (NONE: in full)' };
const QUARTER = { description: 'The calendar quarter, YYYY-Qn (Q1 = January to March)' };
const QUARTER_START = { description: 'The first day of the quarter (YYYY-MM-DD)' };

/** One cohort of the adopter funnel. */
@ObjectType({ description: 'Households whose first enquiry fell in one quarter, by the furthest step each reached', simpleResolvers: true })
export class AdopterFunnelCohort {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, QUARTER) quarter!: string;
  @Field(() => String, QUARTER_START) quarterStart!: string;
  @Field(() => Int, { nullable: true, description: `Households of the cohort (first enquiry in the quarter). ${HIDDEN}` }) enquiries!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, reached stage 1. ${HIDDEN}` }) stageOne!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, reached stage 2. ${HIDDEN}` }) stageTwo!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, approved. ${HIDDEN}` }) approved!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, matched. ${HIDDEN}` }) matched!: number | null;
  @Field(() => Float, { nullable: true, description: `stageOne as a percentage of enquiries (one decimal). ${HIDDEN}` }) stageOnePercent!: number | null;
  @Field(() => Float, { nullable: true, description: `stageTwo as a percentage of enquiries. ${HIDDEN}` }) stageTwoPercent!: number | null;
  @Field(() => Float, { nullable: true, description: `approved as a percentage of enquiries (conversion to approval). ${HIDDEN}` }) approvedPercent!: number | null;
  @Field(() => Float, { nullable: true, description: `matched as a percentage of enquiries. ${HIDDEN}` }) matchedPercent!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** One step's timeliness in one quarter. */
@ObjectType({ description: 'How long households took over one step of assessment, against its norm, for those finishing it in one quarter', simpleResolvers: true })
export class AdopterTimeliness {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, QUARTER) quarter!: string;
  @Field(() => String, QUARTER_START) quarterStart!: string;
  @Field(() => TimelinessMeasureEnum, { description: 'The step timed' }) measure!: string;
  @Field(() => Int, { description: 'The norm in months (stage 1: 2, stage 2: 4, registration to approval: 6, approval to match: 3)' }) normMonths!: number;
  @Field(() => String, { description: 'The norm in words' }) norm!: string;
  @Field(() => Int, { nullable: true, description: `Households that finished the step in the quarter. ${HIDDEN}` }) households!: number | null;
  @Field(() => Int, { nullable: true, description: `Their average days (whole days, halves up). ${HIDDEN}` }) averageDays!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, within the norm (end on or before start + normMonths). ${HIDDEN}` }) withinNorm!: number | null;
  @Field(() => Float, { nullable: true, description: `withinNorm as a percentage of households. ${HIDDEN}` }) withinNormPercent!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** ASGLB A11, A12, A13 for one quarter. */
@ObjectType({ description: 'ASGLB adopter indicators A11, A12 and A13 of one RAA for one quarter', simpleResolvers: true })
export class AdopterIndicators {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, QUARTER) quarter!: string;
  @Field(() => String, QUARTER_START) quarterStart!: string;
  @Field(() => String, { description: 'The last day of the quarter, the day A11 and A13 are counted on' }) quarterEnd!: string;
  @Field(() => Int, { nullable: true, description: `A11: approved families waiting to be matched at the quarter's end. Null when withheld (1 to 4)` }) a11!: number | null;
  @Field(() => Boolean, { description: 'True when A11 is withheld' }) a11Suppressed!: boolean;
  @Field(() => Int, { nullable: true, description: `A12's base: families matched in the quarter. ${HIDDEN}` }) a12Matched!: number | null;
  @Field(() => Int, { nullable: true, description: `Of them, waited at least 3 months from approval. ${HIDDEN}` }) a12WaitedThreeMonths!: number | null;
  @Field(() => Float, { nullable: true, description: `A12: the percentage of families matched in the quarter who waited at least 3 months. ${HIDDEN}` }) a12Percent!: number | null;
  @Field(() => Boolean, { description: 'True when A12 is withheld' }) a12Suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true, description: 'Why A12 is withheld; null when shown' }) a12SuppressionReason!: string | null;
  @Field(() => Int, { nullable: true, description: `A13: applications still to be assessed at the quarter's end. Null when withheld (1 to 4)` }) a13!: number | null;
  @Field(() => Boolean, { description: 'True when A13 is withheld' }) a13Suppressed!: boolean;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** One cell of the leaving table. */
@ObjectType({ description: 'Households that left the process in one financial year, for one coded reason, at one step', simpleResolvers: true })
export class HouseholdsLeavingCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => Int, { description: 'The financial year of leaving, by the year it ends in (2025 = April 2024 to March 2025)' }) yearEnding!: number;
  @Field(() => String, { description: 'The coded reason: WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED, OTHER, or NOT_RECORDED' }) reason!: string;
  @Field(() => String, { description: 'The furthest step reached before leaving: ENQUIRY, STAGE_ONE, STAGE_TWO, APPROVED, MATCHED' }) stage!: string;
  @Field(() => Int, { nullable: true, description: 'Null when withheld' }) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}
