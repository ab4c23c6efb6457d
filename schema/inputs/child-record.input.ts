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
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, for an unborn baby' }) expectedDateOfBirth?: string | null;
  @Field(() => String, { nullable: true, description: 'MALE, FEMALE or UNKNOWN' }) sex?: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code, e.g. WBRI' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' }) upn?: string | null;
  @Field(() => String, { nullable: true }) nhsNumber?: string | null;
  @Field(() => String, { nullable: true }) placementPostcode?: string | null;
  @Field(() => String, { nullable: true, description: 'A PermanenceStage; when sent it is kept as given, otherwise the stage follows the milestone dates' }) stage?: string | null;
  @Field(() => [String], { nullable: true, description: 'Need codes, e.g. FASD, GLOBAL_DEVELOPMENTAL_DELAY' }) needs?: string[] | null;
  @Field(() => String, { nullable: true }) healthSummary?: string | null;
  @Field(() => String, { nullable: true }) birthFamilyBackground?: string | null;
  @Field(() => String, { nullable: true }) socialWorker?: string | null;
  @Field(() => SiblingGroupRefInput, { nullable: true, description: 'null takes the child out of its group' }) siblingGroup?: SiblingGroupRefInput | null;
  @Field(() => String, { nullable: true }) enteredCareOn?: string | null;
  @Field(() => String, { nullable: true }) decisionOn?: string | null;
  @Field(() => String, { nullable: true }) placementOrderOn?: string | null;
  @Field(() => String, { nullable: true }) fosteringForAdoptionOn?: string | null;
  @Field(() => String, { nullable: true }) matchedOn?: string | null;
  @Field(() => String, { nullable: true }) placedOn?: string | null;
  @Field(() => String, { nullable: true }) movedInOn?: string | null;
  @Field(() => String, { nullable: true }) adoptionOrderOn?: string | null;
  @Field(() => String, { nullable: true }) planChangedOn?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the child and everything derived from it' }) deleted?: boolean | null;
}
