import {
  FieldNode, GraphQLLeafType, GraphQLObjectType, GraphQLOutputType, isLeafType, isListType, isNonNullType, isObjectType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { isPoliced, isPropertyRead, isRefused, Marked } from '../graphql/policy-guard';
import { SelectionContext } from './plan';

/**
 * The last step of the result shaper for a fully compiled operation: the response's `data`, completed from the
 * statement's JSON the way graphql-js's executor would complete it (response keys and their order from graphql-js's
 * own field collection, aliases, `__typename`, each leaf through its type's `serialize`), without an async resolver
 * per field. It completes only the clean case and otherwise answers NOT_COMPLETED, so graphql-js executes the
 * operation over the same statement's result as before and raises whatever should be raised:
 * - a field the policy refused on this record (its `$r` flag), or a policed record without its marker;
 * - a field with a resolver of its own (anything but a property read, or the policy guard over one);
 * - a null where the schema says non-null, a leaf its type will not serialize, an abstract type.
 * So a response it writes is exactly the one graphql-js would have written, errors never among them.
 */

/** The completer could not complete the value cleanly; graphql-js must execute the operation. */
export const NOT_COMPLETED: unique symbol = Symbol('not completed');

type Completed = unknown | typeof NOT_COMPLETED;

/** The sub-selections of a field on an object type, per field node list and type (graphql-js memoises the same way). */
const subfieldCache = new WeakMap<readonly FieldNode[], Map<GraphQLObjectType, Map<string, readonly FieldNode[]>>>();

/** Completes `value` as a value of `type` selected by `nodes`; NOT_COMPLETED when graphql-js must do it. */
export function completeValue(sc: SelectionContext, type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown, memo: boolean): Completed {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) return NOT_COMPLETED;
    return completeValue(sc, type.ofType, nodes, value, memo);
  }
  if (value === null || value === undefined) return null;
  if (isListType(type)) {
    if (!Array.isArray(value)) return NOT_COMPLETED;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = completeValue(sc, type.ofType, nodes, value[i], memo);
      if (item === NOT_COMPLETED) return NOT_COMPLETED;
      out[i] = item;
    }
    return out;
  }
  if (isLeafType(type)) return serializeLeaf(type, value);
  if (isObjectType(type)) return completeObject(sc, type, nodes, value, memo);
  return NOT_COMPLETED;
}

function serializeLeaf(type: GraphQLLeafType, value: unknown): Completed {
  try {
    const out = type.serialize(value);
    return out === undefined ? NOT_COMPLETED : out;
  } catch {
    return NOT_COMPLETED;
  }
}

function completeObject(sc: SelectionContext, type: GraphQLObjectType, nodes: readonly FieldNode[], value: unknown, memo: boolean): Completed {
  if (typeof value !== 'object') return NOT_COMPLETED;
  // A policed type fails closed, as its isTypeOf does in graphql-js.
  if (type.isTypeOf && !isPoliced(value)) return NOT_COMPLETED;
  const source = value as Marked & Record<string, unknown>;
  const fields = type.getFields();
  const out: Record<string, unknown> = {};
  for (const [key, fieldNodes] of subfieldsOf(sc, type, nodes, memo)) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') {
      out[key] = type.name;
      continue;
    }
    const field = fields[name];
    if (!field || !isPropertyRead(field)) return NOT_COMPLETED;
    if (type.isTypeOf && isRefused(source, name)) return NOT_COMPLETED;
    const completed = completeValue(sc, field.type, fieldNodes, source[name], memo);
    if (completed === NOT_COMPLETED) return NOT_COMPLETED;
    out[key] = completed;
  }
  return out;
}

/** `memo` is false when the operation's selections depend on variables (@include/@skip), so nothing is shared across requests. */
function subfieldsOf(sc: SelectionContext, type: GraphQLObjectType, nodes: readonly FieldNode[], memo: boolean): Map<string, readonly FieldNode[]> {
  if (!memo) return collectSubfields(sc.schema, sc.fragments, sc.variableValues, type, nodes);
  let byType = subfieldCache.get(nodes);
  if (!byType) subfieldCache.set(nodes, byType = new Map());
  let found = byType.get(type);
  if (!found) {
    found = collectSubfields(sc.schema, sc.fragments, sc.variableValues, type, nodes);
    byType.set(type, found);
  }
  return found;
}
