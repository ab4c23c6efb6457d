import { Field, ID, ObjectType } from 'type-graphql';
import { ChildFilter } from '../inputs/child-filter.input';

/** A person's named children search; run it with `results` (or pass `filter` to `children`). */
@ObjectType({ description: 'A saved children search; `results` re-runs it under your current access', simpleResolvers: true })
export class SavedSearch {
  @Field(() => ID, { description: "The saved search's id" }) id!: string;
  @Field(() => String, { description: 'The name its owner gave it' }) name!: string;
  @Field(() => ChildFilter, { description: 'The children filter it runs' }) filter!: ChildFilter;
  @Field(() => String, { description: 'ISO 8601' }) createdAt!: string;
  @Field(() => String, { description: 'ISO 8601' }) updatedAt!: string;
}
