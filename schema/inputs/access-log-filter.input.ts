import { Field, ID, InputType } from 'type-graphql';
import { InstantScalar } from '../scalars/date.scalar';

/** Filters for the audit trail. */
@InputType({ description: 'Filters for the audit trail; all given filters apply together' })
export class AccessLogFilter {
  @Field(() => String, { nullable: true, description: "Only reads by this reader (the token's sub)" }) viewerSub?: string;
  @Field(() => ID, { nullable: true, description: 'Only reads of this child (hub id)' }) childId?: string;
  @Field(() => InstantScalar, { nullable: true, description: 'From this instant, inclusive' }) from?: string;
  @Field(() => InstantScalar, { nullable: true, description: 'Up to this instant, exclusive' }) to?: string;
  @Field(() => String, { nullable: true, description: 'Only reads by people of this authority (code)' }) viewerOrg?: string;
}
