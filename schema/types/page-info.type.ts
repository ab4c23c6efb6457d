import { Field, ObjectType } from 'type-graphql';

/** Relay page info for keyset pagination (forward: `first` and `after`). */
@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections)', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'True when this page starts after a cursor (items may come before it); pages only go forward' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the first item of this page; null when the page is empty' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page, to pass as `after`; null when the page is empty' })
  endCursor!: string | null;
}
