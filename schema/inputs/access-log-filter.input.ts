import { Field, ID, InputType } from 'type-graphql';

/** Filters for the audit trail. */
@InputType()
export class AccessLogFilter {
  @Field(() => String, { nullable: true }) viewerSub?: string;
  @Field(() => ID, { nullable: true }) childId?: string;
  @Field(() => String, { nullable: true, description: 'From this instant (ISO 8601), inclusive' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Up to this instant (ISO 8601), exclusive' }) to?: string;
  @Field(() => String, { nullable: true }) viewerOrg?: string;
}
