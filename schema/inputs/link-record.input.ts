import { Field, InputType } from 'type-graphql';

/** One link record for `syncLinks`: omitted fields keep their stored value; null clears a field. */
@InputType({ description: 'A link between an LA\'s child (or sibling group) and one of the RAA\'s households, pushed by the RAA. Omitted fields keep their stored value; null clears a field.' })
export class LinkRecordInput {
  @Field(() => String, { description: "The RAA's own id for the link" }) sourceId!: string;
  @Field(() => String, { nullable: true, description: "The household's reference (the RAA's own id); required for a new link" }) householdReference?: string | null;
  @Field(() => String, { nullable: true, description: 'The code of the LA that owns the child or sibling group (a member LA of the RAA)' }) childAuthority?: string | null;
  @Field(() => String, { nullable: true, description: "The child's id in its LA (sourceId); or give siblingGroupSourceId" }) childSourceId?: string | null;
  @Field(() => String, { nullable: true, description: "The sibling group's id in its LA, for a link with the whole group" }) siblingGroupSourceId?: string | null;
  @Field(() => String, { nullable: true, description: 'A LinkStatus; when omitted it follows the dates sent (ENDED once endedOn is given)' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'Expression of interest, YYYY-MM-DD' }) interestOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Linked (the link is being progressed), YYYY-MM-DD' }) linkedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Matching panel, YYYY-MM-DD' }) matchingPanelOn?: string | null;
  @Field(() => String, { nullable: true, description: "Match decision (the agency decision maker's), YYYY-MM-DD" }) matchedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Placed for adoption (moved in), YYYY-MM-DD' }) placedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order, YYYY-MM-DD' }) adoptionOrderOn?: string | null;
  @Field(() => String, { nullable: true, description: 'When the link ended, YYYY-MM-DD (with status ENDED and endReason)' }) endedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'CHILD_SIDE or HOUSEHOLD_SIDE' }) initiatedBy?: string | null;
  @Field(() => String, { nullable: true, description: 'The placing agency (an authority code or a voluntary agency\'s name)' }) placingAgency?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the placement is inter-agency (the household is another agency\'s)' }) interAgency?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The LinkStep the link ended at; when omitted, its furthest dated step' }) endedAtStep?: string | null;
  @Field(() => String, { nullable: true, description: 'A LinkEndReason' }) endReason?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true erases the link' }) deleted?: boolean | null;
}
