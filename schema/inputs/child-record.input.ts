import { Field, InputType } from 'type-graphql';

// Enumerated fields are Strings here (not the output enums) so that one bad value rejects only its record, with
// the reason, instead of failing the whole batch at the GraphQL layer.

/** The sibling group a synced child belongs to. */
@InputType({ description: "A sibling group by the LA's own id for it" })
export class SiblingGroupRefInput {
  @Field(() => String, { description: "The LA's own id for the group, unique within the LA" }) sourceId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the siblings should be placed together (default true)' }) placeTogether?: boolean | null;
}

/** One child record for `syncChildren`: a field left out keeps its stored value, a field sent as null clears it. */
@InputType({ description: 'A child record pushed by its LA. Omitted fields keep their stored value; null clears a field.' })
export class ChildRecordInput {
  @Field(() => String, { description: "The LA's own child id" }) sourceId!: string;
  @Field(() => String, { nullable: true, description: 'First name' }) firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'Last name' }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, for an unborn baby' }) expectedDateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'MALE, FEMALE or UNKNOWN' }) sex?: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code, e.g. WBRI' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' }) upn?: string | null;
  @Field(() => String, { nullable: true, description: 'NHS number (10 digits)' }) nhsNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode of the current placement' }) placementPostcode?: string | null;
  @Field(() => String, { nullable: true, description: 'A PermanenceStage; when sent it is kept as given, otherwise the stage follows the milestone dates' }) stage?: string | null;
  @Field(() => [String], { nullable: true, description: 'Need codes, e.g. FASD, GLOBAL_DEVELOPMENTAL_DELAY' }) needs?: string[] | null;
  @Field(() => String, { nullable: true, description: "A short summary of the child's health" }) healthSummary?: string | null;
  @Field(() => String, { nullable: true, description: "The birth family's background (shown to RAA staff only late in the journey)" }) birthFamilyBackground?: string | null;
  @Field(() => String, { nullable: true, description: "The child's social worker" }) socialWorker?: string | null;
  @Field(() => SiblingGroupRefInput, { nullable: true, description: 'null takes the child out of its group' }) siblingGroup?: SiblingGroupRefInput | null;
  @Field(() => String, { nullable: true, description: 'Started to be looked after (YYYY-MM-DD)' }) enteredCareOn?: string | null;
  @Field(() => String, { nullable: true, description: 'ADM decision that the child should be placed for adoption (YYYY-MM-DD)' }) decisionOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Placement order granted (YYYY-MM-DD)' }) placementOrderOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Fostering for adoption or concurrent placement began (YYYY-MM-DD)' }) fosteringForAdoptionOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Matched with adopters (YYYY-MM-DD)' }) matchedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Placed for adoption (YYYY-MM-DD)' }) placedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Moved in with the family that adopted them (YYYY-MM-DD)' }) movedInOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order granted (YYYY-MM-DD)' }) adoptionOrderOn?: string | null;
  @Field(() => String, { nullable: true, description: 'The plan for adoption was changed or ended (YYYY-MM-DD)' }) planChangedOn?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the child and everything derived from it' }) deleted?: boolean | null;
}
