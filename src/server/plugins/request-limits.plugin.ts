import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { clientError } from '../../policy/errors';
import { MAX_PAGE_SIZE } from '../../services/cursor';

/** Limits on one operation. */
export interface RequestLimitOptions {
  /** Deepest nesting of fields allowed (fragments expanded). */
  maxDepth: number;
  /** Highest estimated cost: each field costs 1, times the page size of the lists above it. */
  maxCost: number;
}

export const DEFAULT_LIMITS: RequestLimitOptions = { maxDepth: 10, maxCost: 20_000 };

/** A list field with `first` costs its children times the page size asked for (with variables applied). */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(1, Math.min(args.first, MAX_PAGE_SIZE));
  return undefined;
};

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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const depth = depthOf((operation as OperationDefinitionNode).selectionSet, fragments, new Set());
          if (depth > opts.maxDepth) throw clientError('TOO_COMPLEX', `The query nests ${depth} levels deep; the limit is ${opts.maxDepth}.`);
          const cost = getComplexity({
            schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {},
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > opts.maxCost) throw clientError('TOO_COMPLEX', `The query would cost ${cost}; the limit is ${opts.maxCost}. Ask for fewer records or fields.`);
        },
      };
    },
  };
}
