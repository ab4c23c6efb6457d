import { Viewer } from '../auth/viewer';
import { ChildFilter } from '../../schema/inputs/child-filter.input';
import { ageMonthsSql, ChildField, childPolicy } from '../policy/child-policy';
import { assertCanFilterOn, readability, rowScope } from '../policy/enforce';
import { forbidden } from '../policy/errors';
import { EntityPolicy } from '../policy/policy-types';
import { siblingGroupPolicy } from '../policy/sibling-group-policy';
import { SqlParams } from '../policy/sql-params';
import { childWhere } from '../services/child-filter-sql';
import { CHILD_ORDERINGS } from '../services/child-order';
import { checkKeysetPosition, decodeCursor } from '../services/cursor';
import { ChildPlan, ConnectionPlan, GroupPlan } from './plan';
import { StatementParts, statementText } from './statement-merge';

/**
 * The policy compiler: plan + viewer -> one SQL statement. Every set of records is a CTE carrying the viewer's row
 * scope (src/policy's tables, read through enforce.ts, never restated here); each field is its policy column, a
 * CASE on the field rule with an `a_<field>` flag, or absent; the response's JSON is built in PostgreSQL; and the
 * access-log entry for every child the statement serves is inserted by a data-modifying CTE of the same statement,
 * so a read and its audit commit together or not at all.
 *
 * Every value goes through SqlParams, so the text depends only on the plan and the viewer's kind (roles, org kind):
 * it is the prepared statement's identity.
 */

/** A set of children the statement serves (a CTE), with the set of its sibling groups when they are selected. */
interface ChildSet { cte: string; plan: ChildPlan; group?: GroupSet; keyed?: boolean }
/** A set of sibling groups (a CTE), with the set of their in-scope children when they are selected. */
interface GroupSet { cte: string; plan: GroupPlan; children?: ChildSet; keyed?: boolean }

/** Arguments of a page of children. */
export interface PageArgs { filter?: ChildFilter | null; orderBy?: string | null; first: number; after?: string | null }

/** Fields that are relations (built as nested JSON from their own sets), not columns, per entity. */
const RELATIONS: Record<string, readonly string[]> = { Child: ['authority', 'siblingGroup'], SiblingGroup: ['children'] };

const q = (name: string) => `"${name}"`;
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Builds one statement out of any number of root reads (each one a SELECT column of the final row). */
export class ReadCompiler {
  readonly p = new SqlParams();
  private readonly ctes: string[] = [];
  private readonly audits: string[] = [];
  private readonly columns: string[] = [];
  private n = 0;
  private pointReadsOnly = true;

  constructor(readonly viewer: Viewer) {}

  private next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  /**
   * Adds a root read; returns the column holding its JSON (also for the record compilers beside this one). A `point`
   * read serves one record by id (and what hangs off it): statements of point reads only may run merged
   * (src/compiler/statement-merge.ts), since their commit is most of what they cost. A page's own work is most of its
   * cost, and merged pages ran slower per read than alone (measured at national scale, docs/read-compiler.md).
   */
  root(expr: string, point = false): string {
    if (!point) this.pointReadsOnly = false;
    const col = `r${this.columns.length}`;
    this.columns.push(`${expr} AS ${col}`);
    return col;
  }

  /** Adds a CTE holding `body` (for the record compilers beside this one); returns its name. */
  addCte(prefix: string, body: string): string {
    const name = this.next(prefix);
    this.ctes.push(`${name} AS (${body})`);
    return name;
  }

  /** `child(id)`: the child as JSON, or null when it is outside the viewer's scope. */
  childById(plan: ChildPlan, id: string): string {
    const set = this.childSet(plan, `WHERE c.id = ${this.p.add(id)}::uuid AND ${rowScope(childPolicy, this.viewer, this.p, 'c')}`);
    return this.root(`(SELECT ${this.childJson(set, 'x')} FROM ${set.cte} x)`, true);
  }

  /** Children by id within the viewer's scope (absent ids are missing), as a JSON array; each carries `$id`. */
  childrenByIds(plan: ChildPlan, ids: readonly string[]): string {
    const set = this.childSet(plan, `WHERE c.id = ANY(${this.p.add(ids)}::uuid[]) AND ${rowScope(childPolicy, this.viewer, this.p, 'c')}`);
    set.keyed = true;
    return this.root(`COALESCE((SELECT json_agg(${this.childJson(set, 'x')}) FROM ${set.cte} x), '[]'::json)`);
  }

  /** `siblingGroup(id)`: the group as JSON, or null when it is outside the viewer's scope. */
  groupById(plan: GroupPlan, id: string): string {
    const set = this.groupSet(plan, `${this.p.add(id)}::uuid`, true);
    return this.root(`(SELECT ${this.groupJson(set, 'y')} FROM ${set.cte} y)`, true);
  }

  /** Sibling groups by id within the viewer's scope, as a JSON array; each carries `$id`. */
  groupsByIds(plan: GroupPlan, ids: readonly string[]): string {
    const set = this.groupSet(plan, `SELECT unnest(${this.p.add(ids)}::uuid[])`);
    set.keyed = true;
    return this.root(`COALESCE((SELECT json_agg(${this.groupJson(set, 'y')}) FROM ${set.cte} y), '[]'::json)`);
  }

  /** A keyset page of children (`children`, a saved search's `results`) as a ChildConnection's JSON. */
  childrenPage(plan: ConnectionPlan, args: PageArgs): string {
    const orderName = args.orderBy ?? 'DAYS_WAITING';
    const order = CHILD_ORDERINGS[orderName];
    if (!order) throw forbidden(`Unknown ordering ${orderName}.`);
    // Refusals come before any SQL: a sort or filter on a field the viewer may not read everywhere is FORBIDDEN.
    assertCanFilterOn(childPolicy, this.viewer, [order.field], 'sort');
    // A bad cursor is BAD_USER_INPUT whatever is selected (even totalCount alone).
    const pos = args.after ? checkKeysetPosition(decodeCursor(args.after, orderName), order.cast) : null;
    const p = this.p;
    const pairs: string[] = [];
    const needsRows = plan.edges || [...plan.pageInfo].some((f) => f !== 'hasPreviousPage');
    if (needsRows) {
      const where = [childWhere(this.viewer, p, args.filter ?? undefined)];
      const sortExpr = order.sql('c');
      if (pos) {
        const id = p.add(pos.id);
        if (pos.value === null) {
          where.push(`(${sortExpr} IS NULL AND c.id > ${id}::uuid)`);
        } else {
          const v = `${p.add(pos.value)}::${order.cast}`;
          where.push(`(${sortExpr} ${order.descending ? '<' : '>'} ${v} OR (${sortExpr} = ${v} AND c.id > ${id}::uuid) OR ${sortExpr} IS NULL)`);
        }
      }
      const orderBy = `${sortExpr} ${order.descending ? 'DESC' : 'ASC'} NULLS LAST, c.id ASC`;
      const first = p.add(args.first);
      const set = this.childSet(plan.node ?? { fields: new Set() },
        `WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ${first}::int + 1`,
        `${sortExpr} AS _sort, row_number() OVER (ORDER BY ${orderBy}) AS _ord`,
        `_ord <= ${first}::int`);
      let orderLit: string | undefined; // added on first use: an unused parameter has no type and fails the statement
      const cursor = (x: string) =>
        `translate(encode(convert_to(json_build_array(${orderLit ??= p.add(orderName)}::text, ${x}._sort, ${x}.id)::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
      if (plan.edges) {
        const edge: string[] = [];
        if (plan.edgeCursor) edge.push(`'cursor', ${cursor('x')}`);
        if (plan.node) edge.push(`'node', ${this.childJson(set, 'x')}`);
        pairs.push(`'edges', COALESCE((SELECT json_agg(json_build_object(${edge.join(', ')}) ORDER BY x._ord) FROM ${set.cte} x), '[]'::json)`);
      }
      const info: string[] = [];
      if (plan.pageInfo.has('hasNextPage')) info.push(`'hasNextPage', (SELECT count(*) FROM ${set.cte}_all) > ${first}::int`);
      if (plan.pageInfo.has('startCursor')) info.push(`'startCursor', (SELECT ${cursor('x')} FROM ${set.cte} x WHERE x._ord = 1)`);
      if (plan.pageInfo.has('endCursor')) info.push(`'endCursor', (SELECT ${cursor('x')} FROM ${set.cte} x ORDER BY x._ord DESC LIMIT 1)`);
      if (plan.pageInfo.has('hasPreviousPage')) info.push(`'hasPreviousPage', ${p.add(!!args.after)}::boolean`);
      pairs.push(`'pageInfo', json_build_object(${info.join(', ')})`);
      // A cursor carries the child's id: handing one out is a read of that child.
      const cursorRows = [
        plan.edgeCursor ? 'true' : null,
        plan.pageInfo.has('startCursor') ? 'x._ord = 1' : null,
        plan.pageInfo.has('endCursor') ? `x._ord = (SELECT max(_ord) FROM ${set.cte})` : null,
      ].filter(Boolean);
      if (cursorRows.length) {
        this.audits.push(`SELECT x.id, x._owner AS owner, 'cursor' AS fields, '' AS refused FROM ${set.cte} x WHERE ${cursorRows.join(' OR ')}`);
      }
    } else {
      pairs.push(`'pageInfo', json_build_object('hasPreviousPage', ${p.add(!!args.after)}::boolean)`);
    }
    if (plan.totalCount) {
      pairs.push(`'totalCount', (SELECT count(*)::int FROM child c WHERE ${childWhere(this.viewer, p, args.filter ?? undefined)})`);
    }
    return this.root(`json_build_object(${pairs.join(', ')})`);
  }

  /** A CTE of children: the policy's columns for the plan's fields, the owner and group for relations and audit. */
  private childSet(plan: ChildPlan, body: string, extra?: string, served?: string): ChildSet {
    const cte = this.next('c');
    const cols = ['c.id AS id', 'c.authority AS _owner', 'c.sibling_group_id AS _group', ...this.fieldColumns(childPolicy, plan.fields, 'c')];
    if (extra) cols.push(extra);
    // The owning authority joined once for the set (a subquery per child served made PostgreSQL scan the authority
    // table once per child: a third of the family-finding page's database time).
    const withAuthority = plan.fields.has('authority');
    if (withAuthority) cols.push('au.name AS _au_name', 'au.kind AS _au_kind', 'au.la_number AS _au_la', 'au.raa_code AS _au_raa');
    const select = `SELECT ${cols.join(', ')} FROM child c${withAuthority ? ' LEFT JOIN authority au ON au.code = c.authority' : ''} ${body}`;
    if (served) {
      this.ctes.push(`${cte}_all AS (${select})`, `${cte} AS (SELECT * FROM ${cte}_all WHERE ${served})`);
    } else {
      this.ctes.push(`${cte} AS (${select})`);
    }
    const set: ChildSet = { cte, plan };
    if (plan.group) {
      const allowed = this.flagOf(childPolicy, 'siblingGroup', 'x');
      set.group = this.groupSet(plan.group, `SELECT x._group FROM ${cte} x WHERE x._group IS NOT NULL AND ${allowed}`);
    }
    this.auditFields(set);
    return set;
  }

  /** A CTE of sibling groups among `ids` (a subquery, or one id when `single`), in the viewer's scope. */
  private groupSet(plan: GroupPlan, ids: string, single = false): GroupSet {
    const cte = this.next('g');
    const cols = ['g.id AS id', ...this.fieldColumns(siblingGroupPolicy, plan.fields, 'g')];
    const match = single ? `g.id = ${ids}` : `g.id IN (${ids})`;
    this.ctes.push(`${cte} AS (SELECT ${cols.join(', ')} FROM sibling_group g WHERE ${match} AND ${rowScope(siblingGroupPolicy, this.viewer, this.p, 'g')})`);
    const set: GroupSet = { cte, plan };
    if (plan.children) {
      set.children = this.childSet(plan.children,
        `WHERE c.sibling_group_id IN (SELECT id FROM ${cte}) AND ${rowScope(childPolicy, this.viewer, this.p, 'c')}`,
        `${ageMonthsSql('c')} AS _age`);
    }
    return set;
  }

  /** The SELECT columns of `fields`: `v_<f>` for readable values (CASE when conditional), `a_<f>` flags. */
  private fieldColumns<F extends string>(policy: EntityPolicy<F>, fields: Iterable<F>, alias: string): string[] {
    const cols: string[] = [];
    for (const f of fields) {
      const r = readability(policy, this.viewer, f);
      const relation = RELATIONS[policy.entity]?.includes(f) ?? false;
      const col = policy.columns[f](alias);
      if (r.kind === 'always') {
        if (!relation) cols.push(`${col} AS ${q(`v_${f}`)}`);
      } else if (r.kind === 'some') {
        const allowed = r.allowedSql(this.p, alias);
        if (!relation) cols.push(`CASE WHEN ${allowed} THEN ${col} END AS ${q(`v_${f}`)}`);
        cols.push(`COALESCE(${allowed}, false) AS ${q(`a_${f}`)}`);
      }
    }
    return cols;
  }

  /** SQL true when field `f` is readable on row `x` (a constant when the rule does not vary by row). */
  private flagOf<F extends string>(policy: EntityPolicy<F>, f: F, x: string): string {
    const r = readability(policy, this.viewer, f);
    return r.kind === 'always' ? 'true' : r.kind === 'never' ? 'false' : `${x}.${q(`a_${f}`)}`;
  }

  /** The JSON array of the fields refused on row `x` (the result's refusal flags). */
  private refusedJson<F extends string>(policy: EntityPolicy<F>, fields: Iterable<F>, x: string): string {
    const parts: string[] = [];
    for (const f of fields) {
      const flag = this.flagOf(policy, f, x);
      if (flag === 'false') parts.push(str(f));
      else if (flag !== 'true') parts.push(`CASE WHEN NOT ${flag} THEN ${str(f)} END`);
    }
    return parts.length ? `array_remove(ARRAY[${parts.join(', ')}]::text[], NULL)` : `ARRAY[]::text[]`;
  }

  /** A value of row `x`: the column, or NULL when the field is never readable (it was not selected at all). */
  private value<F extends string>(policy: EntityPolicy<F>, f: F, x: string, expr: string): string {
    const flag = this.flagOf(policy, f, x);
    if (flag === 'true') return expr;
    if (flag === 'false') return 'NULL';
    return `CASE WHEN ${flag} THEN ${expr} END`;
  }

  /** A child's JSON from row `x` of its set: values, relations and `$r`, the refused fields. */
  private childJson(set: ChildSet, x: string): string {
    const pairs: string[] = [];
    for (const f of set.plan.fields) {
      if (f === 'authority') {
        pairs.push(`'authority', ${this.value(childPolicy, f, x, `CASE WHEN ${x}._au_name IS NOT NULL THEN json_build_object('code', ${x}._owner,
          'name', ${x}._au_name, 'kind', ${x}._au_kind, 'laNumber', ${x}._au_la, 'raaCode', ${x}._au_raa) END`)}`);
      } else if (f === 'siblingGroup') {
        const y = `${x}g`;
        const json = set.group ? `(SELECT ${this.groupJson(set.group, y)} FROM ${set.group.cte} ${y} WHERE ${y}.id = ${x}._group)` : 'NULL';
        pairs.push(`'siblingGroup', ${this.value(childPolicy, f, x, json)}`);
      } else {
        pairs.push(`${str(f)}, ${this.flagOf(childPolicy, f, x) === 'false' ? 'NULL' : `${x}.${q(`v_${f}`)}`}`);
      }
    }
    pairs.push(`'$r', ${this.refusedJson(childPolicy, set.plan.fields, x)}`);
    if (set.keyed) pairs.push(`'$id', ${x}.id`);
    return `json_build_object(${pairs.join(', ')})`;
  }

  /** A sibling group's JSON from row `y` of its set, with its in-scope children eldest first. */
  private groupJson(set: GroupSet, y: string): string {
    const pairs: string[] = [];
    for (const f of set.plan.fields) pairs.push(`${str(f)}, ${this.flagOf(siblingGroupPolicy, f, y) === 'false' ? 'NULL' : `${y}.${q(`v_${f}`)}`}`);
    const fields: ('id' | 'authority' | 'sourceId' | 'placeTogether' | 'children')[] = [...set.plan.fields];
    if (set.children) {
      const z = `${y}c`;
      // Eldest first by readable age, so the order reveals no exact birth date.
      pairs.push(`'children', ${this.value(siblingGroupPolicy, 'children', y, `COALESCE((SELECT json_agg(${this.childJson(set.children, z)}
        ORDER BY ${z}._age DESC NULLS LAST, ${z}.id) FROM ${set.children.cte} ${z} WHERE ${z}._group = ${y}.id), '[]'::json)`)}`);
      fields.push('children');
    }
    pairs.push(`'$r', ${this.refusedJson(siblingGroupPolicy, fields, y)}`);
    if (set.keyed) pairs.push(`'$id', ${y}.id`);
    return `json_build_object(${pairs.join(', ')})`;
  }

  /**
   * The audit columns of one row: the fields served and the fields refused, each a sorted comma-separated list ('' for
   * none). A flag is SQL true/false/an expression; when every flag is a constant (the usual case: the rules do not vary
   * by row for this viewer) both lists are constants, so PostgreSQL does no per-field work for the audit.
   */
  private fieldLists(flags: [string, string][]): { fields: string; refused: string } {
    const sorted = [...flags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (sorted.every(([, ok]) => ok === 'true' || ok === 'false')) {
      return {
        fields: str(sorted.filter(([, ok]) => ok === 'true').map(([f]) => f).join(',')),
        refused: str(sorted.filter(([, ok]) => ok === 'false').map(([f]) => f).join(',')),
      };
    }
    // array_to_string leaves out the NULLs: the fields whose flag is off on this row.
    const list = (when: (ok: string) => string | null) => `array_to_string(ARRAY[${sorted.map(([f, ok]) => {
      const cond = when(ok);
      return cond === null ? 'NULL' : cond === 'true' ? str(f) : `CASE WHEN ${cond} THEN ${str(f)} END`;
    }).join(', ')}]::text[], ',')`;
    return {
      fields: list((ok) => (ok === 'false' ? null : ok)),
      refused: list((ok) => (ok === 'true' ? null : ok === 'false' ? 'true' : `NOT ${ok}`)),
    };
  }

  /** Registers the audit row of each child of a set: its selected fields, served or refused. */
  private auditFields(set: ChildSet): void {
    if (!set.plan.fields.size) return;
    const { fields, refused } = this.fieldLists([...set.plan.fields].map((f) => [f, this.flagOf(childPolicy, f, 'x')]));
    this.audits.push(`SELECT x.id, x._owner AS owner, ${fields} AS fields, ${refused} AS refused FROM ${set.cte} x`);
  }

  /** Extra fields recorded as served for children a caller read outside the statement (e.g. suggestion reasons). */
  auditAlsoServed(ids: readonly string[], fields: readonly ChildField[]): void {
    if (!ids.length || !fields.length) return;
    const ps = this.p;
    const lists = this.fieldLists(fields.map((f) => [f, 'true']));
    this.audits.push(`SELECT c.id, c.authority AS owner, ${lists.fields} AS fields, ${lists.refused} AS refused FROM child c
      WHERE c.id = ANY(${ps.add(ids)}::uuid[]) AND ${rowScope(childPolicy, this.viewer, ps, 'c')}`);
  }

  /**
   * Children whose ids `source` (a SQL subquery over the statement's CTEs) selects, within the viewer's scope, as a
   * JSON array; each carries `$id`. Their selected fields are audited like any other set's.
   */
  childrenIn(plan: ChildPlan, source: string): string {
    const set = this.childSet(plan, `WHERE c.id IN (${source}) AND ${rowScope(childPolicy, this.viewer, this.p, 'c')}`);
    set.keyed = true;
    return this.root(`COALESCE((SELECT json_agg(${this.childJson(set, 'x')}) FROM ${set.cte} x), '[]'::json)`);
  }

  /** Sibling groups whose ids `source` (a SQL subquery) selects, within the viewer's scope, as a JSON array keyed by `$id`. */
  groupsIn(plan: GroupPlan, source: string): string {
    const set = this.groupSet(plan, source);
    set.keyed = true;
    return this.root(`COALESCE((SELECT json_agg(${this.groupJson(set, 'y')}) FROM ${set.cte} y), '[]'::json)`);
  }

  /**
   * Audits `fields` of the children whose ids `source` (a SQL subquery) selects, within the viewer's scope: each
   * field as served or refused by the policy on that child's row (for values a caller derived from them, e.g. the
   * sentences of a suggestion's reasons).
   */
  auditChildren(source: string, fields: readonly ChildField[]): void {
    if (!fields.length) return;
    const ps = this.p;
    const flags = fields.map((f): [string, string] => {
      const r = readability(childPolicy, this.viewer, f);
      return [f, r.kind === 'always' ? 'true' : r.kind === 'never' ? 'false' : `COALESCE(${r.allowedSql(ps, 'c')}, false)`];
    });
    const lists = this.fieldLists(flags);
    this.audits.push(`SELECT c.id, c.authority AS owner, ${lists.fields} AS fields, ${lists.refused} AS refused FROM child c
      WHERE c.id IN (${source}) AND ${rowScope(childPolicy, this.viewer, ps, 'c')}`);
  }

  /** True when nothing was added (no statement needs to run). */
  get empty(): boolean {
    return this.columns.length === 0 && this.audits.length === 0;
  }

  /**
   * Adds one root read with `add`; if it throws (a refusal or bad input, always before anything runs), everything it
   * had added is taken back, so the other root reads of the operation still form a valid statement.
   */
  attempt<T>(add: (c: this) => T): T {
    const mark = { values: this.p.values.length, ctes: this.ctes.length, audits: this.audits.length, columns: this.columns.length };
    try {
      return add(this);
    } catch (err) {
      this.p.values.length = mark.values;
      this.ctes.length = mark.ctes;
      this.audits.length = mark.audits;
      this.columns.length = mark.columns;
      throw err;
    }
  }

  /**
   * The statement: every CTE, the access-log insert over every child served (one entry per child, its fields
   * served and refused across all the places it appears), and one row whose columns are the root reads' JSON.
   * A child served in several places gets its places' lists joined as they are (a field may repeat, '' may appear):
   * the one reader of the lists, `access_entry_fields` (migration 1763810400000), takes each field once, sorted,
   * across all of a request's statements anyway, so the write does no per-field work.
   */
  build(audit: { requestId: string; operationName: string | null }): { text: string; values: unknown[]; requestIdAt: number | null; merge: StatementParts | null } {
    const p = this.p;
    const ctes = [...this.ctes];
    let requestIdAt: number | null = null;
    if (this.audits.length) {
      const v = this.viewer;
      requestIdAt = p.values.length;
      ctes.push(`audit AS (INSERT INTO access_read (request_id, viewer_sub, viewer_org, viewer_roles, operation_name, children, owners, fields, refused)
  SELECT ${p.add(audit.requestId)}, ${p.add(v.sub)}, ${p.add(v.org)}, ${p.add(v.roles)}::text[], ${p.add(audit.operationName)}::text,
    array_agg(e.id ORDER BY e.id), array_agg(e.owner ORDER BY e.id), array_agg(e.fields ORDER BY e.id), array_agg(e.refused ORDER BY e.id)
  FROM (SELECT u.id, u.owner, string_agg(u.fields, ',') AS fields, string_agg(u.refused, ',') AS refused
    FROM (${this.audits.join('\n    UNION ALL ')}) u GROUP BY u.id, u.owner) e
  HAVING count(*) > 0)`);
    }
    const columns = this.columns.length ? this.columns : ['NULL AS r_'];
    const text = statementText({ ctes, columns });
    // Only statements of point reads may run merged (`root`); their pieces are what a merge puts side by side.
    const merge = this.columns.length && this.pointReadsOnly ? { ctes, columns } : null;
    return { text, values: p.values, requestIdAt, merge };
  }
}
