// One multi-row upsert for sync records where a field left out of a record keeps its stored value and a field
// sent as null clears it (partial records, as integration scripts and the DfE API send them). The merge happens
// in SQL: the batch is unnested, joined to the stored rows, merged column by column, and written with
// ON CONFLICT ... DO UPDATE ... WHERE (stored) IS DISTINCT FROM (merged), so an unchanged record writes nothing.
import type { Sql } from '../db/sql';

/** How one table column is filled from a record. */
export interface MergeColumn {
  column: string;
  /** The record key that says whether the column was sent (several columns may share one, e.g. approvedFor). */
  key: string;
  /** Element type of the parameter array, e.g. 'text', 'date', 'int', 'boolean', 'jsonb'. */
  type: string;
  /** SQL for the sent value, from the unnested row `u` (and the spec's joins); default `u.<column>`. */
  input?: string;
  /** SQL used when the merged value is null (a NOT NULL column's default). */
  fallback?: string;
  /** SQL for the final value from the merged row `m` (e.g. a stage derived from merged dates); default `m.<column>`. */
  output?: string;
}

/** The table, its (owner, key) unique pair and its columns. */
export interface MergeSpec {
  table: string;
  owner: string;
  keyColumn: string;
  columns: MergeColumn[];
  /** Extra LEFT JOINs on `u`, e.g. to resolve a sibling group's source id to its row id. */
  joins?: string;
  /** Extra parameter arrays unnested beside the columns, for the joins: [name, element type]. */
  extraInputs?: [string, string][];
}

/** One record to merge: its key, which record keys it sent, and values by column (or extra input) name. */
export interface MergeRecord {
  key: string;
  sent: ReadonlySet<string>;
  values: Record<string, unknown>;
}

/** The bit of each record key in the `_sent` mask. */
export function keyBits(spec: MergeSpec): Map<string, bigint> {
  const bits = new Map<string, bigint>();
  for (const c of spec.columns) if (!bits.has(c.key)) bits.set(c.key, 1n << BigInt(bits.size));
  return bits;
}

/** SQL testing, on the merged row `m`, whether the record sent `key`. */
export function sentSql(spec: MergeSpec, key: string, row = 'm'): string {
  const bit = keyBits(spec).get(key);
  if (bit === undefined) throw new Error(`unknown merge key ${key}`);
  return `(${row}._sent & ${bit}::bigint) <> 0`;
}

/** Builds the statement and its parameters; `$1` is the owner. */
export function buildMerge(spec: MergeSpec, owner: string, records: readonly MergeRecord[]): { text: string; params: unknown[] } {
  const bits = keyBits(spec);
  const params: unknown[] = [owner, records.map((r) => r.key), records.map((r) => maskOf(bits, r.sent).toString())];
  const unnestArgs = ['$2::text[]', '$3::bigint[]'];
  const unnestNames = ['_key', '_sent'];
  const addInput = (name: string, type: string) => {
    params.push(records.map((r) => toParam(r.values[name], type)));
    unnestArgs.push(`$${params.length}::${type}[]`);
    unnestNames.push(name);
  };
  const inputs = new Map<string, string>();
  for (const c of spec.columns) if (!c.input) inputs.set(c.column, c.type);
  for (const [name, type] of inputs) addInput(name, type);
  for (const [name, type] of spec.extraInputs ?? []) addInput(name, type);
  const cols = spec.columns.map((c) => c.column);
  const merged = spec.columns.map((c) => {
    const value = `CASE WHEN ${sentSql(spec, c.key, 'u')} THEN ${c.input ?? `u.${c.column}`} ELSE cur.${c.column} END`;
    return `${c.fallback ? `COALESCE(${value}, ${c.fallback})` : value} AS ${c.column}`;
  });
  const text = `
    INSERT INTO ${spec.table} AS t (${spec.owner}, ${spec.keyColumn}, ${cols.join(', ')})
    SELECT $1, m._key, ${spec.columns.map((c) => c.output ?? `m.${c.column}`).join(', ')}
    FROM (
      SELECT u._key, u._sent, ${merged.join(', ')}
      FROM unnest(${unnestArgs.join(', ')}) AS u(${unnestNames.join(', ')})
      LEFT JOIN ${spec.table} cur ON cur.${spec.owner} = $1 AND cur.${spec.keyColumn} = u._key
      ${spec.joins ?? ''}
    ) m
    ON CONFLICT (${spec.owner}, ${spec.keyColumn}) DO UPDATE
      SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
      WHERE (${cols.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})
    RETURNING t.id, t.${spec.keyColumn} AS key`;
  return { text, params };
}

/** Runs the merge; returns the rows it inserted or really changed. Keys must be unique within `records`. */
export async function mergeUpsert(tx: Sql, spec: MergeSpec, owner: string, records: readonly MergeRecord[]): Promise<{ id: string; key: string }[]> {
  if (records.length === 0) return [];
  const { text, params } = buildMerge(spec, owner, records);
  return tx.query<{ id: string; key: string }>(text, params);
}

function maskOf(bits: Map<string, bigint>, sent: ReadonlySet<string>): bigint {
  let mask = 0n;
  for (const k of sent) mask |= bits.get(k) ?? 0n;
  return mask;
}

/** jsonb elements travel as JSON text; everything else as is (null stays null). */
function toParam(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  return type === 'jsonb' ? JSON.stringify(value) : value;
}
