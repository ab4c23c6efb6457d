import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../context/request-context';
import { ChildrenForHousehold, childrenForHouseholdRows, childrenForHouseholdSql } from '../matching/child-suggestions-query';
import { HouseholdsForChild, householdsForChildRows, householdsForChildSql } from '../matching/match-suggestions-query';
import { adopterPolicy } from '../policy/adopter-policy';
import { ChildField } from '../policy/child-policy';
import { rowScope } from '../policy/enforce';
import { compiledRead } from './compiled-reads';
import { planChild, planGroup, subfields } from './plan';
import { planRecord } from './plan-records';
import { policedJson } from './policed-json';

/**
 * The suggestions, each ONE statement: the scoring query (src/matching, with the viewer's child scope and the named
 * suggestion rule, householdSuggestionPolicy) is a CTE; the children and sibling groups suggested (the reverse
 * search) or the household's adopters are built as JSON from it; and the audit CTE records every child served:
 * the unit's members with the fields the reasons are written from, and the suggested children's selected fields.
 * The sentences of the reasons are then written in JS from the rows (wording, not data access).
 */

/** The arguments of a suggestion list, checked. */
export interface SuggestionArgs { first: number; includeExcluded: boolean }

/** The ids of the children in the unit members (`_members` JSON) of the scoring CTE `cte`. */
const memberIds = (cte: string) => `SELECT (m->>'id')::uuid FROM ${cte}, json_array_elements(${cte}."_members") m`;

/** `matchSuggestions(childId)`: households for a child, scored, with the unit's audit (and adopters when selected). */
export async function compiledMatchSuggestions(
  ctx: RequestContext, info: GraphQLResolveInfo, args: SuggestionArgs & { childId: string }, reasonFields: readonly ChildField[],
): Promise<HouseholdsForChild | null> {
  const { result, row } = await compiledRead(ctx, info, (c, sc) => {
    const scored = c.addCte('ms', householdsForChildSql(c.viewer, c.p, args));
    c.auditChildren(memberIds(scored), reasonFields);
    const household = subfields(sc, 'MatchSuggestion', info.fieldNodes).get('household');
    const adopters = household ? planRecord(sc, 'AdopterHousehold', household).nodes.get('adopters') : undefined;
    let json = `to_json(s)`;
    if (adopters) {
      // As a household's adopters are served anywhere else: each adopter under the adopter policy's own row scope.
      const a = planRecord(sc, 'Adopter', adopters);
      json = `(to_jsonb(s) || jsonb_build_object('_adopters', COALESCE((SELECT json_agg(${policedJson(adopterPolicy, c.viewer, c.p, a, 'ad')} ORDER BY ad.position)
        FROM adopter ad WHERE ad.household_id = s.id::text::uuid AND ${rowScope(adopterPolicy, c.viewer, c.p, 'ad')}), '[]'::json)))::json`;
    }
    return c.root(`(SELECT json_agg(${json} ORDER BY s."_rank") FROM ${scored} s)`);
  });
  return householdsForChildRows((row[result] as Record<string, unknown>[] | null) ?? []);
}

/** A reverse search's result: the scored units, and the suggested children and groups as the selection asks. */
export interface CompiledChildSuggestions {
  found: ChildrenForHousehold;
  children: Map<string, unknown>;
  groups: Map<string, unknown>;
}

/** `childSuggestions(householdId)`: children and sibling groups for a household, scored, served and audited. */
export async function compiledChildSuggestions(
  ctx: RequestContext, info: GraphQLResolveInfo, args: SuggestionArgs & { householdId: string }, reasonFields: readonly ChildField[],
): Promise<CompiledChildSuggestions | null> {
  const { result, row } = await compiledRead(ctx, info, (c, sc) => {
    const scored = c.addCte('cs', childrenForHouseholdSql(c.viewer, c.p, args));
    c.auditChildren(memberIds(scored), reasonFields);
    const parts = subfields(sc, 'ChildSuggestion', info.fieldNodes);
    const childNodes = parts.get('children');
    const groupNodes = parts.get('siblingGroup');
    return {
      units: c.root(`(SELECT json_agg(to_json(s) ORDER BY s."_rank") FROM ${scored} s)`),
      children: childNodes ? c.childrenIn(planChild(sc, childNodes), memberIds(scored)) : null,
      groups: groupNodes ? c.groupsIn(planGroup(sc, groupNodes), `SELECT "_group" FROM ${scored} WHERE "_group" IS NOT NULL`) : null,
    };
  });
  const found = childrenForHouseholdRows((row[result.units] as Record<string, unknown>[] | null) ?? []);
  if (!found) return null;
  const byId = (col: string | null) => new Map(((col ? row[col] : []) as { $id: string }[]).map((o) => [o.$id, o]));
  return { found, children: byId(result.children), groups: byId(result.groups) };
}
