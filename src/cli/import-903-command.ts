// `hub import 903 --authority CODE PATH`: reads a return on the LA's own machine, then sends it to a (possibly
// remote) hub in batches. Exit codes: 0 all stored, 1 something was rejected, 2 usage, 3 the hub refused the run.
import { importToken } from './hub-client-token';
import { ssda903ImportPath } from '../server/ssda903-import-route';
import type { StoreResult } from '../sync/child-store';
import type { ExtractChild } from '../sync/ssda903/extract';
import { readReturn } from '../sync/ssda903/read-return';
import { CliCommand, required, UsageError } from './cli-command';
import { anythingRejected, formatReport, reportFromExtract, type ImportReport } from './import-report';
import { ProgressBar } from './progress-bar';

const BATCH = 500;

/** The hub refused a request (bad token, wrong authority, unreachable): reported, exit 3. */
export class HubRequestError extends Error {}

/** The `hub import 903` command. */
export const import903Command: CliCommand = {
  words: ['import', '903'],
  usage: 'hub import 903 --authority CODE PATH [--year YYYY] [--url URL] [--token JWT] [--json]',
  async run(o, positionals) {
    const authority = required(o, 'authority');
    const target = positionals[0];
    if (!target) throw new UsageError('PATH (a folder of 903 CSVs or one 903 XML file) is required');
    const year = typeof o.year === 'string' ? Number(o.year) : undefined;
    if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year must be a year such as 2021');
    const url = (typeof o.url === 'string' ? o.url : 'http://localhost:4000').replace(/\/$/, '');
    const token = importToken(o.token, authority, 'hub-import-903');
    const json = o.json === true;
    let report: ImportReport;
    try {
      report = await importReturn(target, { url, token, authority, year, progress: !json });
    } catch (err) {
      if (!(err instanceof HubRequestError)) throw err;
      process.stderr.write(`hub: ${err.message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ authority, error: err.message }, null, 2)}\n`);
      return 3;
    }
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return anythingRejected(report) ? 1 : 0;
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
  const extract = await readReturn(target, { collectionYear: o.year });
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
  let res: Response;
  try {
    res = await fetch(`${url}${ssda903ImportPath(authority)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ collectionYear: year, children }),
    });
  } catch (err) {
    throw new HubRequestError(`cannot reach the hub at ${url}: ${(err as Error).message}`);
  }
  const body = await res.json().catch(() => ({})) as { error?: { message?: string } | string } & Partial<StoreResult>;
  if (!res.ok) {
    const message = typeof body.error === 'string' ? body.error : body.error?.message ?? res.statusText;
    throw new HubRequestError(`the hub answered ${res.status}: ${message}`);
  }
  return body as StoreResult;
}

