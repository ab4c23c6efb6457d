import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdopterStageEnum, HouseholdLeftReasonEnum, NeedLevelEnum } from './enums';
import { PageInfo } from './page-info.type';

/** One adopter of a household. */
@ObjectType({ description: 'One adopter of a household', simpleResolvers: true })
export class Adopter {
  @Field(() => String, { nullable: true, description: 'First name' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Last name' }) lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: 'MALE, FEMALE or UNKNOWN' }) sex!: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code of this adopter' }) ethnicity!: string | null;
  @Field(() => String, { nullable: true, description: "This adopter's disability, as the RAA records it (RAA staff only)" }) disability!: string | null;
}

/** What a household is approved for. */
@ObjectType({ description: 'What the household is approved for by the adoption panel', simpleResolvers: true })
export class ApprovedFor {
  @Field(() => Int, { nullable: true, description: 'Youngest child the household is approved for, in months' }) minAgeMonths!: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest child the household is approved for, in months' }) maxAgeMonths!: number | null;
  @Field(() => Int, { description: 'Months beyond the age range the household said it would consider' }) ageToleranceMonths!: number;
  @Field(() => Int, { nullable: true, description: 'Most children the household is approved to adopt together' }) maxChildren!: number | null;
  @Field(() => Boolean, { description: 'Approved for a sibling group' }) siblingGroups!: boolean;
  @Field(() => Boolean, { description: 'Dual approved for early permanence (fostering for adoption)' }) earlyPermanence!: boolean;
}

/** A need a household could meet, and how far. */
@ObjectType({ description: 'A need the household could meet, and how far', simpleResolvers: true })
export class NeedCapacity {
  @Field(() => String, { description: 'Need code, e.g. FASD, GLOBAL_DEVELOPMENTAL_DELAY' }) need!: string;
  @Field(() => NeedLevelEnum, { description: 'How far the household could meet the need' }) level!: string;
}

/** An adopter household, owned by its RAA. Fields the viewer may not read are null with a FORBIDDEN error. */
@ObjectType({ description: 'An adopter household, owned by its regional adoption agency', simpleResolvers: true })
export class AdopterHousehold {
  @Field(() => ID, { description: "The household's hub id" }) id!: string;
  @Field(() => String, { nullable: true, description: 'The code of the RAA that owns the household' }) agency!: string | null;
  @Field(() => String, { nullable: true, description: "The RAA's own id" }) reference!: string | null;
  @Field(() => AdopterStageEnum, { nullable: true, description: 'Where the household is in the adopter journey' }) stage!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the first enquiry (YYYY-MM-DD)' }) enquiryOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Stage one (registration and checks) started (YYYY-MM-DD)' }) stage1StartedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Stage one ended (YYYY-MM-DD)' }) stage1EndedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Stage two (assessment) started (YYYY-MM-DD)' }) stage2StartedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Stage two ended (YYYY-MM-DD)' }) stage2EndedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Formal application received (YYYY-MM-DD)' }) applicationOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Approved as adopters by the agency decision maker (YYYY-MM-DD)' }) approvedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Matched with a child (YYYY-MM-DD)' }) matchedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'A child placed with the household (YYYY-MM-DD)' }) placedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order granted (YYYY-MM-DD)' }) adoptionOrderOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Left the process (YYYY-MM-DD)' }) leftOn!: string | null;
  @Field(() => String, { nullable: true, description: "Why the household left, in the RAA's words" }) leftReason!: string | null;
  @Field(() => HouseholdLeftReasonEnum, { nullable: true, description: 'Why the household left, coded as the ASGLB return counts it' }) leftReasonCode!: string | null;
  @Field(() => String, { nullable: true, description: 'E.g. couple or single adopter, as the RAA records it' }) householdType!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many adopters the household has (one or two)' }) numberOfAdopters!: number | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code of the household' }) ethnicity!: string | null;
  @Field(() => String, { nullable: true, description: 'Religion, as the household gave it' }) religion!: string | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken at home' }) languages!: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Children already living in the home' }) childrenInHome!: number | null;
  @Field(() => ApprovedFor, { nullable: true, description: 'What the household is approved for' }) approvedFor!: ApprovedFor | null;
  @Field(() => String, { nullable: true, description: "The household's social worker at the RAA" }) socialWorker!: string | null;
  @Field(() => String, { nullable: true, description: 'Authority code of where the household lives' }) livesIn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days since approval, while waiting (APPROVED)' }) daysWaiting!: number | null;
  @Field(() => String, { nullable: true, description: 'Home address; RAA managers only' }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'Home postcode; RAA managers only' }) postcode!: string | null;
  @Field(() => String, { nullable: true, description: 'Sexual orientation; RAA managers only' }) sexualOrientation!: string | null;
  @Field(() => String, { nullable: true, description: 'Health notes from the assessment; RAA managers only' }) healthNotes!: string | null;
}

/** One household in a page of households. */
@ObjectType({ description: 'One household in a page of households', simpleResolvers: true })
export class AdopterHouseholdEdge {
  @Field(() => String, { description: 'Opaque position of this household; pass it as `after` for the next page' }) cursor!: string;
  @Field(() => AdopterHousehold, { description: 'The household' }) node!: AdopterHousehold;
}

/** A page of households. */
@ObjectType({ description: 'A page of adopter households', simpleResolvers: true })
export class AdopterHouseholdConnection {
  @Field(() => [AdopterHouseholdEdge], { description: 'The households of this page with their cursors' }) edges!: AdopterHouseholdEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends and whether more follow' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Households matching the filter within your scope' }) totalCount!: number;
}
