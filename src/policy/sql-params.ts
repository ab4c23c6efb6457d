/** Collects the values of one SQL statement and hands out their `$n` placeholders, so no value is ever inlined. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder for `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
