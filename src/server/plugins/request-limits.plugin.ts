import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, getNullableType, GraphQLError, GraphQLSchema, isListType, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { clientError } from '../../policy/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/cursor';
import { rootFieldCost } from './root-field-costs';

/** Limits on one operation. */
export interface RequestLimitOptions {
  /** Deepest nesting of fields allowed (fragments expanded). */
  maxDepth: number;
  /** Highest estimated cost: each root field its work (root-field-costs.ts), each other field 1, times the page size of the lists above it. */
  maxCost: number;
  /** Most root fields one operation may ask for (aliases and fragments counted); default 20. */
  maxRootFields?: number;
  /** Most aliased fields anywhere in one operation; default 30. */
  maxAliases?: number;
}

/** Variable sets remembered as within the limits, per document. */
const MAX_REMEMBERED = 256;
/** Longest key (operation name and variables as JSON) remembered: a sync batch's variables are megabytes, not a key. */
const MAX_KEY_LENGTH = 2_000;

export const DEFAULT_LIMITS: RequestLimitOptions = { maxDepth: 10, maxCost: 50_000, maxRootFields: 20, maxAliases: 30 };

/** What an unpaged list (e.g. a sibling group's children) is assumed to hold when costing a query. */
const UNPAGED_LIST_SIZE = 10;

/**
 * A field with `first` costs its children times the page size asked for (with variables applied; the default
 * page when absent); any other list costs its children times UNPAGED_LIST_SIZE. A connection's `edges` are
 * already counted by the page size.
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  if ('first' in args || field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * Math.max(1, Math.min(first, MAX_PAGE_SIZE));
  }
  if (field.name !== 'edges' && isListType(getNullableType(field.type))) return 1 + childComplexity * UNPAGED_LIST_SIZE;
  return undefined;
};

/** A root field costs its work on top of what its selection costs (the paged rule, or 1 plus its children). */
const rootFieldEstimator: ComplexityEstimator = (o) => {
  if (o.type.name !== 'Query' && o.type.name !== 'Mutation') return undefined;
  return rootFieldCost(o.field.name) + (pagedEstimator(o) ?? 1 + o.childComplexity);
};

/** The fields of an operation with fragments expanded: how many sit at the root, and how many carry an alias. */
function countFields(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>,
  atRoot: boolean, counts: { root: number; aliases: number }): void {
  if (!set) return;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (atRoot && !sel.name.value.startsWith('__')) counts.root += 1;
      if (sel.alias) counts.aliases += 1;
      countFields(sel.selectionSet, fragments, seen, false, counts);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      countFields(sel.selectionSet, fragments, seen, atRoot, counts);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
      countFields(fragments[sel.name.value]?.selectionSet, fragments, new Set(seen).add(sel.name.value), atRoot, counts);
    }
  }
}

function depthOf(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) max = Math.max(max, sel.name.value.startsWith('__') ? 0 : 1 + depthOf(sel.selectionSet, fragments, seen));
    else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
      const next = new Set(seen).add(sel.name.value);
      max = Math.max(max, depthOf(fragments[sel.name.value]?.selectionSet, fragments, next));
    }
  }
  return max;
}

/**
 * Refuses (TOO_COMPLEX) an operation that nests too deep or would cost too much, once the operation and its
 * variables are known and before anything executes.
 */
export function requestLimitsPlugin(schema: GraphQLSchema, opts: RequestLimitOptions = DEFAULT_LIMITS): ApolloServerPlugin {
  // Operations already found within the limits, by document (Apollo's document store hands back the same parsed
  // document for the same text) and by operation name and variables: a page asked again and again is walked once.
  // Only passes are remembered; each document keeps at most MAX_REMEMBERED variable sets. Mutations (sync batches with
  // their records in the variables) are not remembered: their keys would be the records.
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          // No operation to run (operationName names none, or several operations and no name): Apollo answers that
          // itself (OPERATION_RESOLUTION_FAILURE, masked to BAD_USER_INPUT); there is nothing to cost.
          if (!operation) return;
          const key = (operation as OperationDefinitionNode).operation === 'query'
            ? JSON.stringify([request.operationName ?? null, request.variables ?? {}]) : null;
          const rememberable = key !== null && key.length <= MAX_KEY_LENGTH;
          const known = passed.get(document);
          if (rememberable && known?.has(key)) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const counts = { root: 0, aliases: 0 };
          countFields((operation as OperationDefinitionNode).selectionSet, fragments, new Set(), true, counts);
          const maxRoot = opts.maxRootFields ?? DEFAULT_LIMITS.maxRootFields!;
          const maxAliases = opts.maxAliases ?? DEFAULT_LIMITS.maxAliases!;
          if (counts.root > maxRoot) throw clientError('TOO_COMPLEX', `The operation asks for ${counts.root} root fields; the limit is ${maxRoot}. Send separate requests.`);
          if (counts.aliases > maxAliases) throw clientError('TOO_COMPLEX', `The operation uses ${counts.aliases} aliases; the limit is ${maxAliases}.`);
          const depth = depthOf((operation as OperationDefinitionNode).selectionSet, fragments, new Set());
          if (depth > opts.maxDepth) throw clientError('TOO_COMPLEX', `The query nests ${depth} levels deep; the limit is ${opts.maxDepth}.`);
          let cost: number;
          try {
            cost = getComplexity({
              schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {},
              estimators: [rootFieldEstimator, pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            // Costing coerces the variables first; a variable of the wrong type is the client's mistake.
            throw new GraphQLError(err instanceof Error ? err.message : 'The variables are not valid.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > opts.maxCost) throw clientError('TOO_COMPLEX', `The query would cost ${cost}; the limit is ${opts.maxCost}. Ask for fewer records or fields.`);
          if (!rememberable) return;
          const remembered = known ?? new Set<string>();
          if (remembered.size >= MAX_REMEMBERED) remembered.clear();
          remembered.add(key);
          if (!known) passed.set(document, remembered);
        },
      };
    },
  };
}
