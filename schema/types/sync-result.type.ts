import { Field, Int, ObjectType } from 'type-graphql';

/** A record a sync call refused. */
@ObjectType({ description: 'A record the hub refused, and why', simpleResolvers: true })
export class SyncRejection {
  @Field(() => Int, { description: 'Position of the record in the batch (0-based)' }) index!: number;
  @Field(() => String, { nullable: true, description: "The record's own id (sourceId or reference), when it had one" }) sourceId!: string | null;
  @Field(() => String, { nullable: true, description: 'The field at fault' }) field!: string | null;
  @Field(() => String, { description: 'Why the record was refused, in a sentence' }) reason!: string;
}

/** What a sync call did. */
@ObjectType({ description: 'The outcome of a sync batch', simpleResolvers: true })
export class SyncResult {
  @Field(() => Int, { description: 'Records accepted (stored, already up to date, or deleted)' }) accepted!: number;
  @Field(() => Int, { description: 'Records whose stored data changed (each has a change-feed entry)' }) changed!: number;
  @Field(() => [SyncRejection], { description: 'The records refused, each with its index, field and reason; the others were stored' }) rejected!: SyncRejection[];
}
