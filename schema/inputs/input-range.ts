// Bounds on the whole numbers an input type takes, declared on the field beside its GraphQL type and checked for
// every argument before its resolver runs (the schema's validateFn, schema/build-schema.ts). GraphQL's Int already
// stops at 32 bits; these stop a number no field can mean (a negative age, a wait of a million years) from reaching
// SQL, where it would either overflow date arithmetic or quietly match nothing.
import { badInput } from '../../src/policy/errors';

const RANGES = new Map<Function, Map<string, [number, number]>>();

/** Declares that this Int input field takes whole numbers from `min` to `max` (inclusive). */
export function IntRange(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    const ctor = target.constructor;
    if (!RANGES.has(ctor)) RANGES.set(ctor, new Map());
    RANGES.get(ctor)!.set(String(key), [min, max]);
  };
}

/** The declared range of a field, for descriptions and tests. */
export function rangeOf(type: Function, field: string): [number, number] | undefined {
  return RANGES.get(type)?.get(field);
}

/**
 * Checks one argument value against the ranges of its input type (lists element by element); BAD_USER_INPUT names
 * the field and the range. Other values pass: their types are checked by GraphQL and by the services.
 */
export function checkInputRanges(value: unknown, type: unknown): void {
  if (value === null || typeof value !== 'object' || typeof type !== 'function') return;
  for (const item of Array.isArray(value) ? value : [value]) {
    const ranges = RANGES.get(type);
    if (!ranges || item === null || typeof item !== 'object') continue;
    for (const [field, [min, max]] of ranges) {
      const v = (item as Record<string, unknown>)[field];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw badInput(`${type.name}.${field} must be a whole number from ${min} to ${max}; ${JSON.stringify(v)} is not.`, { field });
      }
    }
  }
}

/**
 * `checkInputRanges` for a value of the input type named `typeName` (the class of that name), for callers that have
 * the GraphQL type rather than the class: the read compiler checks every root field it compiles, before any SQL.
 */
export function checkInputRangesOfType(value: unknown, typeName: string): void {
  for (const ctor of RANGES.keys()) if (ctor.name === typeName) checkInputRanges(value, ctor);
}
