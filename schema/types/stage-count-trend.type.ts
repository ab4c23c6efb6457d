import { Field, Int, ObjectType } from 'type-graphql';
import { InferenceControlEnum, SuppressionReasonEnum } from './enums';

/** Children of one LA in one stage on one quarter end: a point of the stage-count trend. */
@ObjectType({ description: 'Children of one LA in one stage on one quarter end, from their milestone dates', simpleResolvers: true })
export class StageCountPoint {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => String, { description: 'The quarter end (YYYY-MM-DD: 31 March, 30 June, 30 September or 31 December) the count is as at' }) asOf!: string;
  @Field(() => String, { description: 'The stage, as familyFindingSummary names it: ADM_DECISION, FAMILY_FINDING, MATCHED_PLACED or PLAN_CHANGED (the stages milestone dates can place in time)' }) stage!: string;
  @Field(() => Int, { nullable: true, description: 'Children in the stage on that day; null when withheld' }) count!: number | null;
  @Field(() => Boolean, { description: 'True when the count is withheld (see suppressionReason)' }) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true, description: 'Why the count is withheld (SMALL_GROUP_IN_A_FLOW); null when it is shown' }) suppressionReason!: string | null;
  @Field(() => InferenceControlEnum, { description: 'The inference-control rule this count was published under (NONE: in full; STAGE_FLOW_GROUPS)' }) inferenceControl!: string;
}
