import { Field, InputType } from 'type-graphql';
import { AdopterStageEnum } from '../types/enums';

/** Filters for `adopterHouseholds`. */
@InputType({ description: 'Filters for adopterHouseholds; all given filters apply together' })
export class AdopterHouseholdFilter {
  @Field(() => [AdopterStageEnum], { nullable: true, description: 'Households at any of these stages' }) stages?: string[];
  @Field(() => [String], { nullable: true, description: 'Authority codes where the households live' }) livesIn?: string[];
  @Field(() => [String], { nullable: true, description: "The RAA's own ids" }) references?: string[];
}
