import { Field, ID, ObjectType } from 'type-graphql';

/** Brothers and sisters; `children` lists only those within the viewer's scope (resolved by its resolver). */
@ObjectType({ description: 'A sibling group; only the children within your scope are listed' })
export class SiblingGroup {
  @Field(() => ID, { description: "The group's hub id" }) id!: string;
  @Field(() => String, { description: 'The LA that owns the group' }) authority!: string;
  @Field(() => String, { description: "The LA's own id for the group" }) sourceId!: string;
  @Field(() => Boolean, { description: 'Whether the LA plans to place the siblings together' }) placeTogether!: boolean;
}
