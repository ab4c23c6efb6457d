import { Field, InputType, Int } from 'type-graphql';

/** One adopter of a synced household. */
@InputType({ description: 'One adopter of a synced household' })
export class AdopterInput {
  @Field(() => String, { nullable: true, description: 'First name' }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'Last name' }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'MALE, FEMALE or UNKNOWN' }) sex?: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true, description: 'Disability, as the RAA records it' }) disability?: string | null;
}

/** What a synced household is approved for. */
@InputType({ description: 'What a synced household is approved for' })
export class ApprovedForInput {
  @Field(() => Int, { nullable: true, description: 'Youngest child approved for, in months' }) minAgeMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest child approved for, in months' }) maxAgeMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Months beyond the age range the household would consider' }) ageToleranceMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most children approved to adopt together' }) maxChildren?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Approved for a sibling group' }) siblingGroups?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Dual approved for early permanence (fostering for adoption)' }) earlyPermanence?: boolean | null;
}

/** A need a synced household could meet, and how far. */
@InputType({ description: 'A need a synced household could meet, and how far' })
export class NeedCapacityInput {
  @Field(() => String, { description: 'Need code, e.g. FASD, GLOBAL_DEVELOPMENTAL_DELAY' }) need!: string;
  @Field(() => String, { description: 'LOW, MEDIUM or HIGH' }) level!: string;
}

/** One household record for `syncAdopterHouseholds`: omitted fields keep their stored value; null clears a field. */
@InputType({ description: 'An adopter household pushed by its RAA. Omitted fields keep their stored value; null clears a field.' })
export class HouseholdRecordInput {
  @Field(() => String, { description: "The RAA's own id" }) reference!: string;
  @Field(() => String, { nullable: true, description: 'An AdopterStage; when omitted it follows the dates sent' }) stage?: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the first enquiry (YYYY-MM-DD)' }) enquiryOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Stage one started (YYYY-MM-DD)' }) stage1StartedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Stage one ended (YYYY-MM-DD)' }) stage1EndedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Formal application received (YYYY-MM-DD)' }) applicationOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Stage two started (YYYY-MM-DD)' }) stage2StartedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Stage two ended (YYYY-MM-DD)' }) stage2EndedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Approved as adopters (YYYY-MM-DD)' }) approvedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Matched with a child (YYYY-MM-DD)' }) matchedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'A child placed with the household (YYYY-MM-DD)' }) placedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order granted (YYYY-MM-DD)' }) adoptionOrderOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Left the process (YYYY-MM-DD)' }) leftOn?: string | null;
  @Field(() => String, { nullable: true, description: "Why the household left, in the RAA's words (free text)" }) leftReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the household left, coded: WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED or OTHER' }) leftReasonCode?: string | null;
  @Field(() => String, { nullable: true, description: 'E.g. couple or single adopter' }) householdType?: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code of the household' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true, description: 'Religion, as the household gave it' }) religion?: string | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken at home' }) languages?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Children already living in the home' }) childrenInHome?: number | null;
  @Field(() => String, { nullable: true, description: "The household's social worker at the RAA" }) socialWorker?: string | null;
  @Field(() => String, { nullable: true, description: 'Authority code of where the household lives' }) livesIn?: string | null;
  @Field(() => [AdopterInput], { nullable: true, description: 'Replaces the adopters (one or two)' }) adopters?: AdopterInput[] | null;
  @Field(() => ApprovedForInput, { nullable: true, description: 'What the household is approved for' }) approvedFor?: ApprovedForInput | null;
  @Field(() => [NeedCapacityInput], { nullable: true, description: 'Replaces the needs the household could meet' }) needsCapacity?: NeedCapacityInput[] | null;
  @Field(() => String, { nullable: true, description: 'Sexual orientation (RAA managers only may read it)' }) sexualOrientation?: string | null;
  @Field(() => String, { nullable: true, description: 'Home address (RAA managers only may read it)' }) address?: string | null;
  @Field(() => String, { nullable: true, description: 'Home postcode (RAA managers only may read it)' }) postcode?: string | null;
  @Field(() => String, { nullable: true, description: 'Health notes from the assessment (RAA managers only may read it)' }) healthNotes?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the household, its adopters and matches' }) deleted?: boolean | null;
}
