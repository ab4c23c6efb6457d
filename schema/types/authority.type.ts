import { Field, Int, ObjectType } from 'type-graphql';
import { AuthorityKindEnum } from './enums';

/** A local authority or regional adoption agency. */
@ObjectType({ description: 'A local authority (LA) or regional adoption agency (RAA)' })
export class Authority {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => AuthorityKindEnum) kind!: string;
  @Field(() => Int, { nullable: true }) laNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'For an LA: the code of the RAA it belongs to' }) raa!: string | null;
  @Field(() => [Authority], { description: 'For an RAA: its member LAs' }) members!: Authority[];
}
