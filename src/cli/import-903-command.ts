// `hub import 903 --authority CODE PATH`: reads a return on the LA's own machine, then sends it to a (possibly
// remote) hub in batches. Exit codes: 0 all stored, 1 something was rejected, 2 usage, 3 the hub refused the run.
import { importToken } from './hub-client-token';
import { HUB_CONNECTION_ENVIRONMENT, HUB_CONNECTION_OPTIONS, hubUrl, postToHub } from './hub-connection';
import { checkHolds903Data, checkReadable } from './input-paths';
import { ssda903ImportPath } from '../server/ssda903-import-route';
import type { StoreResult } from '../sync/child-store';
import type { ExtractChild } from '../sync/ssda903/extract';
import { readReturn } from '../sync/ssda903/read-return';
import { CliCommand, EXIT, optional, required, UnreachableError, UsageError } from './cli-command';
import { anythingRejected, formatReport, reportFromExtract, type ImportReport } from './import-report';
import { ProgressBar } from './progress-bar';

const BATCH = 500;

/** The hub refused a request (bad token, wrong authority, unreachable): reported, exit 3. */
export class HubRequestError extends UnreachableError {}

/** The `hub import 903` command. */
export const import903Command: CliCommand = {
  words: ['import', '903'],
  summary: "Imports an LA's SSDA903 return (a folder of CSVs or one XML file) through a running hub.",
  details: 'The return is read and checked on this machine, then sent in batches of 500 children. Files are recognised by\n'
    + 'their columns, whatever their names. Importing the same return again changes nothing.',
  options: {
    authority: { type: 'string', value: 'CODE', required: true, description: 'the LA whose return it is' },
    year: { type: 'string', value: 'YYYY', description: 'the collection year (ending 31 March), when the dates do not tell it' },
    ...HUB_CONNECTION_OPTIONS,
    json: { type: 'boolean', description: 'print the report as JSON (and no progress bar)' },
  },
  positionals: [{ name: 'PATH', required: true, description: 'a folder of 903 CSVs, or one 903 XML file' }],
  environment: HUB_CONNECTION_ENVIRONMENT,
  exitCodes: {
    0: 'every record was stored',
    1: 'the good records were stored, some were rejected (each listed with file, row, column and reason)',
    2: 'usage mistake: a PATH that does not exist or holds no 903 files, a bad --year (nothing was sent)',
    3: 'the hub could not be reached, or refused the token or the authority',
  },
  examples: ['hub import 903 --authority BDG ./returns/2021', 'hub import 903 --authority BDG --url https://hub.example.org --token "$HUB_TOKEN" --json return.xml'],
  async run(o, positionals) {
    const authority = required(o, 'authority').toUpperCase();
    const target = positionals[0];
    const yearText = optional(o, 'year');
    const year = yearText !== undefined ? Number(yearText) : undefined;
    if (year !== undefined && !(/^\d{4}$/.test(yearText ?? '') && year >= 2000 && year <= 2100)) {
      throw new UsageError(`--year must be a collection year such as 2021 (got "${yearText}")`);
    }
    await checkReadable(target, 'file or folder');
    const url = hubUrl(optional(o, 'url'));
    const token = importToken(o.token, authority, 'hub-import-903');
    const json = o.json === true;
    let report: ImportReport;
    try {
      report = await importReturn(target, { url, token, authority, year, progress: !json });
    } catch (err) {
      if (!(err instanceof UnreachableError)) throw err;
      process.stderr.write(`hub: ${err.message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ authority, error: err.message }, null, 2)}\n`);
      return EXIT.unreachable;
    }
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return anythingRejected(report) ? EXIT.failed : EXIT.ok;
  },
};

/** What `importReturn` needs: where the hub is, who is asking, for which authority and year. */
export interface ImportTarget {
  url: string;
  token: string;
  authority: string;
  year?: number;
  progress: boolean;
}

/** Reads the return at `target` and sends it to the hub in batches; the report of what happened. */
export async function importReturn(target: string, o: ImportTarget): Promise<ImportReport> {
  await checkReadable(target, 'file or folder');
  const extract = await readReturn(target, { collectionYear: o.year });
  checkHolds903Data(target, extract);
  const report = reportFromExtract(o.authority, extract);
  if (extract.children.length > 0 && extract.collectionYear === null) {
    throw new UsageError('the return holds no dates to tell its collection year; give --year');
  }
  await sendInBatches(extract.children, report, { ...o, year: extract.collectionYear ?? 0, json: !o.progress });
  return report;
}

async function sendInBatches(children: readonly ExtractChild[], report: ImportReport,
  o: { url: string; token: string; authority: string; year: number; json: boolean }): Promise<void> {
  const bar = new ProgressBar(process.stderr, children.length, 'Importing', !o.json);
  bar.update(0);
  for (let i = 0; i < children.length; i += BATCH) {
    const batch = children.slice(i, i + BATCH);
    const result = await postBatch(o.url, o.token, o.authority, o.year, batch);
    report.children.accepted += result.childrenAccepted;
    report.children.changed += result.childrenChanged;
    report.episodes.accepted += result.episodesAccepted;
    for (const r of result.rejected) {
      report.rejections.push({ ...r, index: i + r.index, file: 'hub' });
      report.children.rejected += 1;
      report.episodes.rejected += batch[r.index]?.episodes.length ?? 0;
    }
    bar.update(Math.min(i + BATCH, children.length));
  }
  bar.finish();
}

async function postBatch(url: string, token: string, authority: string, year: number, children: readonly ExtractChild[]): Promise<StoreResult> {
  const res = await postToHub(url, ssda903ImportPath(authority), token, { collectionYear: year, children });
  const body = await res.json().catch(() => ({})) as { error?: { message?: string } | string } & Partial<StoreResult>;
  if (!res.ok) {
    const message = typeof body.error === 'string' ? body.error : body.error?.message ?? res.statusText;
    throw new HubRequestError(`the hub answered ${res.status}: ${message}`);
  }
  return body as StoreResult;
}

