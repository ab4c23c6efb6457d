import { Field, ID, ObjectType } from 'type-graphql';
import { LinkEndReasonEnum, LinkInitiatorEnum, LinkStatusEnum, LinkStepEnum } from './enums';

/** A link between a child (or sibling group) and a household, through its journey; the RAA's record. */
@ObjectType({ description: "A link between an LA's child (or sibling group) and an RAA's household, from expression of interest to adoption order, or its end; kept by the RAA", simpleResolvers: true })
export class Link {
  @Field(() => ID, { description: "The hub's id" }) id!: string;
  @Field(() => String, { nullable: true, description: 'The RAA that keeps the link' }) agency!: string | null;
  @Field(() => String, { nullable: true, description: "The RAA's own id for the link" }) sourceId!: string | null;
  @Field(() => LinkStatusEnum, { nullable: true, description: 'Where the link is in its journey, or ENDED' }) status!: string | null;
  @Field(() => String, { nullable: true, description: 'Expression of interest' }) interestOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Linked: the link is being progressed' }) linkedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Matching panel' }) matchingPanelOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Match decision' }) matchedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Placed for adoption' }) placedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order' }) adoptionOrderOn!: string | null;
  @Field(() => String, { nullable: true, description: 'When the link ended' }) endedOn!: string | null;
  @Field(() => LinkInitiatorEnum, { nullable: true, description: 'Which side started the link' }) initiatedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The placing agency' }) placingAgency!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the placement is inter-agency' }) interAgency!: boolean | null;
  @Field(() => LinkStepEnum, { nullable: true, description: 'The step an ended link ended at' }) endedAtStep!: string | null;
  @Field(() => LinkEndReasonEnum, { nullable: true, description: 'Why an ended link ended' }) endReason!: string | null;
}
