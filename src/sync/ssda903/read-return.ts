// Reads a return from disk: a folder of CSVs (each recognised by its columns, names free) or one XML file.
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildExtract, type BuildOptions } from './build-extract';
import { declaredCollectionYear } from './collection-year';
import { parseCsv } from './csv-reader';
import type { ImportIssue, RawRow, Ssda903Extract } from './extract';
import { closestTable, recogniseTable, type TableName } from './table-recognition';
import { readXmlReturn } from './xml-reader';

/** Reads and validates a 903 return at `target` (a folder of CSVs or an .xml file). */
export async function readReturn(target: string, options: BuildOptions = {}): Promise<Ssda903Extract> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) {
    const text = await fs.readFile(target, 'utf8');
    if (target.toLowerCase().endsWith('.xml') || text.trimStart().startsWith('<')) {
      const xml = stripBom(text);
      return buildExtract(readXmlReturn(xml, path.basename(target)), [], { declaredYear: declaredCollectionYear(xml), ...options });
    }
    const { rows, issues } = csvFilesToRows([{ name: path.basename(target), text }]);
    return buildExtract(rows, issues, options);
  }
  const names = (await fs.readdir(target)).sort();
  const files: { name: string; text: string }[] = [];
  const skipped: ImportIssue[] = [];
  for (const name of names) {
    const full = path.join(target, name);
    if (!(await fs.stat(full)).isFile()) continue;
    if (name.toLowerCase().endsWith('.csv')) files.push({ name, text: await fs.readFile(full, 'utf8') });
    else skipped.push({ file: name, row: 0, column: null, reason: 'not a .csv file; skipped (import an XML return by its own path)' });
  }
  const { rows, issues } = csvFilesToRows(files);
  return buildExtract(rows, [...skipped, ...issues], options);
}

/** Recognises each CSV's table by its columns and turns its records into raw rows; reading problems are warnings. */
export function csvFilesToRows(files: readonly { name: string; text: string }[]): { rows: RawRow[]; issues: ImportIssue[] } {
  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<TableName, string>();
  for (const { name, text } of files) {
    const csv = parseCsv(text);
    const rec = recogniseTable(csv.columns);
    if (!rec) {
      const near = closestTable(csv.columns);
      issues.push({ file: name, row: 1, column: null,
        reason: `columns match no 903 table (closest ${near.table}, missing ${near.missing.join(', ')}); file skipped` });
      continue;
    }
    for (const extra of rec.extraColumns) {
      issues.push({ file: name, table: rec.table, row: 1, column: extra, reason: `column ${extra} is not part of ${rec.table}; ignored` });
    }
    const earlier = seen.get(rec.table);
    if (earlier) issues.push({ file: name, table: rec.table, row: 1, column: null, reason: `a second ${rec.table} file (after ${earlier}); both read` });
    seen.set(rec.table, name);
    for (const r of csv.records) {
      const values: Record<string, string> = {};
      csv.columns.forEach((c, i) => { values[c] = r.fields[i] ?? ''; });
      rows.push({ file: name, table: rec.table, row: r.line, values });
    }
  }
  return { rows, issues };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
