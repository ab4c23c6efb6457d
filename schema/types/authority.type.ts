import { Field, Int, ObjectType } from 'type-graphql';
import { AuthorityKindEnum } from './enums';

/** A local authority or regional adoption agency. */
@ObjectType({ description: 'A local authority (LA) or regional adoption agency (RAA)', simpleResolvers: true })
export class Authority {
  @Field(() => String, { description: "The authority's code in the hub (e.g. BDG, ALE), as tokens carry it in org" }) code!: string;
  @Field(() => String, { description: "The authority's name" }) name!: string;
  @Field(() => AuthorityKindEnum, { description: 'Local authority or regional adoption agency' }) kind!: string;
  @Field(() => Int, { nullable: true, description: 'For an LA: its DfE LA number (e.g. 301)' }) laNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'For an LA: the code of the RAA it belongs to' }) raa!: string | null;
  @Field(() => [Authority], { description: 'For an RAA: its member LAs' }) members!: Authority[];
}
