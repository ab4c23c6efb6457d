import {
  FieldNode, FragmentDefinitionNode, getNamedType, GraphQLObjectType, GraphQLSchema, isObjectType,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { ChildField, childPolicy } from '../policy/child-policy';
import { SiblingGroupField } from '../policy/sibling-group-policy';

/**
 * The planner: a GraphQL selection set becomes a plan tree that says, per record position, which fields are asked
 * for (by field name, not alias: every alias of a field reads the same property of the JSON the statement builds).
 * Fragments, inline fragments and @include/@skip are resolved by graphql-js's own field collection, so the plan sees
 * exactly the fields the executor will resolve.
 */

/** What one position holding children asks for. */
export interface ChildPlan {
  /** Child fields selected, scalar and object alike (each one is a field served or refused in the audit). */
  fields: Set<ChildField>;
  /** The sibling group's own plan, when `siblingGroup` is selected. */
  group?: GroupPlan;
}

/** What one position holding sibling groups asks for. */
export interface GroupPlan {
  fields: Set<Exclude<SiblingGroupField, 'children'>>;
  /** The plan of the group's children, when `children` is selected. */
  children?: ChildPlan;
}

/** What a page of children (ChildConnection) asks for. */
export interface ConnectionPlan {
  node?: ChildPlan;
  edgeCursor: boolean;
  edges: boolean;
  pageInfo: Set<'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'>;
  totalCount: boolean;
}

/** The parts of a resolve info the planner needs (the whole operation is planned from them). */
export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

/** One root field of the operation as the executor will see it: its response key, field name, nodes and args. */
export interface RootSelection {
  key: string;
  field: string;
  nodes: readonly FieldNode[];
  args: Record<string, unknown>;
}

const CHILD_FIELDS = new Set<string>(Object.keys(childPolicy.fields));
const GROUP_SCALARS = new Set(['id', 'authority', 'sourceId', 'placeTogether']);

/** The sub-selections of `nodes` on `type`, merged by field name (aliases read one property). */
export function subfields(sc: SelectionContext, type: string, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const t = sc.schema.getType(type);
  if (!t || !isObjectType(t)) throw new Error(`planner: ${type} is not an object type`);
  const byKey = collectSubfields(sc.schema, sc.fragments, sc.variableValues, t, nodes);
  // Merge the response keys by field name: aliases of one field share one property, and their sub-selections merge.
  const byName = new Map<string, FieldNode[]>();
  for (const fieldNodes of byKey.values()) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') continue;
    const list = byName.get(name);
    if (list) list.push(...fieldNodes); else byName.set(name, [...fieldNodes]);
  }
  return byName;
}

/** Plans the Child selection of `nodes` (fields of type Child or [Child]). */
export function planChild(sc: SelectionContext, nodes: readonly FieldNode[]): ChildPlan {
  const plan: ChildPlan = { fields: new Set() };
  for (const [name, fieldNodes] of subfields(sc, 'Child', nodes)) {
    if (!CHILD_FIELDS.has(name)) throw new Error(`planner: Child.${name} is not in the child policy`);
    plan.fields.add(name as ChildField);
    if (name === 'siblingGroup') plan.group = planGroup(sc, fieldNodes);
  }
  return plan;
}

/** Plans the SiblingGroup selection of `nodes`. */
export function planGroup(sc: SelectionContext, nodes: readonly FieldNode[]): GroupPlan {
  const plan: GroupPlan = { fields: new Set() };
  for (const [name, fieldNodes] of subfields(sc, 'SiblingGroup', nodes)) {
    if (name === 'children') plan.children = planChild(sc, fieldNodes);
    else if (GROUP_SCALARS.has(name)) plan.fields.add(name as GroupPlan['fields'] extends Set<infer F> ? F : never);
    else throw new Error(`planner: SiblingGroup.${name} is not planned`);
  }
  return plan;
}

/** Plans a ChildConnection selection (`children`, a saved search's `results`). */
export function planConnection(sc: SelectionContext, nodes: readonly FieldNode[]): ConnectionPlan {
  const plan: ConnectionPlan = { edgeCursor: false, edges: false, pageInfo: new Set(), totalCount: false };
  for (const [name, fieldNodes] of subfields(sc, 'ChildConnection', nodes)) {
    if (name === 'totalCount') plan.totalCount = true;
    else if (name === 'pageInfo') {
      for (const n of subfields(sc, 'PageInfo', fieldNodes).keys()) plan.pageInfo.add(n as 'hasNextPage');
    } else if (name === 'edges') {
      plan.edges = true;
      for (const [e, edgeNodes] of subfields(sc, 'ChildEdge', fieldNodes)) {
        if (e === 'cursor') plan.edgeCursor = true;
        else if (e === 'node') plan.node = planChild(sc, edgeNodes);
      }
    }
  }
  return plan;
}

/** The root fields of the operation (after fragments and directives), with their argument values. */
export function rootSelections(sc: SelectionContext, rootType: GraphQLObjectType, operationSelection: import('graphql').SelectionSetNode): RootSelection[] {
  const out: RootSelection[] = [];
  for (const [key, nodes] of collectFields(sc.schema, sc.fragments, sc.variableValues, rootType, operationSelection)) {
    const field = nodes[0].name.value;
    const def = rootType.getFields()[field];
    if (!def) continue;
    out.push({ key, field, nodes, args: getArgumentValues(def, nodes[0], sc.variableValues) });
  }
  return out;
}

/** The named type a field returns (for assertions in the compiler's callers). */
export function returnTypeName(rootType: GraphQLObjectType, field: string): string {
  return getNamedType(rootType.getFields()[field].type).name;
}
