import { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLError, GraphQLSchema, isObjectType, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { checkArguments } from '../../graphql/argument-checks';

/**
 * The read arguments' range and shape checks (src/graphql/argument-checks.ts), at the schema edge: once the
 * operation is known and before anything executes, every field of the operation that takes arguments (root fields,
 * and nested ones such as a saved search's `results`, through fragments too) has its argument values checked. A bad
 * value refuses the operation with BAD_USER_INPUT (HTTP 400) naming the argument, before the planner reads it.
 */
export function argumentEdgePlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const vars = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables of the wrong type are GraphQL's own error (reported by the executor, and by the cost limit).
          if (vars.errors) return;
          const ops = new Set<OperationDefinitionNode>([operation]);
          const typeInfo = new TypeInfo(schema);
          visit(document, visitWithTypeInfo(typeInfo, {
            OperationDefinition: (node) => (ops.has(node) ? undefined : false),
            Field(node) {
              if (!node.arguments?.length) return;
              const parent = typeInfo.getParentType();
              const def = typeInfo.getFieldDef();
              if (!parent || !def || !isObjectType(getNamedType(parent))) return;
              try {
                checkArguments(parent.name, def.name, getArgumentValues(def, node, vars.coerced));
              } catch (err) {
                if (!(err instanceof GraphQLError)) throw err;
                throw new GraphQLError(err.message, { extensions: { ...err.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } });
              }
            },
          }));
        },
      };
    },
  };
}
