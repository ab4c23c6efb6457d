// `hub import adopters --agency CODE FILE`: reads an Ofsted Annex A list 11 CSV on the RAA's own machine and sends
// its households to a (possibly remote) hub through syncAdopterHouseholds, in batches. Exit codes: 0 all stored,
// 1 something was rejected, 2 usage, 3 the hub refused the run (token, agency, unreachable).
import { importToken } from './hub-client-token';
import { readFile } from 'fs/promises';
import { readAdopterCsv, type CsvHousehold, type CsvIssue } from './adopter-csv';
import { CliCommand, EXIT, optional, required, UnreachableError, UsageError } from './cli-command';
import { HUB_CONNECTION_ENVIRONMENT, HUB_CONNECTION_OPTIONS, hubUrl, postToHub } from './hub-connection';
import { checkReadable, pathProblem } from './input-paths';
import { ProgressBar } from './progress-bar';

const BATCH = 500;

const MUTATION = `mutation ImportAdopters($agency: String!, $records: [HouseholdRecordInput!]!) {
  syncAdopterHouseholds(agency: $agency, records: $records) { accepted changed rejected { index sourceId field reason } } }`;

/** The hub refused a request: reported, exit 3. */
class HubRefused extends UnreachableError {}

/** What a run did, for a person or (with --json) a script. */
export interface AdopterImportReport {
  agency: string;
  file: string;
  /** Data rows of the file, and those refused on this machine (bad dates, codes, a third adopter). */
  rows: { read: number; rejected: number };
  /** Households sent to the hub, and its answer. */
  households: { sent: number; accepted: number; changed: number; rejected: number };
  rejections: CsvIssue[];
  ignoredColumns: string[];
}

/** The `hub import adopters` command. */
export const importAdoptersCommand: CliCommand = {
  words: ['import', 'adopters'],
  summary: "Imports an RAA's adopter households from an Ofsted Annex A list 11 CSV through a running hub.",
  details: 'Column headings are matched loosely (case, spaces, underscores); dates may be DD/MM/YYYY or YYYY-MM-DD; the two\n'
    + 'adopters of a couple share an Adopter ID. The stage follows the dates. Importing the same file again changes nothing.',
  options: {
    agency: { type: 'string', value: 'CODE', required: true, description: 'the RAA whose households they are' },
    ...HUB_CONNECTION_OPTIONS,
    json: { type: 'boolean', description: 'print the report as JSON (and no progress bar)' },
  },
  positionals: [{ name: 'FILE', required: true, description: 'an Annex A list 11 CSV' }],
  environment: HUB_CONNECTION_ENVIRONMENT,
  exitCodes: {
    0: 'every household was stored',
    1: 'the good households were stored, some rows were rejected (each listed with line, column and reason)',
    2: 'usage mistake: a FILE that does not exist or is not a list 11 CSV (nothing was sent)',
    3: 'the hub could not be reached, or refused the token or the agency',
  },
  examples: ['hub import adopters --agency ALE ./annex-a-list-11.csv'],
  async run(o, positionals) {
    const agency = required(o, 'agency').toUpperCase();
    const file = positionals[0];
    await checkReadable(file, 'file');
    const url = hubUrl(optional(o, 'url'));
    const token = importToken(o.token, agency, 'hub-import-adopters');
    const json = o.json === true;
    const text = await readFile(file, 'utf8').catch((err: unknown) => { throw pathProblem(file, err); });
    let read: ReturnType<typeof readAdopterCsv>;
    try { read = readAdopterCsv(text); } catch (err) { throw new UsageError(`${file}: ${(err as Error).message}`); }
    const report: AdopterImportReport = {
      agency, file, rows: { read: read.rowsRead, rejected: read.issues.length },
      households: { sent: read.households.length, accepted: 0, changed: 0, rejected: 0 },
      rejections: [...read.issues], ignoredColumns: read.unknownColumns,
    };
    try {
      await sendInBatches(read.households, report, { url, token, agency, json });
    } catch (err) {
      if (!(err instanceof UnreachableError)) throw err;
      process.stderr.write(`hub: ${err.message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ ...report, error: err.message }, null, 2)}\n`);
      return EXIT.unreachable;
    }
    report.rejections.sort((a, b) => a.row - b.row);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatAdopterReport(report));
    return report.rejections.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

async function sendInBatches(households: readonly CsvHousehold[], report: AdopterImportReport,
  o: { url: string; token: string; agency: string; json: boolean }): Promise<void> {
  const bar = new ProgressBar(process.stderr, households.length, 'Importing adopters', !o.json);
  bar.update(0);
  for (let i = 0; i < households.length; i += BATCH) {
    const batch = households.slice(i, i + BATCH);
    const result = await postBatch(o.url, o.token, o.agency, batch.map((h) => h.record));
    report.households.accepted += result.accepted;
    report.households.changed += result.changed;
    for (const r of result.rejected) {
      report.households.rejected += 1;
      report.rejections.push({ row: batch[r.index].row, adopterId: r.sourceId, column: r.field, reason: r.reason });
    }
    bar.update(Math.min(i + BATCH, households.length));
  }
  bar.finish();
}

interface SyncAnswer { accepted: number; changed: number; rejected: { index: number; sourceId: string | null; field: string | null; reason: string }[] }

async function postBatch(url: string, token: string, agency: string, records: unknown[]): Promise<SyncAnswer> {
  const res = await postToHub(url, '/graphql', token, { query: MUTATION, variables: { agency, records }, operationName: 'ImportAdopters' });
  const body = await res.json().catch(() => ({})) as { data?: { syncAdopterHouseholds?: SyncAnswer }; errors?: { message: string; extensions?: { code?: string } }[] };
  const answer = body.data?.syncAdopterHouseholds;
  if (!answer) {
    const e = body.errors?.[0];
    throw new HubRefused(`the hub answered ${res.status}${e ? ` ${e.extensions?.code ?? ''}: ${e.message}` : ''}`);
  }
  return answer;
}

/** The report as text: counts, then each rejected row (up to 50). */
export function formatAdopterReport(r: AdopterImportReport): string {
  const lines = [
    `Adopter import for ${r.agency} from ${r.file}`,
    `  rows: ${r.rows.read} read, ${r.rows.rejected} refused before sending`,
    `  households: ${r.households.sent} sent, ${r.households.accepted} accepted (${r.households.changed} changed), ${r.households.rejected} rejected by the hub`,
  ];
  if (r.ignoredColumns.length) lines.push(`  columns not in the list 11 layout, ignored: ${r.ignoredColumns.join(', ')}`);
  if (r.rejections.length) lines.push(`Rejected (${r.rejections.length}):`);
  for (const i of r.rejections.slice(0, 50)) {
    lines.push(`  line ${i.row}${i.adopterId ? ` (adopter ${i.adopterId})` : ''}${i.column ? ` ${i.column}` : ''}: ${i.reason}`);
  }
  if (r.rejections.length > 50) lines.push(`  ... and ${r.rejections.length - 50} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}

