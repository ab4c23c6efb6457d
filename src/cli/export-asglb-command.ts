// `hub export asglb --quarter 2025Q3 [--authority CODE | --agency CODE] [--out DIR]`: downloads the ASGLB quarterly
// return from a (possibly remote) hub: the files the token may download for that LA or agency (GET /export/asglb),
// each written to DIR under the collection's name. The hub decides who may export what and records every child row.
import { mkdir, writeFile } from 'fs/promises';
import * as path from 'path';
import { mintToken } from '../auth/mint-token';
import { resolveVerificationKey } from '../auth/signing-keys';
import { readEnvironment } from '../config/environment';
import { CliCommand, EXIT, optional, required, UnreachableError, UsageError } from './cli-command';
import { HUB_CONNECTION_ENVIRONMENT, HUB_CONNECTION_OPTIONS, hubUrl } from './hub-connection';

/** The token sent: --token, else HUB_TOKEN, else outside production a 10-minute one for the owner minted locally. */
function exportToken(option: string | undefined, owner: string, agency: boolean): string {
  if (option) return option;
  if (process.env.HUB_TOKEN) return process.env.HUB_TOKEN;
  const env = readEnvironment();
  const key = resolveVerificationKey(env);
  if (env.production || !key.demoKey) throw new UsageError('--token or HUB_TOKEN is required (a raa_manager token, or an LA social worker\'s or analyst\'s for its child tab)');
  // An agency's return is its manager's; an LA's child tab, its own social worker's.
  return mintToken({ sub: `export-asglb.${owner.toLowerCase()}`, org: owner, roles: [agency ? 'raa_manager' : 'social_worker'] }, key.demoKey,
    { issuer: key.issuer, audience: key.audience, ttl: '10m' });
}

async function getFromHub(url: string, token: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new UnreachableError(`cannot reach the hub at ${new URL(url).origin} (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}); is it running? Give its address with --url or HUB_URL`);
  }
  if (res.status === 400) throw new UsageError(((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? 'the hub refused the request');
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new UnreachableError(`the hub answered ${res.status}: ${body.error?.message ?? res.statusText}`);
  }
  return res;
}

/** The `hub export asglb` command. */
export const exportAsglbCommand: CliCommand = {
  words: ['export', 'asglb'],
  summary: 'Writes the ASGLB quarterly return (child tab per LA, adopter tab and its enquiries per agency, SGO table, validation report) as CSV files.',
  details: 'The quarter is the financial year\'s: 2025Q3 is October to December 2025 (Q1 April-June). With --agency, every\n'
    + 'file the token may download for the agency and its member LAs; with --authority, that LA\'s. The return is\n'
    + 'unsuppressed and goes to the collector; every child row exported is recorded in the hub\'s access log.',
  options: {
    quarter: { type: 'string', value: 'YYYYQn', required: true, description: 'the quarter of the financial year starting in YYYY' },
    authority: { type: 'string', value: 'CODE', description: 'an LA: its child tab, SGO table and validation report' },
    agency: { type: 'string', value: 'CODE', description: 'an RAA: its adopter tab and enquiries (Section D), and its member LAs\' files' },
    out: { type: 'string', value: 'DIR', description: 'where to write the files', default: '.' },
    ...HUB_CONNECTION_OPTIONS,
  },
  environment: HUB_CONNECTION_ENVIRONMENT,
  exitCodes: {
    0: 'every file was written',
    2: 'usage mistake: no --authority or --agency (or both), a quarter not YYYYQn',
    3: 'the hub could not be reached, or refused the token',
  },
  examples: ['hub export asglb --quarter 2025Q3 --agency ALE --out returns/', 'hub export asglb --quarter 2025Q3 --authority BDG'],
  async run(o) {
    const quarter = required(o, 'quarter');
    const authority = optional(o, 'authority')?.toUpperCase();
    const agency = optional(o, 'agency')?.toUpperCase();
    if (Boolean(authority) === Boolean(agency)) throw new UsageError('give --authority CODE or --agency CODE (one of them)');
    const owner = (authority ?? agency)!;
    const url = hubUrl(optional(o, 'url'));
    const token = exportToken(optional(o, 'token'), owner, Boolean(agency));
    const out = optional(o, 'out') ?? '.';
    const manifest = (await (await getFromHub(`${url}/export/asglb?quarter=${encodeURIComponent(quarter)}&owner=${encodeURIComponent(owner)}`, token)).json()) as
      { quarter: string; start: string; end: string; files: { fileName: string; url: string }[] };
    if (manifest.files.length === 0) throw new UnreachableError(`the token may download no file of the return for ${owner}`);
    await mkdir(out, { recursive: true });
    console.log(`ASGLB return ${manifest.quarter} (${manifest.start} to ${manifest.end}) for ${owner}:`);
    for (const f of manifest.files) {
      const text = await (await getFromHub(`${url}${f.url}`, token)).text();
      await writeFile(path.join(out, f.fileName), text);
      console.log(`  ${path.join(out, f.fileName)}  ${Math.max(0, text.trim().split(/\r?\n/).length - 1)} rows`);
    }
    return EXIT.ok;
  },
};
