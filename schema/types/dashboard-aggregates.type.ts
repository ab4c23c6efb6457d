import { Field, Int, ObjectType } from 'type-graphql';
import { AdopterStageEnum, PermanenceStageEnum, SupportCaseTypeEnum } from './enums';

const COUNT = { nullable: true, description: 'Null when suppressed (a count from 1 to 4 shown to an aggregate-only viewer)' };
const SUPPRESSED = { description: 'True when the count is withheld as a small number' };

/** One cell of the family-finding tracker table: children of an LA at a stage. */
@ObjectType({ description: 'Children of one LA at one stage of family finding' })
export class FamilyFindingStageCount {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => PermanenceStageEnum, { description: 'The stage of family finding' }) stage!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}

/** One cell of the adopter pipeline: households of an RAA at a stage. */
@ObjectType({ description: 'Adopter households of one RAA at one stage' })
export class AdopterStageCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => AdopterStageEnum, { description: 'The adopter stage' }) stage!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}

/** One cell of the support-case table: open cases of a type whose family lives in an LA. */
@ObjectType({ description: 'Open adoption support cases of one type whose family lives in one LA' })
export class SupportCaseCount {
  @Field(() => String, { description: 'The LA of residence' }) authority!: string;
  @Field(() => SupportCaseTypeEnum, { description: 'The type of support' }) type!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}

/** Children in active family finding of an LA in one band (age, sibling need or ethnic group). */
@ObjectType({ description: 'Children in active family finding of one LA in one band' })
export class FamilyFindingBandCount {
  @Field(() => String, { description: 'The LA code' }) authority!: string;
  @Field(() => String, { description: 'The band, as a table shows it (e.g. "1-2", "With one sibling", "Black")' }) band!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}

/** Approved households of an RAA waiting for a match, in one band of time since approval. */
@ObjectType({ description: 'Approved adopter households waiting, by time since approval' })
export class AdopterWaitCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, { description: 'Under 3 months, 3-6 months, 6-12 months, 12 months or more, Not known' }) band!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}

/** A count of an RAA's events (enquiries, matches) in one calendar month. */
@ObjectType({ description: "A count of an RAA's events in one month" })
export class MonthlyCount {
  @Field(() => String, { description: 'The RAA code' }) agency!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => Int, COUNT) count!: number | null;
  @Field(() => Boolean, SUPPRESSED) suppressed!: boolean;
}
