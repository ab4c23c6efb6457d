import { Field, ID, ObjectType } from 'type-graphql';

/** Brothers and sisters; `children` lists only those within the viewer's scope (resolved by its resolver). */
@ObjectType({ description: 'A sibling group; only the children within your scope are listed' })
export class SiblingGroup {
  @Field(() => ID) id!: string;
  @Field(() => String) authority!: string;
  @Field(() => String) sourceId!: string;
  @Field(() => Boolean, { description: 'Whether the LA plans to place the siblings together' }) placeTogether!: boolean;
}
