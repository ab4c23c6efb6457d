import { Field, ObjectType } from 'type-graphql';

/** The signed-in viewer, as the hub understood the token. */
@ObjectType({ description: 'The viewer: who the token says is asking', simpleResolvers: true })
export class Me {
  @Field(() => String, { description: "The token's subject" }) sub!: string;
  @Field(() => String, { nullable: true, description: "The token's display name, when it has one" }) name!: string | null;
  @Field(() => String, { description: "The code of the viewer's authority" }) org!: string;
  @Field(() => [String], { description: "The viewer's roles (social_worker, family_finder, raa_manager, la_analyst, integration, auditor)" }) roles!: string[];
}
