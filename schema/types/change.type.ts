import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeOperationEnum } from './enums';
import { PageInfo } from './page-info.type';

/** One entry of the change feed: which record changed, how, and when. Identifiers only. */
@ObjectType({ description: 'An upsert or deletion of a record, in commit order', simpleResolvers: true })
export class Change {
  @Field(() => String, { description: 'Child, AdopterHousehold or SupportCase' }) entity!: string;
  @Field(() => ID, { description: "The record's hub id" }) id!: string;
  @Field(() => String, { nullable: true, description: "The owner's own id (source id or reference); null on a deletion an RAA reads from a member LA's feed (the hub's id only)" }) sourceId!: string | null;
  @Field(() => ChangeOperationEnum, { description: 'UPSERT (created or changed) or DELETE (erased)' }) operation!: string;
  @Field(() => String, { description: 'When the change was written (ISO 8601)' }) at!: string;
}

/** One entry in a page of the feed. */
@ObjectType({ description: 'One entry in a page of the change feed', simpleResolvers: true })
export class ChangeEdge {
  @Field(() => String, { description: 'The entry position; cursors only grow' }) cursor!: string;
  @Field(() => Change, { description: 'The change' }) node!: Change;
}

/** A page of the change feed. */
@ObjectType({ description: 'A page of the change feed, oldest first', simpleResolvers: true })
export class ChangeConnection {
  @Field(() => [ChangeEdge], { description: 'The entries of this page with their cursors' }) edges!: ChangeEdge[];
  @Field(() => [Change], { description: 'The same entries as edges, without cursors' }) nodes!: Change[];
  @Field(() => PageInfo, { description: 'endCursor is the last entry served, or the `after` given when nothing is new' }) pageInfo!: PageInfo;
}
