import { defaultFieldResolver, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { RequestContext } from '../context/request-context';
import { ARGUMENT_CHECKS, checkArguments } from './argument-checks';
import { accessLogPolicy } from '../policy/access-log-policy';
import { adopterPolicy } from '../policy/adopter-policy';
import { childPolicy } from '../policy/child-policy';
import { REFUSED } from '../policy/enforce';
import { forbidden } from '../policy/errors';
import { householdPolicy } from '../policy/household-policy';
import { mayCall } from '../policy/operation-policy';
import { EntityPolicy } from '../policy/policy-types';
import { siblingGroupPolicy } from '../policy/sibling-group-policy';

/**
 * The policy at the GraphQL edge, installed once on the built schema (no per-field middleware):
 * - the operation gate wraps each root field (default deny: an operation missing from the policy table is refused);
 * - each policed type fails closed: a value that arrives without its refusal marker (`$r` from a compiled statement,
 *   or the REFUSED set of a policed row) is an error, never served (graphql-js checks `isTypeOf` once per object);
 * - only the fields the policy can refuse get a resolver, a synchronous check of that marker that throws FORBIDDEN
 *   at the field's path; every other field is graphql-js's default property read.
 */

/** The policy of each policed GraphQL type. */
const POLICED: Record<string, EntityPolicy<string>> = {
  Child: childPolicy as EntityPolicy<string>,
  SiblingGroup: siblingGroupPolicy as EntityPolicy<string>,
  AdopterHousehold: householdPolicy as EntityPolicy<string>,
  Adopter: adopterPolicy as EntityPolicy<string>,
  AccessLogEntry: accessLogPolicy as EntityPolicy<string>,
};

/** A policed record: the refusal flags of a compiled statement (`$r`), or the REFUSED set of a policed row. */
export type Marked = { $r?: readonly string[]; [REFUSED]?: Set<string> };

/** The guards installed over graphql-js's default property read (police, below): still a property read. */
const guardedPropertyReads = new WeakSet<Function>();

/** True when resolving `field` is reading its property of the source (no resolver, or the policy guard over none). */
export function isPropertyRead(field: { resolve?: Function }): boolean {
  return !field.resolve || guardedPropertyReads.has(field.resolve);
}

/** An internal error (masked for clients): a policed record reached the response without passing the policy. */
export class UnpolicedRecordError extends Error {
  constructor(type: string) {
    super(`A ${type} arrived without its policy marker; it was not served.`);
  }
}

/** True when `value` carries the marker a policed read puts on every record it serves. */
export function isPoliced(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const v = value as Marked;
  return Array.isArray(v.$r) || v[REFUSED] instanceof Set;
}

/** True when the policy refused `field` on this record. */
export function isRefused(value: Marked, field: string): boolean {
  return value.$r ? value.$r.includes(field) : value[REFUSED]!.has(field);
}

/** Fields the policy may refuse on some row or to some role: those whose rule is not 'allow' for every row role. */
export function refusableFields(policy: EntityPolicy<string>): Set<string> {
  const roles = Object.keys(policy.rows);
  return new Set(Object.keys(policy.fields).filter((f) => roles.some((r) => (policy.fields[f] as Record<string, unknown>)[r] !== 'allow')));
}

function gate(type: GraphQLObjectType): void {
  for (const field of Object.values(type.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: RequestContext, info) => {
      if (!mayCall(info.fieldName, ctx.viewer.roles)) throw forbidden(`Your role may not use ${info.fieldName}.`);
      return resolve(source, args, ctx, info);
    };
  }
}

function police(type: GraphQLObjectType, policy: EntityPolicy<string>): void {
  type.isTypeOf = (value) => {
    if (!isPoliced(value)) throw new UnpolicedRecordError(type.name);
    return true;
  };
  const refusable = refusableFields(policy);
  for (const field of Object.values(type.getFields())) {
    if (!refusable.has(field.name)) continue;
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
    const message = `You may not read ${type.name}.${field.name}.`;
    const guarded: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
      if (isRefused(source as Marked, field.name)) throw forbidden(message);
      return resolve(source, args, ctx, info);
    };
    if (!field.resolve) guardedPropertyReads.add(guarded);
    field.resolve = guarded;
  }
}

/**
 * Checks a field's arguments (argument-checks.ts) before its resolver runs. Compiled root fields are also checked by
 * the compiler before they are planned (src/compiler/compiled-reads.ts), since the first one plans them all.
 */
function checkArgs(schema: GraphQLSchema): void {
  for (const key of Object.keys(ARGUMENT_CHECKS)) {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    const field = type instanceof GraphQLObjectType ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`argument checks: ${key} is not a field of the schema`);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx, info) => {
      checkArguments(typeName, fieldName, args);
      return resolve(source, args, ctx, info);
    };
  }
}

/** Installs the gate, the argument checks and the field guards on the hub's schema (once, when it is built). */
export function installPolicyGuard(schema: GraphQLSchema): GraphQLSchema {
  // Argument checks first, so the operation gate (installed after, so it runs first) still refuses a role before any input is read.
  checkArgs(schema);
  for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) gate(root);
  for (const [name, policy] of Object.entries(POLICED)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`policy guard: ${name} is not an object type`);
    police(type, policy);
  }
  return schema;
}
