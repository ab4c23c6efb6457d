// The body of POST /children_social_care_data/{la_number}/children: a JSON array of child payloads, as the D2I
// pipeline sends it, or the documented `{"la_code": N, "Children": {...}}` wrapper (one child or a list), or an
// array of such wrappers.
import { isObject } from './field-reader';

/** The payloads of a body, each with the LA code its wrapper named (if any); or why the body is unusable. */
export type BodyItems = { items: { payload: unknown; laCode?: unknown }[] } | { error: string };

/** Splits a parsed body into child payloads, in the order sent (their positions are the `[index]` of errors). */
export function bodyItems(body: unknown): BodyItems {
  if (Array.isArray(body)) return { items: body.flatMap(unwrap) };
  if (isObject(body) && 'Children' in body) return { items: unwrap(body) };
  return { error: 'body: must be a JSON array of child payloads (or {"la_code": ..., "Children": ...})' };
}

function unwrap(item: unknown): { payload: unknown; laCode?: unknown }[] {
  if (!isObject(item) || !('Children' in item) || 'la_child_id' in item) return [{ payload: item }];
  const children = item.Children;
  const list = Array.isArray(children) ? children : [children];
  return list.map((payload) => ({ payload, laCode: item.la_code }));
}

/** True when a wrapper's la_code (number or digits) names the LA number of the address. */
export function laCodeMatches(laCode: unknown, laNumber: number): boolean {
  if (laCode === undefined || laCode === null) return true;
  return String(laCode).trim() === String(laNumber);
}
