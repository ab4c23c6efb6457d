/**
 * The result shaper. PostgreSQL already built each root read's JSON in the response's shape (field names as keys,
 * nested relations, `$r` refusal flags), and pg parsed it once; the shaper only hands each response key its column,
 * or the error its compilation raised. No row is copied or re-shaped in JS: graphql-js's default property
 * resolvers read the parsed JSON directly, and the refusal flags turn into FORBIDDEN errors in the field guard.
 */
export type RootOutcome = { column: string } | { error: unknown };

/** Per response key, the root read's value (or its error). */
export class ShapedResult {
  constructor(private readonly outcomes: Map<string, RootOutcome>, private readonly row: Record<string, unknown> | null) {}

  /** The value for `key`; throws the error its compilation raised. */
  value(key: string): unknown {
    const o = this.outcomes.get(key);
    if (!o) throw new Error(`compiled read: no plan for response key ${key}`);
    if ('error' in o) throw o.error;
    return this.row?.[o.column] ?? null;
  }
}
