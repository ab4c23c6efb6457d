import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** One child record served (or refused) to one viewer in one request. */
@ObjectType({ description: 'An entry of the audit trail: one child record read in one request', simpleResolvers: true })
export class AccessLogEntry {
  @Field(() => ID, { description: "The entry's id" }) id!: string;
  @Field(() => String, { description: 'When the record was read (ISO 8601)' }) at!: string;
  @Field(() => String, { description: "The reader's subject (the token's sub claim)" }) viewerSub!: string;
  @Field(() => String, { description: "The authority code of the reader's organisation" }) viewerOrg!: string;
  @Field(() => [String], { description: "The reader's roles in that request" }) viewerRoles!: string[];
  @Field(() => ID, { nullable: true, description: 'The hub id of the child read; null once the child has been erased' }) childId!: string | null;
  @Field(() => String, { nullable: true, description: 'The LA that owns the child record' }) ownerAuthority!: string | null;
  @Field(() => [String], { description: 'The child fields served to the reader' }) fields!: string[];
  @Field(() => [String], { description: 'The child fields asked for and refused by the access policy' }) refusedFields!: string[];
  @Field(() => String, { nullable: true, description: 'The GraphQL operation that read the record, when it was named' }) operationName!: string | null;
  @Field(() => Boolean, { description: "True when the reader's organisation is not the child's LA" }) crossOrganisation!: boolean;
}

/** One entry in a page of the audit trail. */
@ObjectType({ description: 'One entry in a page of the audit trail', simpleResolvers: true })
export class AccessLogEdge {
  @Field(() => String, { description: 'Opaque position of this entry; pass it as `after` for the next page' }) cursor!: string;
  @Field(() => AccessLogEntry, { description: 'The audit entry' }) node!: AccessLogEntry;
}

/** A page of the audit trail, newest first. */
@ObjectType({ description: 'A page of the audit trail, newest first', simpleResolvers: true })
export class AccessLogConnection {
  @Field(() => [AccessLogEdge], { description: 'The entries of this page with their cursors' }) edges!: AccessLogEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends and whether more follow' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Entries matching the filter within your scope' }) totalCount!: number;
}
