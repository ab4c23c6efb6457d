import { Field, InputType } from 'type-graphql';

/** One adoption support case for `syncSupportCases`. */
@InputType({ description: 'An adoption support case pushed by its RAA' })
export class SupportCaseRecordInput {
  @Field(() => String, { description: "The RAA's own case id" }) sourceId!: string;
  @Field(() => String, { nullable: true, description: 'A SupportCaseType (required unless deleted)' }) type?: string | null;
  @Field(() => String, { nullable: true, description: 'Authority code where the family lives (required unless deleted)' }) livesIn?: string | null;
  @Field(() => String, { nullable: true, description: "The household's reference, if the RAA holds it" }) householdReference?: string | null;
  @Field(() => String, { nullable: true, description: 'The case opened (YYYY-MM-DD)' }) openedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'The case closed (YYYY-MM-DD); open while null' }) closedOn?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the case' }) deleted?: boolean | null;
}
