import { Field, Int, ObjectType } from 'type-graphql';
import { AdopterStageEnum, InferenceControlEnum, PermanenceStageEnum, SupportCaseTypeEnum, SuppressionReasonEnum } from './enums';

const COUNT = { nullable: true, description: 'Null when suppressed (a count from 1 to 4 shown to an aggregate-only viewer)' };
const SUPPRESSED = { description: 'True when the count is withheld (see suppressionReason)' };
const REASON = { nullable: true, description: 'Why the count is withheld; null when it is shown' };
const CONTROL = { description: 'The inference-control rule this count was published under (NONE: in full)' };
const AS_OF = { description: 'The day the figures are as at (YYYY-MM-DD): the day asked, today, or for a viewer under inference control the latest 31 March on or before today (ages) or the latest quarter end on or before it (waits)' };

/** One cell of the family-finding tracker table: children of an LA at a stage. */
@ObjectType({ description: 'Children of one LA at one stage of family finding', simpleResolvers: true })
export class FamilyFindingStageCount {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => PermanenceStageEnum, { description: 'The stage of family finding' }) stage!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** One cell of the adopter pipeline: households of an RAA at a stage. */
@ObjectType({ description: 'Adopter households of one RAA at one stage', simpleResolvers: true })
export class AdopterStageCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => AdopterStageEnum, { description: 'The adopter stage' }) stage!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** One cell of the support-case table: open cases of a type whose family lives in an LA. */
@ObjectType({ description: 'Open adoption support cases of one type whose family lives in one LA', simpleResolvers: true })
export class SupportCaseCount {
  @Field(() => String, { description: 'The LA of residence' }) authority!: string;
  @Field(() => SupportCaseTypeEnum, { description: 'The type of support' }) type!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** Children in active family finding of an LA in one band (age, sibling need or ethnic group). */
@ObjectType({ description: 'Children in active family finding of one LA in one band', simpleResolvers: true })
export class FamilyFindingBandCount {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => String, { description: 'The band, as a table shows it (e.g. "1-2", "With one sibling", "Black")' }) band!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => String, AS_OF) asOf!: string;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** Approved households of an RAA waiting for a match, in one band of time since approval. */
@ObjectType({ description: 'Approved adopter households waiting, by time since approval', simpleResolvers: true })
export class AdopterWaitCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, { description: 'Under 3 months, 3-6 months, 6-12 months, 12 months or more, Not known' }) band!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => String, AS_OF) asOf!: string;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** A count of an RAA's events (enquiries, matches) in one calendar month. */
@ObjectType({ description: "A count of an RAA's events in one month", simpleResolvers: true })
export class MonthlyCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, REASON) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, CONTROL) inferenceControl!: string;
}

/** One inference-control rule in words, for the page's legend. */
@ObjectType({ description: 'An inference-control rule and its wording, for a legend beside the figures', simpleResolvers: true })
export class InferenceControlText {
  @Field(() => InferenceControlEnum, { description: 'The rule' }) control!: string;
  @Field(() => String, { description: 'What the rule does, in a sentence or two' }) text!: string;
}
