import { Field, ObjectType } from 'type-graphql';

/** The signed-in viewer, as the hub understood the token. */
@ObjectType({ description: 'The viewer: who the token says is asking' })
export class Me {
  @Field(() => String) sub!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String) org!: string;
  @Field(() => [String]) roles!: string[];
}
