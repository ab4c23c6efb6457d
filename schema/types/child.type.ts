import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Authority } from './authority.type';
import { PermanenceStageEnum, SexEnum } from './enums';
import { PageInfo } from './page-info.type';
import { SiblingGroup } from './sibling-group.type';

/**
 * A child's record, owned by its LA. Fields the viewer may not read resolve to null with a FORBIDDEN error
 * (docs/access-policy.md). Served only by compiled statements (src/compiler): every field, `authority` and
 * `siblingGroup` included, is a property of the JSON PostgreSQL built, read by the default resolver.
 */
@ObjectType({ description: "A child's record, owned by its local authority", simpleResolvers: true })
export class Child {
  @Field(() => ID, { description: "The child's hub id" }) id!: string;
  @Field(() => Authority, { nullable: true, description: 'The LA that owns the record' }) authority!: Authority | null;
  @Field(() => SiblingGroup, { nullable: true, description: "The child's sibling group, if any" }) siblingGroup!: SiblingGroup | null;
  @Field(() => String, { description: "The LA's own child id" }) sourceId!: string;
  @Field(() => String, { nullable: true, description: 'First name' }) firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'Last name; the owning LA only' }) lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: 'For an unborn baby: the due date (YYYY-MM-DD)' }) expectedDateOfBirth!: string | null;
  @Field(() => Int, { nullable: true, description: 'Age in whole months today' }) ageMonths!: number | null;
  @Field(() => SexEnum, { nullable: true, description: 'Sex as recorded by the LA' }) sex!: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code (e.g. WBRI)' }) ethnicity!: string | null;
  @Field(() => PermanenceStageEnum, { nullable: true, description: 'Null when the child is not on an adoption pathway' }) stage!: string | null;
  @Field(() => [String], { nullable: true, description: 'Need codes, e.g. FASD, GLOBAL_DEVELOPMENTAL_DELAY' }) needs!: string[] | null;
  @Field(() => String, { nullable: true, description: "A short summary of the child's health" }) healthSummary!: string | null;
  @Field(() => String, { nullable: true, description: "The birth family's background; RAA staff read it only once the child is at PROGRESS_TO_MATCH or MATCHED_PLACED" }) birthFamilyBackground!: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' }) upn!: string | null;
  @Field(() => String, { nullable: true, description: 'NHS number; the owning LA only' }) nhsNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode of the current placement; the owning LA only' }) placementPostcode!: string | null;
  @Field(() => String, { nullable: true, description: "The child's social worker at the LA" }) socialWorker!: string | null;
  @Field(() => String, { nullable: true, description: 'Started to be looked after (YYYY-MM-DD)' }) enteredCareOn!: string | null;
  @Field(() => String, { nullable: true, description: 'ADM decision that the child should be placed for adoption' }) decisionOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Placement order granted (YYYY-MM-DD)' }) placementOrderOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Fostering for adoption / concurrent placement (U2/U5)' }) fosteringForAdoptionOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Matched with adopters (A2, YYYY-MM-DD)' }) matchedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Placed for adoption (YYYY-MM-DD)' }) placedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Moved in with the family that adopted them (A10)' }) movedInOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Adoption order granted (YYYY-MM-DD)' }) adoptionOrderOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The plan for adoption was changed or ended (YYYY-MM-DD)' }) planChangedOn!: string | null;
  @Field(() => String, { nullable: true, description: "Why adoption stopped being the plan, the 903 code: RD1 (the child's needs changed), RD2 (the court did not make a placement order), RD3 (prospective adopters could not be found), RD4 (any other reason)" }) planChangedReason!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from entering care to the match, or to today while unmatched' }) daysWaiting!: number | null;
}

/** One child in a page of children. */
@ObjectType({ description: 'One child in a page of children', simpleResolvers: true })
export class ChildEdge {
  @Field(() => String, { description: 'Opaque position of this child; pass it as `after` for the next page' }) cursor!: string;
  @Field(() => Child, { description: 'The child' }) node!: Child;
}

/** A page of children, with the total in the viewer's scope. */
@ObjectType({ description: 'A page of children, with the total in your scope', simpleResolvers: true })
export class ChildConnection {
  @Field(() => [ChildEdge], { description: 'The children of this page with their cursors' }) edges!: ChildEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends and whether more follow' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Children matching the filter within your scope' }) totalCount!: number;
}
