import { Field, Int, ObjectType } from 'type-graphql';
import { AdopterHousehold } from './adopter-household.type';
import { Child } from './child.type';
import { SiblingGroup } from './sibling-group.type';

const SCORE = 'Higher is a better fit; the points are explained in docs/matching.md';
const EXCLUDED = 'True when a hard rule rules the pairing out (only returned with includeExcluded); reasonsAgainst starts with why';
const SAME_LA = "The household lives in the child's own LA, where the birth family may live: flagged, never excluded";

/** A household suggested for a child (or its sibling group), with the reasons in sentences. */
@ObjectType({ description: 'A household that fits a child or its sibling group, with the reasons for and against', simpleResolvers: true })
export class MatchSuggestion {
  @Field(() => AdopterHousehold, { description: 'Only the household fields your role may read are served' }) household!: AdopterHousehold;
  @Field(() => Int, { description: SCORE }) score!: number;
  @Field(() => Boolean, { description: EXCLUDED }) excluded!: boolean;
  @Field(() => Boolean, { description: SAME_LA }) livesInChildsAuthority!: boolean;
  @Field(() => [String], { description: 'Why the household fits, in sentences' }) reasonsFor!: string[];
  @Field(() => [String], { description: 'What counts against the pairing, in sentences' }) reasonsAgainst!: string[];
}

/** A child, or siblings to be placed together, suggested for a household. */
@ObjectType({ description: 'A child, or a sibling group to be placed together, that fits a household', simpleResolvers: true })
export class ChildSuggestion {
  @Field(() => [Child], { description: 'The child, or the siblings to be placed together, within your scope' }) children!: Child[];
  @Field(() => SiblingGroup, { nullable: true, description: 'Set when the suggestion is a sibling group to be placed together' })
  siblingGroup!: SiblingGroup | null;
  @Field(() => Int, { description: SCORE }) score!: number;
  @Field(() => Boolean, { description: EXCLUDED }) excluded!: boolean;
  @Field(() => Boolean, { description: SAME_LA }) livesInChildsAuthority!: boolean;
  @Field(() => [String], { description: 'Why the child fits the household, in sentences' }) reasonsFor!: string[];
  @Field(() => [String], { description: 'What counts against the pairing, in sentences' }) reasonsAgainst!: string[];
}
