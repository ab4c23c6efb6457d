import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar';
import { IntRange } from './input-range';
import { PermanenceStageEnum, SexEnum } from '../types/enums';

/**
 * Filters for `children`. Each filter reads one Child field, and is refused (FORBIDDEN) unless the viewer may read
 * that field on every record it can reach: a family finder filters by age in months, never by date of birth.
 */
@ObjectType('SavedChildFilter', { description: 'A ChildFilter as saved in a saved search (the same fields)' })
@InputType({ description: 'Filters for the children list; all given filters apply together. A filter on a field you may not read is FORBIDDEN' })
export class ChildFilter {
  @Field(() => [String], { nullable: true, description: 'Owning authority codes' }) authority?: string[];
  @Field(() => [String], { nullable: true, description: "The LAs' own child ids" }) sourceIds?: string[];
  @Field(() => [PermanenceStageEnum], { nullable: true, description: 'Children at any of these stages of family finding' }) stages?: string[];
  @Field(() => Int, { nullable: true, description: 'Age in whole months today, at least (0 to 300)' }) @IntRange(0, 300) minAgeMonths?: number;
  @Field(() => Int, { nullable: true, description: 'Age in whole months today, at most (0 to 300)' }) @IntRange(0, 300) maxAgeMonths?: number;
  @Field(() => [SexEnum], { nullable: true, description: 'Children of any of these sexes' }) sex?: string[];
  @Field(() => [String], { nullable: true, description: 'DfE ethnicity codes' }) ethnicity?: string[];
  @Field(() => Int, { nullable: true, description: 'Children in your scope in the sibling group, at least (0 to 50)' }) @IntRange(0, 50) minSiblingGroupSize?: number;
  @Field(() => Int, { nullable: true, description: 'Children in your scope in the sibling group, at most (a child without a group counts as 1; 0 to 50)' }) @IntRange(0, 50) maxSiblingGroupSize?: number;
  @Field(() => [String], { nullable: true, description: 'Children with all of these needs' }) needs?: string[];
  @Field(() => Int, { nullable: true, description: 'Days waiting (from entering care to the match, or to today), at least (0 to 36,500)' }) @IntRange(0, 36_500) minDaysWaiting?: number;
  @Field(() => [String], { nullable: true, description: 'Children with at least one of these needs' }) anyNeeds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: in a sibling group to be placed together; false: not' }) placeTogether?: boolean;
  @Field(() => Int, { nullable: true, description: 'Days since the placement order, at least (children without one are left out; 0 to 36,500)' })
  @IntRange(0, 36_500) minDaysSincePlacementOrder?: number;
  @Field(() => DateScalar, { nullable: true, description: 'Born on or after this date; needs dateOfBirth access' }) bornOnOrAfter?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Born on or before this date; needs dateOfBirth access' }) bornOnOrBefore?: string;
  @Field(() => String, { nullable: true, description: 'Exact surname; needs lastName access' }) lastName?: string;
}
