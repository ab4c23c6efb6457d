// Compares what the hub says about a 903 sample (rejections and warnings) with what Data to Insight's validator
// said about it (tests/fixtures/validator-findings), rule by rule, record by record. Used by the comparison test and
// by `node -r @swc-node/register tests/support/validator-comparison.ts` to print the table for the closing note.
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { buildExtract } from '../../src/sync/ssda903/build-extract';
import type { ImportIssue, Ssda903Extract } from '../../src/sync/ssda903/extract';
import { parseCsv } from '../../src/sync/ssda903/csv-reader';
import { csvFilesToRows } from '../../src/sync/ssda903/read-return';
import { readXmlReturn } from '../../src/sync/ssda903/xml-reader';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** A sample and the findings file about it, with the collection year the validator was given. */
export interface Sample {
  name: string;
  findings: string;
  year: number;
  read: (year?: number) => Ssda903Extract;
}

function csvSample(folder: string, skip: string[] = []) {
  return (year?: number) => {
    const dir = path.join(FIXTURES, 'ssda903', folder);
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv') && !skip.includes(f)).sort()
      .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
    const { rows, issues } = csvFilesToRows(files);
    return buildExtract(rows, issues, year === undefined ? {} : { collectionYear: year });
  };
}

/** The four runs the findings README describes. */
export const SAMPLES: Sample[] = [
  { name: 'd2i fake 2017-18 (CSV)', findings: 'd2i-fake-2017-18-csv.csv', year: 2018,
    read: csvSample('d2i-fake-2017-18', ['placed_for_adoption_errors.csv']) },
  { name: 'd2i fake 2017-18 (XML)', findings: 'd2i-fake-2017-18-xml.csv', year: 2018,
    read: (year) => {
      const file = path.join(FIXTURES, 'ssda903', 'd2i-fake-2017-18', 'fake_903.xml');
      const xml = readFileSync(file, 'utf8');
      return buildExtract(readXmlReturn(xml, 'fake_903.xml'), [], year === undefined ? {} : { collectionYear: year });
    } },
  { name: 'cs-demand-model 2021', findings: 'cs-demand-model-2021.csv', year: 2022, read: csvSample('cs-demand-model-2021') },
  { name: 'liia dirty samples', findings: 'liia-dirty-samples-without-TEST_COLUMN.csv', year: 2020, read: csvSample('liia-dirty-samples') },
];

interface Finding { table: string; row_id: string; rule_code: string; columns_affected: string }

/** One validator finding, per record: the table, the hub's row number for it, the rule and the columns it names. */
interface FlaggedRecord { table: string; row: number; rule: string; columns: Set<string> }

function findingsOf(sample: Sample, xml: boolean): FlaggedRecord[] {
  const csv = parseCsv(readFileSync(path.join(FIXTURES, 'validator-findings', sample.findings), 'utf8'));
  const rows = csv.records.map((r) => Object.fromEntries(csv.columns.map((c, i) => [c.toLowerCase(), r.fields[i] ?? '']))) as unknown as Finding[];
  const byKey = new Map<string, FlaggedRecord>();
  for (const f of rows) {
    // The validator's row_id is the 0-based data row; the hub's row is the CSV line (header = 1) or the XML position (from 1).
    const row = Number(f.row_id) + (xml ? 1 : 2);
    const key = `${f.table}|${row}|${f.rule_code}`;
    const rec = byKey.get(key) ?? { table: f.table, row, rule: f.rule_code, columns: new Set<string>() };
    rec.columns.add(f.columns_affected);
    byKey.set(key, rec);
  }
  return [...byKey.values()];
}

/** How the hub treated one flagged record. */
export type HubOutcome = 'rejected' | 'warned' | 'silent';

/** One line of the table: a rule on a table, and what the hub did with the records the validator flagged. */
export interface RuleLine {
  table: string;
  rule: string;
  flagged: number;
  rejected: number;
  /** Records the hub rejected for another reason and did not tie to this rule (none is silently stored). */
  rejectedOtherwise: number;
  warned: number;
  silent: number;
  /** Records the hub tied to this rule that the validator did not flag. */
  hubOnly: number;
}

/**
 * The hub's issue matches a finding when it is about the same record and either names the rule, or (issues that
 * name no rule, as before this comparison existed) names one of the columns the rule is about.
 */
function matches(i: ImportIssue, f: FlaggedRecord): boolean {
  if (i.table !== f.table || i.row !== f.row) return false;
  return i.rule ? i.rule === f.rule : i.column !== null && f.columns.has(i.column);
}

/** Compares the hub's report on a sample with the validator's findings, rule by rule. */
export function compare(sample: Sample): { lines: RuleLine[]; extract: Ssda903Extract } {
  const extract = sample.read(sample.year);
  const xml = sample.findings.includes('-xml');
  const flagged = findingsOf(sample, xml);
  const index = (issues: ImportIssue[]) => {
    const m = new Map<string, ImportIssue[]>();
    for (const i of issues) m.set(`${i.table}|${i.row}`, [...(m.get(`${i.table}|${i.row}`) ?? []), i]);
    return m;
  };
  const rejections = index(extract.rejections);
  const warnings = index(extract.warnings);
  const lines = new Map<string, RuleLine>();
  const line = (table: string, rule: string) => {
    const key = `${table}|${rule}`;
    if (!lines.has(key)) lines.set(key, { table, rule, flagged: 0, rejected: 0, rejectedOtherwise: 0, warned: 0, silent: 0, hubOnly: 0 });
    return lines.get(key)!;
  };
  for (const f of flagged) {
    const l = line(f.table, f.rule);
    l.flagged += 1;
    const key = `${f.table}|${f.row}`;
    if ((rejections.get(key) ?? []).some((i) => matches(i, f))) l.rejected += 1;
    else if ((warnings.get(key) ?? []).some((i) => matches(i, f))) l.warned += 1;
    else if ((rejections.get(key) ?? []).length > 0) l.rejectedOtherwise += 1;
    else l.silent += 1;
  }
  const flaggedKeys = new Set(flagged.map((f) => `${f.table}|${f.row}|${f.rule}`));
  const hubRuled = new Set<string>();
  for (const i of [...extract.rejections, ...extract.warnings]) {
    if (i.rule && i.table && !flaggedKeys.has(`${i.table}|${i.row}|${i.rule}`)) hubRuled.add(`${i.table}|${i.row}|${i.rule}`);
  }
  for (const k of hubRuled) {
    const [table, , rule] = k.split('|');
    line(table, rule).hubOnly += 1;
  }
  const sorted = [...lines.values()].sort((a, b) => a.table.localeCompare(b.table) || Number(a.rule) - Number(b.rule));
  return { lines: sorted, extract };
}

/** The table as markdown, one block per sample. */
export function comparisonTable(): string {
  const out: string[] = [];
  for (const s of SAMPLES) {
    const { lines } = compare(s);
    out.push(`\n**${s.name}** (collection year ${s.year})\n`);
    out.push('| table | rule | validator flagged | hub rejected, this rule | hub warned, kept | hub rejected for another reason only | hub silent | hub only |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const l of lines) {
      out.push(`| ${l.table} | ${l.rule} | ${l.flagged} | ${l.rejected} | ${l.warned} | ${l.rejectedOtherwise} | ${l.silent} | ${l.hubOnly} |`);
    }
  }
  return out.join('\n');
}

if (require.main === module) console.log(comparisonTable());
