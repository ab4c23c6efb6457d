import { Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';
import { forbidden } from './errors';
import { ByOrgKind, EntityPolicy, FieldRule } from './policy-types';
import { SqlParams } from './sql-params';

/** Marks the fields of a served row that the viewer may not read (they hold null; resolving them is FORBIDDEN). */
export const REFUSED = Symbol('refused-fields');

/** A row as the policy served it: readable values, nulls for refused fields, and the refused set. */
export type PolicedRow<T> = T & { [REFUSED]: Set<string> };

/** The viewer's roles that reach any rows of this entity. */
export function rolesWithRows<F extends string>(policy: EntityPolicy<F>, viewer: Viewer): Role[] {
  return viewer.roles.filter((r) => {
    const rule = policy.rows[r];
    return rule !== undefined && rule(viewer, new SqlParams(), 'x') !== null;
  });
}

/** True when the viewer may call for this entity's rows at all (the operation gate). */
export function reachesRows<F extends string>(policy: EntityPolicy<F>, viewer: Viewer): boolean {
  return rolesWithRows(policy, viewer).length > 0;
}

/** The WHERE predicate of the viewer's rows: the OR of its roles' row rules; FALSE when none (default deny). */
export function rowScope<F extends string>(policy: EntityPolicy<F>, viewer: Viewer, params: SqlParams, alias: string): string {
  const parts = viewer.roles
    .map((r) => policy.rows[r]?.(viewer, params, alias) ?? null)
    .filter((s): s is string => s !== null);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** The rule one role has for one field, for this viewer's kind of organisation; undefined means deny. */
export function fieldRule<F extends string>(policy: EntityPolicy<F>, field: F, role: Role, viewer: Viewer): FieldRule | undefined {
  const rule = policy.fields[field]?.[role];
  if (rule === undefined || rule === 'allow' || 'when' in rule) return rule;
  return (rule as ByOrgKind)[viewer.orgKind];
}

/** How a field reads for this viewer: on every reachable row, on some rows (a SQL condition), or never. */
export type Readability = { kind: 'always' } | { kind: 'never' } | { kind: 'some'; allowedSql: (p: SqlParams, a: string) => string };

/** Readability of `field`: allowed on a row when some role both reaches the row and may read the field there. */
export function readability<F extends string>(policy: EntityPolicy<F>, viewer: Viewer, field: F): Readability {
  const roles = rolesWithRows(policy, viewer);
  const rules = roles.map((r) => ({ role: r, rule: fieldRule(policy, field, r, viewer) }));
  if (rules.length && rules.every((x) => x.rule === 'allow')) return { kind: 'always' };
  if (rules.every((x) => x.rule === undefined)) return { kind: 'never' };
  return {
    kind: 'some',
    allowedSql: (p, a) => rules
      .filter((x) => x.rule !== undefined)
      .map((x) => {
        const scope = policy.rows[x.role]!(viewer, p, a) as string;
        return x.rule === 'allow' ? `(${scope})` : `(${scope} AND ${(x.rule as { when: (a: string, p: SqlParams) => string }).when(a, p)})`;
      })
      .join(' OR '),
  };
}

/**
 * The SELECT list for `fields`: readable fields as their column, refused ones never selected (null), conditional
 * ones through CASE with an `allow:<field>` flag, so a hidden value never leaves the database.
 */
export function selectList<F extends string>(policy: EntityPolicy<F>, viewer: Viewer, params: SqlParams, alias: string, fields: readonly F[]): string {
  return fields.map((f) => {
    const r = readability(policy, viewer, f);
    const col = policy.columns[f](alias);
    if (r.kind === 'always') return `${col} AS "${f}"`;
    if (r.kind === 'never') return `NULL AS "${f}", false AS "allow:${f}"`;
    const allowed = r.allowedSql(params, alias);
    return `CASE WHEN ${allowed} THEN ${col} END AS "${f}", COALESCE(${allowed}, false) AS "allow:${f}"`;
  }).join(',\n    ');
}

/** Turns a raw row of `selectList` into a policed row: flags removed, refused fields recorded. */
export function policeRow<T>(raw: Record<string, unknown>): PolicedRow<T> {
  const refused = new Set<string>();
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('allow:')) { if (v !== true) refused.add(k.slice(6)); } else row[k] = v;
  }
  return Object.assign(row, { [REFUSED]: refused }) as PolicedRow<T>;
}

/** True when the viewer may filter or sort on `field`: only a field readable on every row it can reach. */
export function canFilterOn<F extends string>(policy: EntityPolicy<F>, viewer: Viewer, field: F): boolean {
  return readability(policy, viewer, field).kind === 'always';
}

/** Refuses, before any data is read, a filter or sort on a field the viewer may not read everywhere. */
export function assertCanFilterOn<F extends string>(policy: EntityPolicy<F>, viewer: Viewer, fields: Iterable<F>, what = 'filter or sort'): void {
  for (const f of fields) {
    if (!canFilterOn(policy, viewer, f)) throw forbidden(`You may not ${what} ${policy.entity} records by ${f}.`);
  }
}
