import { getNamedType, GraphQLObjectType, GraphQLResolveInfo, isInputObjectType, isObjectType, OperationDefinitionNode } from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { checkInputRangesOfType } from '../../schema/inputs/input-range';
import { RequestContext } from '../context/request-context';
import { checkArguments } from '../graphql/argument-checks';
import { ChildField } from '../policy/child-policy';
import { mayCall } from '../policy/operation-policy';
import { checkId, pageSize } from '../services/cursor';
import { planChild, planConnection, planGroup, RootSelection, rootSelections, SelectionContext } from './plan';
import { AccessLogPageArgs, accessLogPage } from './access-log-compiler';
import { householdById, HouseholdPageArgs, householdsPage } from './household-compiler';
import { planRecord, planRecordConnection } from './plan-records';
import { PageArgs, ReadCompiler } from './policy-compiler';
import { completeValue, NOT_COMPLETED } from './response-completer';
import { RootOutcome, ShapedResult } from './result-shaper';
import { StatementParts } from './statement-merge';
import { runCompiled, statementName } from './statement-runner';

/**
 * Where the four layers meet. The first compiled root field the executor resolves plans every compiled root field
 * of the operation (planner), compiles them together with the viewer's policy and the audit insert into one
 * statement (policy compiler), runs it (statement runner) and keeps the result on the request context; each root
 * field then takes its own column (result shaper). So `{ a: child(id: 1) {...} b: children {...} }` is one
 * statement, and a child served in both places is one access-log entry.
 */

type RootRead = (c: ReadCompiler, sc: SelectionContext, r: RootSelection) => string;

/** The root fields compiled into the operation's statement, by field name. */
const ROOT_READS: Record<string, RootRead> = {
  child: (c, sc, r) => c.childById(planChild(sc, r.nodes), checkId(String(r.args.id))),
  children: (c, sc, r) => c.childrenPage(planConnection(sc, r.nodes), pageArgs(r.args)),
  siblingGroup: (c, sc, r) => c.groupById(planGroup(sc, r.nodes), checkId(String(r.args.id))),
  adopterHousehold: (c, sc, r) => householdById(c, sc, planRecord(sc, 'AdopterHousehold', r.nodes), checkId(String(r.args.id))),
  adopterHouseholds: (c, sc, r) => householdsPage(c, sc, planRecordConnection(sc, 'AdopterHousehold', 'AdopterHousehold', r.nodes), {
    filter: (r.args.filter as HouseholdPageArgs['filter']) ?? null, first: pageSize(r.args.first as number | null | undefined),
    after: (r.args.after as string | null | undefined) ?? null,
  }),
  accessLog: (c, sc, r) => accessLogPage(c, planRecordConnection(sc, 'AccessLog', 'AccessLogEntry', r.nodes), {
    filter: (r.args.filter as AccessLogPageArgs['filter']) ?? null, first: pageSize(r.args.first as number | null | undefined),
    after: (r.args.after as string | null | undefined) ?? null,
  }),
};

/** The arguments of a page of children, checked. */
export function pageArgs(args: Record<string, unknown>): PageArgs {
  return {
    filter: (args.filter as PageArgs['filter']) ?? null,
    orderBy: (args.orderBy as string | null | undefined) ?? null,
    first: pageSize(args.first as number | null | undefined),
    after: (args.after as string | null | undefined) ?? null,
  };
}

function selectionContext(info: GraphQLResolveInfo): SelectionContext {
  return { schema: info.schema, fragments: info.fragments, variableValues: info.variableValues };
}

/** What compiling a whole operation needs: its selection context, its root type and the operation itself. */
export interface OperationInfo extends SelectionContext {
  rootType: GraphQLObjectType;
  operation: OperationDefinitionNode;
}

/** The declared ranges of a root field's input objects (schema/inputs/input-range.ts), as type-graphql checks them before a resolver runs. */
function checkRanges(rootType: GraphQLObjectType, field: string, args: Record<string, unknown>): void {
  for (const a of rootType.getFields()[field].args) {
    const type = getNamedType(a.type);
    if (isInputObjectType(type)) checkInputRangesOfType(args[a.name], type.name);
  }
}

const operationName = (info: { operation: OperationDefinitionNode }) => info.operation.name?.value ?? null;

/** One operation compiled for one viewer and one set of variables: everything but the request id is the same next time. */
interface Compiled {
  text: string;
  name: string | undefined;
  values: unknown[];
  /** Where the audit's request id sits in `values` (null: nothing audited). */
  requestIdAt: number | null;
  /** The statement's pieces when it may run merged (point reads only), else null. */
  merge: StatementParts | null;
  outcomes: Map<string, RootOutcome>;
}

/**
 * Compiled operations by parsed operation (Apollo's store hands back the same document for the same text), then by
 * variables and viewer (every field of it: roles, organisation, its kind and its RAA's members): the planner and the
 * policy compiler are pure functions of these, so a page asked again is not planned again. Only clean compilations are
 * kept (an error belongs to its request), at most MAX_COMPILED per operation, keys of at most MAX_KEY_LENGTH.
 */
const compiledByOperation = new WeakMap<OperationDefinitionNode, Map<string, Compiled>>();
const MAX_COMPILED = 256;
const MAX_KEY_LENGTH = 2_000;

async function compileOperation(ctx: RequestContext, info: OperationInfo): Promise<ShapedResult> {
  const key = JSON.stringify([info.variableValues, ctx.viewer]);
  let known = compiledByOperation.get(info.operation);
  const hit = key.length <= MAX_KEY_LENGTH ? known?.get(key) : undefined;
  const compiled = hit ?? compileAfresh(ctx, info);
  if (!hit && key.length <= MAX_KEY_LENGTH && ![...compiled.outcomes.values()].some((o) => 'error' in o)) {
    if (!known) compiledByOperation.set(info.operation, known = new Map());
    if (known.size >= MAX_COMPILED) known.clear();
    known.set(key, compiled);
  }
  if (!compiled.text) return new ShapedResult(compiled.outcomes, null);
  let values = compiled.values;
  if (compiled.requestIdAt !== null) {
    values = [...values];
    values[compiled.requestIdAt] = ctx.requestId;
  }
  const row = await runCompiled(ctx.sql, { text: compiled.text, values, name: compiled.name, merge: compiled.merge });
  return new ShapedResult(compiled.outcomes, row);
}

function compileAfresh(ctx: RequestContext, info: OperationInfo): Compiled {
  const sc: SelectionContext = info;
  const compiler = new ReadCompiler(ctx.viewer);
  const outcomes = new Map<string, RootOutcome>();
  for (const r of rootSelections(sc, info.rootType, info.operation.selectionSet)) {
    const read = ROOT_READS[r.field];
    // A field the operation gate refuses is never compiled: its resolver is never called either.
    if (!read || !mayCall(r.field, ctx.viewer.roles)) continue;
    try {
      // The arguments are checked before the planner reads them (the field's own resolver has not run yet).
      checkArguments(info.rootType.name, r.field, r.args);
      checkRanges(info.rootType, r.field, r.args);
      outcomes.set(r.key, { column: compiler.attempt((c) => read(c, sc, r)) });
    } catch (error) {
      outcomes.set(r.key, { error });
    }
  }
  if (compiler.empty) return { text: '', name: undefined, values: [], requestIdAt: null, merge: null, outcomes };
  const built = compiler.build({ requestId: ctx.requestId, operationName: operationName(info) });
  return { ...built, name: statementName(built.text), outcomes };
}

/** The value of a compiled root field (`child`, `children`, `siblingGroup`): one statement for the whole operation. */
export async function compiledRoot(ctx: RequestContext, info: GraphQLResolveInfo): Promise<unknown> {
  ctx.compiled ??= compileOperation(ctx, {
    schema: info.schema, fragments: info.fragments, variableValues: info.variableValues,
    rootType: info.parentType as GraphQLObjectType, operation: info.operation,
  });
  return (await ctx.compiled).value(String(info.path.key));
}

/** The root fields of each operation, when they do not depend on variables (no @include/@skip): shared across requests. */
const rootFieldsOf = new WeakMap<OperationDefinitionNode, ReturnType<typeof collectFields>>();

/**
 * The response's `data` for an operation whose every root field is a compiled read the viewer may call: the one
 * statement runs (kept on the context as for `compiledRoot`), and the response completer writes `data` from its
 * JSON. Null when graphql-js must execute the operation instead: a root field that is not compiled or that the
 * operation gate refuses, or a result the completer leaves to graphql-js (a refusal, an error, a null where the
 * schema says non-null). graphql-js then reads the same statement's result, so the statement never runs twice.
 */
export async function compiledData(ctx: RequestContext, info: OperationInfo, variablesShape: 'static' | 'dynamic'): Promise<Record<string, unknown> | null> {
  if (info.operation.operation !== 'query') return null;
  const memo = variablesShape === 'static';
  let roots = memo ? rootFieldsOf.get(info.operation) : undefined;
  if (!roots) {
    roots = collectFields(info.schema, info.fragments, info.variableValues, info.rootType, info.operation.selectionSet);
    if (memo) rootFieldsOf.set(info.operation, roots);
  }
  let compiled = 0;
  for (const nodes of roots.values()) {
    const field = nodes[0].name.value;
    if (field === '__typename') continue;
    if (!ROOT_READS[field] || !mayCall(field, ctx.viewer.roles)) return null;
    compiled += 1;
  }
  if (compiled === 0) return null;
  ctx.compiled ??= compileOperation(ctx, info);
  let result: ShapedResult;
  try {
    result = await ctx.compiled;
  } catch {
    return null; // graphql-js's root resolvers meet the same failure and report it at their paths
  }
  const data: Record<string, unknown> = {};
  for (const [key, nodes] of roots) {
    const field = nodes[0].name.value;
    if (field === '__typename') { data[key] = info.rootType.name; continue; }
    let value: unknown;
    try {
      value = result.value(key);
    } catch {
      return null;
    }
    const completed = completeValue(info, info.rootType.getFields()[field].type, nodes, value, memo);
    if (completed === NOT_COMPLETED) return null;
    data[key] = completed;
  }
  return data;
}

/**
 * A compiled read below the root (a saved search's results, a suggestion's children): `add` compiles it into a
 * statement of its own, with its audit inside; `alsoServed` records fields a caller read outside the statement.
 */
export async function compiledRead<T>(
  ctx: RequestContext, info: GraphQLResolveInfo, add: (c: ReadCompiler, sc: SelectionContext) => T,
  alsoServed?: { ids: readonly string[]; fields: readonly ChildField[] },
): Promise<{ result: T; row: Record<string, unknown> }> {
  const compiler = new ReadCompiler(ctx.viewer);
  const result = add(compiler, selectionContext(info));
  if (alsoServed) compiler.auditAlsoServed(alsoServed.ids, alsoServed.fields);
  if (compiler.empty) return { result, row: {} };
  const row = await runCompiled(ctx.sql, compiler.build({ requestId: ctx.requestId, operationName: operationName(info) }));
  return { result, row };
}

/** A compiled page of children below the root (a saved search's `results`): one statement, audit inside. */
export async function compiledPage(ctx: RequestContext, info: GraphQLResolveInfo, args: Record<string, unknown>): Promise<unknown> {
  const { result, row } = await compiledRead(ctx, info, (c, sc) => c.childrenPage(planConnection(sc, info.fieldNodes), pageArgs(args)));
  return row[result];
}

/** What a saved search carries once its `results` were compiled with the list: per response key, the page or error. */
export type CompiledResults = Map<string, { value: unknown } | { error: unknown }>;

/**
 * `savedSearches { results }`: every saved search's results, for every aliased `results` field, in ONE statement
 * (so the list is two statements in all, the searches and their results, whatever their number). Each search gets
 * its compiled pages under `$results`; the `results` resolver reads them.
 */
export async function compileSavedSearchResults<R extends { filter: unknown }>(ctx: RequestContext, info: GraphQLResolveInfo, rows: R[]): Promise<(R & { $results: CompiledResults })[]> {
  const sc = selectionContext(info);
  const type = sc.schema.getType('SavedSearch');
  if (!isObjectType(type)) throw new Error('compiled read: SavedSearch is not an object type');
  const compiler = new ReadCompiler(ctx.viewer);
  const perRow = rows.map(() => new Map<string, { column: string } | { error: unknown }>());
  for (const [key, nodes] of collectSubfields(sc.schema, sc.fragments, sc.variableValues, type, info.fieldNodes)) {
    if (nodes[0].name.value !== 'results') continue;
    const plan = planConnection(sc, nodes);
    const args = getArgumentValues(type.getFields().results, nodes[0], sc.variableValues);
    rows.forEach((row, i) => {
      try {
        checkArguments('SavedSearch', 'results', args);
        perRow[i].set(key, { column: compiler.attempt((c) => c.childrenPage(plan, pageArgs({ ...args, filter: row.filter }))) });
      } catch (error) {
        perRow[i].set(key, { error });
      }
    });
  }
  const row = compiler.empty ? {} : await runCompiled(ctx.sql, compiler.build({ requestId: ctx.requestId, operationName: operationName(info) }));
  return rows.map((r, i) => Object.assign(r, {
    $results: new Map([...perRow[i]].map(([k, o]) => [k, 'error' in o ? o : { value: row[o.column] }])) as CompiledResults,
  }));
}
