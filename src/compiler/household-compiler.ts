import { AdopterHouseholdFilter } from '../../schema/inputs/household-filter.input';
import { adopterPolicy } from '../policy/adopter-policy';
import { rowScope } from '../policy/enforce';
import { HouseholdField, householdPolicy } from '../policy/household-policy';
import { linkPolicy } from '../policy/link-policy';
import { checkKeysetPosition, decodeCursor } from '../services/cursor';
import { householdWhere, keysetAfter } from '../services/household-query';
import { LINK_ORDER } from '../services/link-query';
import { CompiledPage, edgesAndPageInfo, needsPageRows } from './connection-json';
import { cursorSql, policedJson } from './policed-json';
import { ReadCompiler } from './policy-compiler';
import { SelectionContext } from './plan';
import { planRecord, RecordConnectionPlan, RecordPlan } from './plan-records';

/**
 * The policy compiler for adopter households: `adopterHousehold(id)` and a page of `adopterHouseholds`, with the
 * household's adopters and links when they are selected, as one column of the operation's statement. Households,
 * adopters and links each carry their own row scope (household-, adopter- and link-policy.ts) and field rules;
 * households are not child records, so nothing here is audited (a link's child, when selected, is a compiled read
 * of its own, with its audit: src/services/link-query.ts).
 */

/** The arguments of a page of households, checked. */
export interface HouseholdPageArgs { filter?: AdopterHouseholdFilter | null; first: number; after?: string | null }

/** A household's JSON from row `x` (a row of adopter_household), its relations built as nested JSON. */
function householdJson(c: ReadCompiler, sc: SelectionContext, plan: RecordPlan, x: string): string {
  const relations: Partial<Record<HouseholdField, () => string>> = {};
  const adopters = plan.nodes.get('adopters');
  if (adopters) {
    const a = planRecord(sc, 'Adopter', adopters);
    relations.adopters = () => `COALESCE((SELECT json_agg(${policedJson(adopterPolicy, c.viewer, c.p, a, 'ad')} ORDER BY ad.position)
      FROM adopter ad WHERE ad.household_id = ${x}.id AND ${rowScope(adopterPolicy, c.viewer, c.p, 'ad')}), '[]'::json)`;
  }
  const links = plan.nodes.get('links');
  if (links) {
    // A link's child, sibling group and household are served as their ids; Link's resolvers read them under their own policies.
    const l = planRecord(sc, 'Link', links);
    relations.links = () => `COALESCE((SELECT json_agg(${policedJson(linkPolicy, c.viewer, c.p, l, 'm')} ${LINK_ORDER})
      FROM adoption_match m WHERE m.household_id = ${x}.id AND ${rowScope(linkPolicy, c.viewer, c.p, 'm')}), '[]'::json)`;
  }
  return policedJson(householdPolicy, c.viewer, c.p, plan, x, relations);
}

/** `adopterHousehold(id)`: the household as JSON, or null when it is outside the viewer's scope. */
export function householdById(c: ReadCompiler, sc: SelectionContext, plan: RecordPlan, id: string): string {
  const where = `h.id = ${c.p.add(id)}::uuid AND ${rowScope(householdPolicy, c.viewer, c.p, 'h')}`;
  return c.root(`(SELECT ${householdJson(c, sc, plan, 'h')} FROM adopter_household h WHERE ${where})`, true);
}

/** A keyset page of `adopterHouseholds` (longest approved first) as an AdopterHouseholdConnection's JSON. */
export function householdsPage(c: ReadCompiler, sc: SelectionContext, plan: RecordConnectionPlan, args: HouseholdPageArgs): string {
  const p = c.p;
  // Refusals (a filter on a field the viewer may not read everywhere) and bad cursors come before any SQL.
  const where = [householdWhere(c.viewer, p, args.filter ?? undefined)];
  const pos = args.after ? checkKeysetPosition(decodeCursor(args.after, 'APPROVED_ON'), 'date') : null;
  let page: CompiledPage | null = null;
  if (needsPageRows(plan)) {
    if (pos) {
      const id = p.add(pos.id);
      where.push(pos.value === null ? `(h.approved_on IS NULL AND h.id > ${id}::uuid)` : keysetAfter(p.add(pos.value), id));
    }
    const first = p.add(args.first);
    const order = 'h.approved_on ASC NULLS LAST, h.id';
    const rows = c.addCte('h', `SELECT h.*, h.approved_on AS _sort, row_number() OVER (ORDER BY ${order}) AS _ord FROM adopter_household h
      WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${first}::int + 1`);
    let orderLit: string | undefined; // added on first use: an unused parameter has no type and fails the statement
    page = {
      rows, served: `(SELECT * FROM ${rows} hp WHERE hp._ord <= ${first}::int)`, first,
      cursor: (x) => cursorSql(orderLit ??= p.add('APPROVED_ON'), `${x}._sort`, `${x}.id`),
      node: (node, x) => householdJson(c, sc, node, x),
    };
  }
  const pairs = edgesAndPageInfo(p, plan, page, !!args.after);
  if (plan.totalCount) {
    pairs.push(`'totalCount', (SELECT count(*)::int FROM adopter_household h WHERE ${householdWhere(c.viewer, p, args.filter ?? undefined)})`);
  }
  return c.root(`json_build_object(${pairs.join(', ')})`);
}
