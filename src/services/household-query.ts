import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { adopterPolicy, AdopterField } from '../policy/adopter-policy';
import { assertCanFilterOn, PolicedRow, policeRow, rowScope, selectList } from '../policy/enforce';
import { HouseholdField, householdPolicy } from '../policy/household-policy';
import { SqlParams } from '../policy/sql-params';
import { AdopterHouseholdFilter } from '../../schema/inputs/household-filter.input';
import { checkKeysetPosition, decodeCursor, encodeCursor } from './cursor';

/** Every household field, selected through the policy. */
export const HOUSEHOLD_FIELDS: readonly HouseholdField[] = Object.keys(householdPolicy.columns) as HouseholdField[];

/** A household as served. */
export type HouseholdRow = PolicedRow<Record<HouseholdField, unknown>>;
/** An adopter as served, with the household it belongs to. */
export type AdopterRow = PolicedRow<Record<AdopterField, unknown> & { _household: string }>;

/** Households by id within the viewer's scope. One statement. */
export async function householdsByIds(sql: Sql, viewer: Viewer, ids: readonly string[]): Promise<HouseholdRow[]> {
  const p = new SqlParams();
  const text = `SELECT ${selectList(householdPolicy, viewer, p, 'h', HOUSEHOLD_FIELDS)} FROM adopter_household h
    WHERE h.id = ANY(${p.add(ids)}::uuid[]) AND ${rowScope(householdPolicy, viewer, p, 'h')}`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

/** The adopters of each household, only where the household is in the viewer's scope. One statement. */
export async function adoptersOfHouseholds(sql: Sql, viewer: Viewer, householdIds: readonly string[]): Promise<AdopterRow[]> {
  const p = new SqlParams();
  const fields = Object.keys(adopterPolicy.columns) as AdopterField[];
  const text = `SELECT ${selectList(adopterPolicy, viewer, p, 'ad', fields)}, ad.household_id AS "_household"
    FROM adopter ad
    WHERE ad.household_id = ANY(${p.add(householdIds)}::uuid[]) AND ${rowScope(adopterPolicy, viewer, p, 'ad')}
    ORDER BY ad.household_id, ad.position`;
  return (await sql.query(text, p.values)).map((r) => policeRow(r));
}

export function householdWhere(viewer: Viewer, p: SqlParams, filter?: AdopterHouseholdFilter): string {
  const used: HouseholdField[] = [];
  if (filter?.stages) used.push('stage');
  if (filter?.livesIn) used.push('livesIn');
  if (filter?.references) used.push('reference');
  assertCanFilterOn(householdPolicy, viewer, used, 'filter');
  const parts = [rowScope(householdPolicy, viewer, p, 'h')];
  if (filter?.stages) parts.push(`h.stage = ANY(${p.add(filter.stages)}::text[])`);
  if (filter?.livesIn) parts.push(`h.lives_in = ANY(${p.add(filter.livesIn)}::text[])`);
  if (filter?.references) parts.push(`h.reference = ANY(${p.add(filter.references)}::text[])`);
  return parts.join(' AND ');
}

export function keysetAfter(value: string, id: string): string {
  return `(h.approved_on > ${value}::date OR (h.approved_on = ${value}::date AND h.id > ${id}::uuid) OR h.approved_on IS NULL)`;
}

/** One page of households in the viewer's scope, longest-approved first, keyset-paginated. */
export async function householdsPage(sql: Sql, viewer: Viewer, args: { filter?: AdopterHouseholdFilter; first: number; after?: string | null }) {
  const p = new SqlParams();
  const where = [householdWhere(viewer, p, args.filter)];
  if (args.after) {
    const pos = checkKeysetPosition(decodeCursor(args.after, 'APPROVED_ON'), 'date');
    const id = p.add(pos.id);
    where.push(pos.value === null
      ? `(h.approved_on IS NULL AND h.id > ${id}::uuid)`
      : keysetAfter(p.add(pos.value), id));
  }
  const text = `SELECT ${selectList(householdPolicy, viewer, p, 'h', HOUSEHOLD_FIELDS)}, h.approved_on AS "_sort"
    FROM adopter_household h WHERE ${where.join(' AND ')}
    ORDER BY h.approved_on ASC NULLS LAST, h.id LIMIT ${p.add(args.first + 1)}`;
  const rows = (await sql.query(text, p.values)).map((r) => policeRow<Record<string, unknown>>(r));
  return {
    rows: rows.slice(0, args.first) as unknown as HouseholdRow[],
    hasNextPage: rows.length > args.first,
    cursorOf: (row: HouseholdRow) => encodeCursor({ order: 'APPROVED_ON', value: (row as unknown as { _sort: string | null })._sort ?? null, id: String(row.id) }),
  };
}

/** Households matching the filter in the viewer's scope. */
export async function countHouseholds(sql: Sql, viewer: Viewer, filter?: AdopterHouseholdFilter): Promise<number> {
  const p = new SqlParams();
  const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM adopter_household h WHERE ${householdWhere(viewer, p, filter)}`, p.values);
  return rows[0].n;
}
