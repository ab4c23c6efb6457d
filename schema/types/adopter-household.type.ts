import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdopterStageEnum, HouseholdLeftReasonEnum, NeedLevelEnum } from './enums';
import { PageInfo } from './page-info.type';

/** One adopter of a household. */
@ObjectType()
export class Adopter {
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true }) sex!: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code of this adopter' }) ethnicity!: string | null;
  @Field(() => String, { nullable: true, description: "This adopter's disability, as the RAA records it (RAA staff only)" }) disability!: string | null;
}

/** What a household is approved for. */
@ObjectType()
export class ApprovedFor {
  @Field(() => Int, { nullable: true }) minAgeMonths!: number | null;
  @Field(() => Int, { nullable: true }) maxAgeMonths!: number | null;
  @Field(() => Int, { description: 'Months beyond the age range the household said it would consider' }) ageToleranceMonths!: number;
  @Field(() => Int, { nullable: true }) maxChildren!: number | null;
  @Field(() => Boolean) siblingGroups!: boolean;
  @Field(() => Boolean, { description: 'Dual approved for early permanence (fostering for adoption)' }) earlyPermanence!: boolean;
}

/** A need a household could meet, and how far. */
@ObjectType()
export class NeedCapacity {
  @Field(() => String) need!: string;
  @Field(() => NeedLevelEnum) level!: string;
}

/** An adopter household, owned by its RAA. Fields the viewer may not read are null with a FORBIDDEN error. */
@ObjectType({ description: 'An adopter household, owned by its regional adoption agency' })
export class AdopterHousehold {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) agency!: string | null;
  @Field(() => String, { nullable: true, description: "The RAA's own id" }) reference!: string | null;
  @Field(() => AdopterStageEnum, { nullable: true }) stage!: string | null;
  @Field(() => String, { nullable: true }) enquiryOn!: string | null;
  @Field(() => String, { nullable: true }) stage1StartedOn!: string | null;
  @Field(() => String, { nullable: true }) stage1EndedOn!: string | null;
  @Field(() => String, { nullable: true }) stage2StartedOn!: string | null;
  @Field(() => String, { nullable: true }) stage2EndedOn!: string | null;
  @Field(() => String, { nullable: true }) applicationOn!: string | null;
  @Field(() => String, { nullable: true }) approvedOn!: string | null;
  @Field(() => String, { nullable: true }) matchedOn!: string | null;
  @Field(() => String, { nullable: true }) placedOn!: string | null;
  @Field(() => String, { nullable: true }) adoptionOrderOn!: string | null;
  @Field(() => String, { nullable: true }) leftOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the household left, in the RAA\'s words' }) leftReason!: string | null;
  @Field(() => HouseholdLeftReasonEnum, { nullable: true, description: 'Why the household left, coded as the ASGLB return counts it' }) leftReasonCode!: string | null;
  @Field(() => String, { nullable: true }) householdType!: string | null;
  @Field(() => Int, { nullable: true }) numberOfAdopters!: number | null;
  @Field(() => String, { nullable: true }) ethnicity!: string | null;
  @Field(() => String, { nullable: true }) religion!: string | null;
  @Field(() => [String], { nullable: true }) languages!: string[] | null;
  @Field(() => Int, { nullable: true }) childrenInHome!: number | null;
  @Field(() => ApprovedFor, { nullable: true }) approvedFor!: ApprovedFor | null;
  @Field(() => String, { nullable: true }) socialWorker!: string | null;
  @Field(() => String, { nullable: true, description: 'Authority code of where the household lives' }) livesIn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days since approval, while waiting (APPROVED)' }) daysWaiting!: number | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, { nullable: true }) sexualOrientation!: string | null;
  @Field(() => String, { nullable: true }) healthNotes!: string | null;
}

/** One household in a page of households. */
@ObjectType()
export class AdopterHouseholdEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AdopterHousehold) node!: AdopterHousehold;
}

/** A page of households. */
@ObjectType()
export class AdopterHouseholdConnection {
  @Field(() => [AdopterHouseholdEdge]) edges!: AdopterHouseholdEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
