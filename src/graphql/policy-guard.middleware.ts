import { MiddlewareFn } from 'type-graphql';
import { RequestContext } from '../context/request-context';
import { forbidden } from '../policy/errors';
import { REFUSED } from '../policy/enforce';
import { mayCall } from '../policy/operation-policy';

type Served = { [REFUSED]: Set<string>; id?: unknown; _owner?: unknown };

/**
 * Runs on every field. At the root it is the operation gate (default deny: an operation not in the policy table
 * is refused). On a policed record it refuses fields the policy withheld, and records each child field served or
 * refused for the audit trail.
 */
export const policyGuard: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  const parent = info.parentType.name;
  if (parent === 'Query' || parent === 'Mutation') {
    if (!mayCall(info.fieldName, context.viewer.roles)) {
      throw forbidden(`Your role may not use ${info.fieldName}.`);
    }
    return next();
  }
  if (root && typeof root === 'object' && REFUSED in root) {
    const served = root as Served;
    const refused = served[REFUSED].has(info.fieldName);
    if (parent === 'Child') context.audit.record(String(served.id), String(served._owner), info.fieldName, refused);
    if (refused) throw forbidden(`You may not read ${parent}.${info.fieldName}.`);
  }
  return next();
};
