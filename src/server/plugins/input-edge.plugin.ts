import { ApolloServerPlugin } from '@apollo/server';
import { BREAK, DocumentNode, GraphQLError, visit } from 'graphql';
import { nulPath } from '../nul-path';

/** Documents already searched (Apollo's store hands back the same parsed document for the same text). */
const searched = new WeakMap<DocumentNode, string | null>();

/** The first string literal of the document holding U+0000, as "line:column", or null. */
function nulInDocument(document: DocumentNode): string | null {
  const known = searched.get(document);
  if (known !== undefined) return known;
  const found = searchDocument(document);
  searched.set(document, found);
  return found;
}

function searchDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes('\u0000')) return undefined;
      found = node.loc ? `${node.loc.startToken.line}:${node.loc.startToken.column}` : 'a string literal';
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses (BAD_USER_INPUT, HTTP 400) an operation carrying a NUL character in any string, in its variables or its
 * literals, once the operation is known and before anything executes (src/server/nul-path.ts says why).
 */
export function inputEdgePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const inVariables = nulPath(request.variables ?? {});
          const inDocument = inVariables ? null : nulInDocument(document);
          if (!inVariables && !inDocument) return;
          const where = inVariables ? `variable ${inVariables}` : `the string at ${inDocument}`;
          throw new GraphQLError(`A NUL character (U+0000) is not allowed in any value; found in ${where}.`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
