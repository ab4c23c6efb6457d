import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../resolvers';
import { policyGuard } from '../src/graphql/policy-guard.middleware';

let cached: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built from the resolver classes, with the policy guard on every field. */
export function buildHubSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    globalMiddlewares: [policyGuard],
    validate: false,
  });
  return cached;
}

/** The schema as SDL, sorted so the committed file changes only when the API does. */
export function printHubSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildHubSchema()))}\n`;
}
