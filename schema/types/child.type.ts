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
  @Field(() => ID) id!: string;
  @Field(() => Authority, { nullable: true, description: 'The LA that owns the record' }) authority!: Authority | null;
  @Field(() => SiblingGroup, { nullable: true, description: "The child's sibling group, if any" }) siblingGroup!: SiblingGroup | null;
  @Field(() => String, { description: "The LA's own child id" }) sourceId!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: 'For an unborn baby: the due date (YYYY-MM-DD)' }) expectedDateOfBirth!: string | null;
  @Field(() => Int, { nullable: true, description: 'Age in whole months today' }) ageMonths!: number | null;
  @Field(() => SexEnum, { nullable: true }) sex!: string | null;
  @Field(() => String, { nullable: true, description: 'DfE ethnicity code (e.g. WBRI)' }) ethnicity!: string | null;
  @Field(() => PermanenceStageEnum, { nullable: true, description: 'Null when the child is not on an adoption pathway' }) stage!: string | null;
  @Field(() => [String], { nullable: true }) needs!: string[] | null;
  @Field(() => String, { nullable: true }) healthSummary!: string | null;
  @Field(() => String, { nullable: true }) birthFamilyBackground!: string | null;
  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' }) upn!: string | null;
  @Field(() => String, { nullable: true }) nhsNumber!: string | null;
  @Field(() => String, { nullable: true }) placementPostcode!: string | null;
  @Field(() => String, { nullable: true }) socialWorker!: string | null;
  @Field(() => String, { nullable: true }) enteredCareOn!: string | null;
  @Field(() => String, { nullable: true, description: 'ADM decision that the child should be placed for adoption' }) decisionOn!: string | null;
  @Field(() => String, { nullable: true }) placementOrderOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Fostering for adoption / concurrent placement (U2/U5)' }) fosteringForAdoptionOn!: string | null;
  @Field(() => String, { nullable: true }) matchedOn!: string | null;
  @Field(() => String, { nullable: true }) placedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Moved in with the family that adopted them (A10)' }) movedInOn!: string | null;
  @Field(() => String, { nullable: true }) adoptionOrderOn!: string | null;
  @Field(() => String, { nullable: true }) planChangedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from entering care to the match, or to today while unmatched' }) daysWaiting!: number | null;
}

/** One child in a page of children. */
@ObjectType({ simpleResolvers: true })
export class ChildEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Child) node!: Child;
}

/** A page of children, with the total in the viewer's scope. */
@ObjectType({ simpleResolvers: true })
export class ChildConnection {
  @Field(() => [ChildEdge]) edges!: ChildEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Children matching the filter within your scope' }) totalCount!: number;
}
