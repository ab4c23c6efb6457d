// The links of children and households, within the viewer's link scope: one statement per batch of parents.
import DataLoader from 'dataloader';
import { GraphQLResolveInfo, print } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { compiledRead } from '../compiler/compiled-reads';
import { planChild, planGroup } from '../compiler/plan';
import type { RequestContext } from '../context/request-context';
import type { Sql } from '../db/sql';
import { PolicedRow, policeRow, rowScope, selectList } from '../policy/enforce';
import { LinkField, linkPolicy } from '../policy/link-policy';
import { SqlParams } from '../policy/sql-params';

const FIELDS = Object.keys(linkPolicy.columns) as LinkField[];

/** A link as served, with the parent it was loaded for. */
export type LinkRow = PolicedRow<Record<LinkField, unknown> & { _parent: string }>;

export const LINK_ORDER = 'ORDER BY COALESCE(m.ended_on, m.adoption_order_on, m.placed_on, m.matched_on, m.matching_panel_on, m.linked_on, m.interest_on) DESC NULLS LAST, m.id';

/** The links of each child (its own, and its sibling group's), in the viewer's scope. One statement. */
export async function linksOfChildren(sql: Sql, viewer: Viewer, childIds: readonly string[]): Promise<LinkRow[]> {
  const p = new SqlParams();
  const text = `SELECT ${selectList(linkPolicy, viewer, p, 'm', FIELDS)}, c.id AS "_parent"
    FROM child c JOIN adoption_match m ON m.child_id = c.id OR (c.sibling_group_id IS NOT NULL AND m.sibling_group_id = c.sibling_group_id)
    WHERE c.id = ANY(${p.add(childIds)}::uuid[]) AND ${rowScope(linkPolicy, viewer, p, 'm')} ${LINK_ORDER}`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

/** The links of each household, in the viewer's scope. One statement. */
export async function linksOfHouseholds(sql: Sql, viewer: Viewer, householdIds: readonly string[]): Promise<LinkRow[]> {
  const p = new SqlParams();
  const text = `SELECT ${selectList(linkPolicy, viewer, p, 'm', FIELDS)}, m.household_id AS "_parent"
    FROM adoption_match m
    WHERE m.household_id = ANY(${p.add(householdIds)}::uuid[]) AND ${rowScope(linkPolicy, viewer, p, 'm')} ${LINK_ORDER}`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

/** One request's link loaders. */
export interface LinkLoaders {
  ofChild: DataLoader<string, LinkRow[]>;
  ofHousehold: DataLoader<string, LinkRow[]>;
}

const group = (keys: readonly string[], rows: LinkRow[]) => {
  const by = new Map<string, LinkRow[]>();
  for (const r of rows) by.set(String(r._parent), [...(by.get(String(r._parent)) ?? []), r]);
  return keys.map((k) => by.get(k) ?? []);
};

// Per request: keyed by the request's context object, so nothing is shared across requests or viewers.
const perRequest = new WeakMap<object, LinkLoaders>();

/** The link loaders of one request (created on first use). */
export function linkLoaders(ctx: object, sql: Sql, viewer: Viewer): LinkLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = {
      ofChild: new DataLoader(async (ids) => group(ids, await linksOfChildren(sql, viewer, ids))),
      ofHousehold: new DataLoader(async (ids) => group(ids, await linksOfHouseholds(sql, viewer, ids))),
    };
    perRequest.set(ctx, l);
  }
  return l;
}

/**
 * A link's child or sibling group, as the selection under `info` asks for it: compiled reads (src/compiler), batched
 * per request and per selection, so the links of a page cost one statement (with the children's audit inside).
 */
export function linkedPart(ctx: RequestContext, info: GraphQLResolveInfo, kind: 'child' | 'group', id: string): Promise<unknown> {
  let byKey = partLoaders.get(ctx);
  if (!byKey) { byKey = new Map(); partLoaders.set(ctx, byKey); }
  const key = `${kind}:${info.fieldNodes.map((n) => print(n)).join('|')}`;
  let loader = byKey.get(key);
  if (!loader) {
    loader = new DataLoader<string, unknown>(async (ids) => {
      const { result, row } = await compiledRead(ctx, info, (c, sc) => (kind === 'child'
        ? c.childrenByIds(planChild(sc, info.fieldNodes), ids)
        : c.groupsByIds(planGroup(sc, info.fieldNodes), ids)));
      const found = new Map(((row[result] ?? []) as { $id: string }[]).map((o) => [o.$id, o]));
      return ids.map((i) => found.get(i) ?? null);
    });
    byKey.set(key, loader);
  }
  return loader.load(id);
}

const partLoaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();
