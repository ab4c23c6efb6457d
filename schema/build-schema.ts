import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../resolvers';
import { installPolicyGuard } from '../src/graphql/policy-guard';
import { checkInputRanges } from './inputs/input-range';

let cached: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built from the resolver classes, with the operation gate and the field guards. */
export function buildHubSchema(): GraphQLSchema {
  cached ??= installPolicyGuard(describeRootTypes(buildSchemaSync({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    // The one check of every argument before its resolver: the declared ranges of input numbers (input-range.ts).
    validateFn: (value, type) => checkInputRanges(value, type),
  })));
  return cached;
}

/** type-graphql has no option to describe the root types, so they get theirs here (the explorer shows them first). */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: each returns only what your role and organisation may see, and child reads are on the record';
  if (mutation) mutation.description = 'Writes: syncing records from case systems, and your saved searches';
  return schema;
}

/** The schema as SDL, sorted so the committed file changes only when the API does. */
export function printHubSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildHubSchema()))}\n`;
}
