import { Field, ID, ObjectType } from 'type-graphql';
// eslint-disable-next-line import/no-cycle
import { Child } from './child.type';

/** Brothers and sisters; `children` lists only those within the viewer's scope (built by the compiled statement). */
@ObjectType({ description: 'A sibling group; only the children within your scope are listed', simpleResolvers: true })
export class SiblingGroup {
  @Field(() => ID, { description: "The group's hub id" }) id!: string;
  @Field(() => String, { description: 'The LA that owns the group' }) authority!: string;
  @Field(() => String, { description: "The LA's own id for the group" }) sourceId!: string;
  @Field(() => Boolean, { description: 'Whether the LA plans to place the siblings together' }) placeTogether!: boolean;
  @Field(() => [Child], { description: 'The children of the group within your scope' }) children!: Child[];
}
