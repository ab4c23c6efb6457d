import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { compiledChildSuggestions, compiledMatchSuggestions } from '../src/compiler/suggestion-compiler';
import { RequestContext } from '../src/context/request-context';
import { HouseholdFacts, matchReasons } from '../src/matching/match-reasons';
import { checkId, pageSize } from '../src/services/cursor';
import { HouseholdRow } from '../src/services/household-query';
import { ChildSuggestion, MatchSuggestion } from '../schema/types/match-suggestion.type';
import { SUGGESTIONS_FIRST_ARG } from '../schema/inputs/page-args';

/** Child fields the reasons are written from: the audit trail records them as served for every member child. */
const REASON_FIELDS = ['firstName', 'ageMonths', 'stage', 'needs'] as const;

function factsOf(h: HouseholdRow, withWait: boolean): HouseholdFacts {
  return {
    approvedFor: (h.approvedFor as HouseholdFacts['approvedFor']) ?? null,
    needsCapacity: (h.needsCapacity as Record<string, string> | null) ?? null,
    livesIn: (h.livesIn as string | null) ?? null,
    daysWaiting: withWait ? ((h.daysWaiting as number | null) ?? null) : null,
  };
}

async function authorityNamer(ctx: RequestContext): Promise<(code: string) => string> {
  const all = await ctx.authorities.all();
  return (code) => all.get(code)?.name ?? code;
}

/**
 * Family finding: households for a child, and children for a household, scored in SQL and explained in sentences.
 * Each is one statement (src/compiler/suggestion-compiler.ts): scoring, scope, served records and audit.
 */
@Resolver()
export class MatchSuggestionResolver {
  @Query(() => [MatchSuggestion], {
    nullable: true,
    description: 'Approved, unmatched households of your RAA that fit the child (or its siblings to be placed together), best first; null when the child is not in your scope',
  })
  async matchSuggestions(
    @Arg('childId', () => ID, { description: "The child's hub id" }) childId: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, SUGGESTIONS_FIRST_ARG) first?: number,
    @Arg('includeExcluded', () => Boolean, { nullable: true, description: 'Also list households a hard rule excludes, last, saying why' }) includeExcluded?: boolean,
  ): Promise<MatchSuggestion[] | null> {
    const found = await compiledMatchSuggestions(ctx, info,
      { childId: checkId(childId, 'childId'), first: pageSize(first), includeExcluded: includeExcluded === true }, REASON_FIELDS);
    if (!found) return null;
    const name = await authorityNamer(ctx);
    return found.households.map((s) => ({
      household: s.household as unknown as MatchSuggestion['household'],
      score: s.score, excluded: s.excluded, livesInChildsAuthority: s.flags.sameAuthority,
      ...matchReasons(found.members, factsOf(s.household, true), s.flags, name),
    }));
  }

  @Query(() => [ChildSuggestion], {
    nullable: true,
    description: 'Children and sibling groups in your scope that fit the household, best first (ties: longest waiting); null when the household is not in your scope',
  })
  async childSuggestions(
    @Arg('householdId', () => ID, { description: "The household's hub id" }) householdId: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, SUGGESTIONS_FIRST_ARG) first?: number,
    @Arg('includeExcluded', () => Boolean, { nullable: true, description: 'Also list children a hard rule excludes, last, saying why' }) includeExcluded?: boolean,
  ): Promise<ChildSuggestion[] | null> {
    const compiled = await compiledChildSuggestions(ctx, info,
      { householdId: checkId(householdId, 'householdId'), first: pageSize(first), includeExcluded: includeExcluded === true }, [...REASON_FIELDS, 'daysWaiting']);
    if (!compiled) return null;
    const { found, children: childById, groups: groupById } = compiled;
    const name = await authorityNamer(ctx);
    return found.units.map((u) => {
      return {
        children: u.members.map((m) => childById.get(String(m.id))).filter(Boolean) as unknown as ChildSuggestion['children'],
        siblingGroup: (u.siblingGroupId ? groupById.get(u.siblingGroupId) ?? null : null) as unknown as ChildSuggestion['siblingGroup'],
        score: u.score, excluded: u.excluded, livesInChildsAuthority: u.flags.sameAuthority,
        ...matchReasons(u.members, factsOf(found.household, false), u.flags, name),
      };
    });
  }
}
