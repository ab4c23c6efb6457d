import { Field, ObjectType } from 'type-graphql';

/** Relay page info for keyset pagination. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
