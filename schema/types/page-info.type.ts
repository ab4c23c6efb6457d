import { Field, ObjectType } from 'type-graphql';

/** Relay page info for keyset pagination. */
@ObjectType({ description: 'Relay page information for keyset pagination' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page; pass it as `after` for the next page' }) endCursor!: string | null;
}
