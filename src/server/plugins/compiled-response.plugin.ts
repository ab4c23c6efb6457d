import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { BREAK, DocumentNode, FragmentDefinitionNode, Kind, visit } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compiledData } from '../../compiler/compiled-reads';
import { RequestContext } from '../../context/request-context';
import { HubMetrics } from '../metrics';

/** What the plugin needs of a document, worked out once per parsed document (Apollo's store hands back the same one). */
interface DocumentFacts {
  fragments: Record<string, FragmentDefinitionNode>;
  /** Whether @include/@skip make the selections depend on the variables. */
  variablesShape: 'static' | 'dynamic';
}

const facts = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let f = facts.get(document);
  if (f) return f;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let dynamic = false;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'include' && node.name.value !== 'skip') return undefined;
      dynamic = true;
      return BREAK;
    },
  });
  f = { fragments, variablesShape: dynamic ? 'dynamic' : 'static' };
  facts.set(document, f);
  return f;
}

/**
 * A query whose every root field is a compiled read is answered from its one statement without graphql-js
 * executing it field by field (src/compiler/compiled-reads.ts `compiledData`, src/compiler/response-completer.ts).
 * Runs after the limits, the NUL check and the operation's resolution, like execution would; anything the
 * completer leaves (a refusal, an error) goes on to graphql-js over the same statement's result.
 */
export function compiledResponsePlugin(metrics: HubMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, operation, document, request, schema }) {
          const rootType = schema.getQueryType();
          if (!operation || operation.operation !== 'query' || !rootType || !contextValue?.viewer) return null;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return null; // graphql-js reports them, as it always has
          const { fragments, variablesShape } = factsOf(document);
          const data = await compiledData(contextValue, { schema, fragments, variableValues: coerced.coerced, rootType, operation }, variablesShape);
          if (contextValue.compiled) metrics.compiledResponses.inc({ by: data ? 'written' : 'executed' });
          if (!data) return null;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
