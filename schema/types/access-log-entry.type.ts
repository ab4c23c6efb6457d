import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** One child record served (or refused) to one viewer in one request. */
@ObjectType({ description: 'An entry of the audit trail: one child record read in one request' })
export class AccessLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => String) at!: string;
  @Field(() => String) viewerSub!: string;
  @Field(() => String) viewerOrg!: string;
  @Field(() => [String]) viewerRoles!: string[];
  @Field(() => ID, { nullable: true }) childId!: string | null;
  @Field(() => String, { nullable: true }) ownerAuthority!: string | null;
  @Field(() => [String]) fields!: string[];
  @Field(() => [String]) refusedFields!: string[];
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => Boolean) crossOrganisation!: boolean;
}

/** One entry in a page of the audit trail. */
@ObjectType()
export class AccessLogEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AccessLogEntry) node!: AccessLogEntry;
}

/** A page of the audit trail, newest first. */
@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEdge]) edges!: AccessLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
