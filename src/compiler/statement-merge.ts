import type { Mergeable, MergedRun } from '../db/sql';

/**
 * Statement merging: k runs of one compiled statement (same text, each with its own values: viewer scope, ids,
 * request id) sent as ONE statement when they queue behind the same viewer's gate (src/db/viewer-statement-gate.ts).
 * A compiled statement is a list of CTEs and one row of columns, so k of them side by side is again one: copy i's
 * CTEs and columns are renamed `<name>_m<i>` and its placeholders shifted past the copies before it. Each copy keeps
 * its own row scope, its own policy columns and its own audit CTE, so the merged statement answers and audits each
 * run exactly as it alone would; they commit together, and the commit (a WAL flush), the round trip and the
 * executor's start are paid once for all k. That commit is most of a small read's cost in PostgreSQL: the profile's
 * statement ran ~1.5x as many reads per second merged by 4 as alone (pgbench, national scale, docs/read-compiler.md).
 */

/** The pieces of a compiled statement (src/compiler/policy-compiler.ts `build`): `name AS (...)` CTEs and `expr AS alias` columns. */
export interface StatementParts {
  ctes: readonly string[];
  columns: readonly string[];
}

/** The statement text of `parts`, as the policy compiler writes it and a merge writes k copies side by side. */
export function statementText(parts: StatementParts): string {
  return `${parts.ctes.length ? `WITH ${parts.ctes.join(',\n')}\n` : ''}SELECT ${parts.columns.join(',\n  ')}`;
}

/**
 * At most this many shapes ever merge in a process; a shape first seen after that runs alone. Each merged shape holds
 * up to 7 texts here (2 to 8 runs) and as many prepared statements on each read connection, so both stay bounded
 * whatever selection sets clients invent (point-read shapes in real use are a handful).
 */
const MAX_SHAPES = 64;

interface Shape { pieces: RegExp; aliases: string[]; texts: (string | undefined)[] }
const shapes = new Map<string, Shape>();

const cteName = (cte: string): string | undefined => /^(\w+) AS \(/.exec(cte)?.[1];
const aliasOf = (column: string): string | undefined => / AS (\w+)$/.exec(column)?.[1];

/**
 * The shape of `text`, admitted on first sight while fewer than MAX_SHAPES are; undefined once they are all taken, or
 * if a piece does not name itself as `build` writes them (then the statement simply runs alone).
 */
function shapeOf(text: string, parts: StatementParts): Shape | undefined {
  let shape = shapes.get(text);
  if (!shape && shapes.size < MAX_SHAPES) {
    const aliases = parts.columns.map(aliasOf);
    const names = [...parts.ctes.map(cteName), ...aliases];
    if (names.some((n) => n === undefined)) return undefined;
    // Quoted literals and identifiers are matched first and kept as they are: only bare names and placeholders change.
    const pieces = new RegExp(`'(?:[^']|'')*'|"(?:[^"]|"")*"|\\$(\\d+)\\b|\\b(?:${names.join('|')})\\b`, 'g');
    shape = { pieces, aliases: aliases as string[], texts: [] };
    shapes.set(text, shape);
  }
  return shape;
}

/** Copy `i` of a piece: its names suffixed, its placeholders moved past the `i * count` values before it. */
function copy(piece: string, shape: Shape, i: number, count: number): string {
  if (i === 0) return piece;
  return piece.replace(shape.pieces, (m: string, placeholder: string | undefined) => {
    if (placeholder !== undefined) return `$${Number(placeholder) + i * count}`;
    return m.startsWith("'") || m.startsWith('"') ? m : `${m}_m${i}`;
  });
}

function mergedText(text: string, parts: StatementParts, shape: Shape, k: number, count: number): string {
  let merged = shape.texts[k];
  if (merged === undefined) {
    const ctes: string[] = [];
    const columns: string[] = [];
    for (let i = 0; i < k; i += 1) {
      for (const c of parts.ctes) ctes.push(copy(c, shape, i, count));
      for (const c of parts.columns) columns.push(copy(c, shape, i, count));
    }
    merged = statementText({ ctes, columns });
    shape.texts[k] = merged;
  }
  return merged;
}

/**
 * The statement `text` (named `name`, built from `parts`) as one that may run merged with others of its shape, or
 * undefined when no more shapes may merge. The key holds the text's name and its number of values, so only runs of
 * the same text and values merge.
 */
export function mergeable(text: string, name: string, parts: StatementParts, valueCount: number): Mergeable | undefined {
  const shape = shapeOf(text, parts);
  if (!shape) return undefined;
  return {
    key: `${name}|${valueCount}`,
    merge(runs: readonly unknown[][]): MergedRun {
      const k = runs.length;
      return {
        text: mergedText(text, parts, shape, k, valueCount),
        name: `${name}_m${k}`,
        values: runs.flat(),
        split(row) {
          return runs.map((_, i) => {
            const own: Record<string, unknown> = {};
            for (const a of shape.aliases) own[a] = row?.[i === 0 ? a : `${a}_m${i}`];
            return own;
          });
        },
      };
    },
  };
}
