import { Field, InputType, Int } from 'type-graphql';

/** One adopter of a synced household. */
@InputType()
export class AdopterInput {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'MALE, FEMALE or UNKNOWN' }) sex?: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true }) disability?: string | null;
}

/** What a synced household is approved for. */
@InputType()
export class ApprovedForInput {
  @Field(() => Int, { nullable: true }) minAgeMonths?: number | null;
  @Field(() => Int, { nullable: true }) maxAgeMonths?: number | null;
  @Field(() => Int, { nullable: true }) ageToleranceMonths?: number | null;
  @Field(() => Int, { nullable: true }) maxChildren?: number | null;
  @Field(() => Boolean, { nullable: true }) siblingGroups?: boolean | null;
  @Field(() => Boolean, { nullable: true }) earlyPermanence?: boolean | null;
}

/** A need a synced household could meet, and how far. */
@InputType()
export class NeedCapacityInput {
  @Field(() => String) need!: string;
  @Field(() => String, { description: 'LOW, MEDIUM or HIGH' }) level!: string;
}

/** One household record for `syncAdopterHouseholds`: omitted fields keep their stored value; null clears a field. */
@InputType({ description: 'An adopter household pushed by its RAA. Omitted fields keep their stored value; null clears a field.' })
export class HouseholdRecordInput {
  @Field(() => String, { description: "The RAA's own id" }) reference!: string;
  @Field(() => String, { nullable: true, description: 'An AdopterStage; when omitted it follows the dates sent' }) stage?: string | null;
  @Field(() => String, { nullable: true }) enquiryOn?: string | null;
  @Field(() => String, { nullable: true }) stage1StartedOn?: string | null;
  @Field(() => String, { nullable: true }) stage1EndedOn?: string | null;
  @Field(() => String, { nullable: true }) applicationOn?: string | null;
  @Field(() => String, { nullable: true }) stage2StartedOn?: string | null;
  @Field(() => String, { nullable: true }) stage2EndedOn?: string | null;
  @Field(() => String, { nullable: true }) approvedOn?: string | null;
  @Field(() => String, { nullable: true }) matchedOn?: string | null;
  @Field(() => String, { nullable: true }) placedOn?: string | null;
  @Field(() => String, { nullable: true }) adoptionOrderOn?: string | null;
  @Field(() => String, { nullable: true }) leftOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the household left, in the RAA\'s words (free text)' }) leftReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the household left, coded: WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED or OTHER' }) leftReasonCode?: string | null;
  @Field(() => String, { nullable: true }) householdType?: string | null;
  @Field(() => String, { nullable: true }) ethnicity?: string | null;
  @Field(() => String, { nullable: true }) religion?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Int, { nullable: true }) childrenInHome?: number | null;
  @Field(() => String, { nullable: true }) socialWorker?: string | null;
  @Field(() => String, { nullable: true, description: 'Authority code of where the household lives' }) livesIn?: string | null;
  @Field(() => [AdopterInput], { nullable: true, description: 'Replaces the adopters (one or two)' }) adopters?: AdopterInput[] | null;
  @Field(() => ApprovedForInput, { nullable: true }) approvedFor?: ApprovedForInput | null;
  @Field(() => [NeedCapacityInput], { nullable: true }) needsCapacity?: NeedCapacityInput[] | null;
  @Field(() => String, { nullable: true }) sexualOrientation?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) postcode?: string | null;
  @Field(() => String, { nullable: true }) healthNotes?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the household, its adopters and matches' }) deleted?: boolean | null;
}
