import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../resolvers';
import { installPolicyGuard } from '../src/graphql/policy-guard';

let cached: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built from the resolver classes, with the operation gate and the field guards. */
export function buildHubSchema(): GraphQLSchema {
  cached ??= installPolicyGuard(buildSchemaSync({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    validate: false,
  }));
  return cached;
}

/** The schema as SDL, sorted so the committed file changes only when the API does. */
export function printHubSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildHubSchema()))}\n`;
}
