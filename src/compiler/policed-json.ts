import { Viewer } from '../auth/viewer';
import { readability } from '../policy/enforce';
import { EntityPolicy } from '../policy/policy-types';
import { SqlParams } from '../policy/sql-params';
import { RecordPlan } from './plan-records';

/**
 * The JSON of one policed record (a household, an adopter, a link, an access-log entry) built in SQL from row
 * `alias`: each selected field is its policy column (readable on every row), a CASE on the field rule (readable on
 * some rows), or NULL (never); `$r` lists the fields refused on that row, which the field guard turns into FORBIDDEN
 * (src/graphql/policy-guard.ts). Relations are given by the caller as SQL builders (nested JSON of their own), called
 * only when the field may be read (a never-readable relation adds no SQL, so no unused parameter). Only the selected
 * fields are read.
 */
export function policedJson<F extends string>(
  policy: EntityPolicy<F>, viewer: Viewer, p: SqlParams, plan: RecordPlan, alias: string,
  relations: Partial<Record<F, () => string>> = {}, extra: string[] = [],
): string {
  const pairs: string[] = [];
  const refused: string[] = [];
  for (const name of plan.fields) {
    if (!(name in policy.columns)) throw new Error(`planner: ${policy.entity}.${name} is not in its policy`);
    const f = name as F;
    const r = readability(policy, viewer, f);
    if (r.kind === 'never') {
      pairs.push(`${lit(f)}, NULL`);
      refused.push(lit(f));
      continue;
    }
    const expr = relations[f]?.() ?? policy.columns[f](alias);
    if (r.kind === 'always') pairs.push(`${lit(f)}, ${expr}`);
    else {
      const allowed = `COALESCE(${r.allowedSql(p, alias)}, false)`;
      pairs.push(`${lit(f)}, CASE WHEN ${allowed} THEN ${expr} END`);
      refused.push(`CASE WHEN NOT ${allowed} THEN ${lit(f)} END`);
    }
  }
  pairs.push(`'$r', ${refused.length ? `array_remove(ARRAY[${refused.join(', ')}]::text[], NULL)` : 'ARRAY[]::text[]'}`, ...extra);
  return jsonObject(pairs);
}

/** A SQL string literal. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * json_build_object over `pairs` ("key, value" each). PostgreSQL caps a function at 100 arguments, so past 50
 * pairs the object is built in parts and concatenated as jsonb.
 */
export function jsonObject(pairs: string[]): string {
  if (pairs.length <= 50) return `json_build_object(${pairs.join(', ')})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) parts.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  return `(${parts.join(' || ')})::json`;
}

/** The opaque keyset cursor of row `x` as `encodeCursor` (src/services/cursor.ts) reads it: base64url of [order, value, id]. */
export function cursorSql(orderLiteral: string, value: string, id: string): string {
  return `translate(encode(convert_to(json_build_array(${orderLiteral}::text, ${value}, ${id})::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}
