// The ASGLB quarterly return over HTTP, on the adoption-journeys fixture (nine annual returns of one synthetic LA,
// imported as BDG): the child tab for Q4 2019-20 (January to March 2020) checked against counts worked out by hand
// from the fixture's expected.json, who may download what, the audit of every child row, and the file's safety.
import { execFile } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { promisify } from 'util';
import { neutralise } from '../../src/asglb/asglb-export';
import type { Role } from '../../src/auth/roles';
import { parseCsv } from '../../src/sync/ssda903/csv-reader';
import { storeExtractChildren } from '../../src/sync/child-store';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { readJourneyReturns } from '../sync/ssda903/journeys';
import { SYNC_HOUSEHOLDS } from '../sync/sync-support';

let hub: TestHub;
const get = (token: string, path: string) => fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  for (const x of await readJourneyReturns()) if (x.collectionYear) await storeExtractChildren(hub.t.db, 'BDG', x.collectionYear, x.children);
  await hub.gql(hub.token('integration', 'ALE'), SYNC_HOUSEHOLDS, { agency: 'ALE', records: [
    { reference: 'H-OK', enquiryOn: '2019-05-01', stage1StartedOn: '2019-06-01', stage1EndedOn: '2019-08-01', stage2StartedOn: '2019-08-02',
      stage2EndedOn: '2019-12-01', approvedOn: '2020-01-15', adopters: [{ sex: 'FEMALE', ethnicity: 'WBRI', disability: 'No' }] },
    { reference: '=HYPERLINK("http://x")', enquiryOn: '2019-09-01', approvedOn: '2020-02-01' },
    { reference: 'H-LEFT', enquiryOn: '2019-03-01', leftOn: '2020-02-10' },
    // Enquiries either side of Q4 2019-20's first and last day, for Section D.
    { reference: 'H-ENQ-DEC', enquiryOn: '2019-12-31' }, { reference: 'H-ENQ-JAN', enquiryOn: '2020-01-01' },
    { reference: 'H-ENQ-MAR', enquiryOn: '2020-03-31' }, { reference: 'H-ENQ-APR', enquiryOn: '2020-04-01' },
  ] });
  // A placement with H-OK that disrupted in the quarter, of a child adopted (by others) before it: Section C of the
  // adopter tab; the child, adopted before the quarter, stays out of the child tab.
  const link = await hub.gql(hub.token('integration', 'ALE'), `mutation($records: [LinkRecordInput!]!) {
    syncLinks(agency: "ALE", records: $records) { rejected { field reason } } }`, { records: [{ sourceId: 'L-DIS',
    householdReference: 'H-OK', childAuthority: 'BDG', childSourceId: 'G100000', matchedOn: '2020-01-20', placedOn: '2020-01-25',
    status: 'ENDED', endedOn: '2020-02-20', endReason: 'DISRUPTION_BEFORE_ORDER' }] });
  expect(link.body.data.syncLinks.rejected).toEqual([]);
  // Another agency's enquiry in the quarter, which ALE's return must not count.
  await hub.gql(hub.token('integration', 'APSE'), SYNC_HOUSEHOLDS, { agency: 'APSE', records: [{ reference: 'P-ENQ', enquiryOn: '2020-02-01' }] });
}, 120_000);
afterAll(() => hub.close());

/** Column `header` of a CSV, one value per data row. */
function column(csv: string, header: string): string[] {
  const t = parseCsv(csv);
  const i = t.columns.indexOf(header.toUpperCase());
  expect(i).toBeGreaterThanOrEqual(0);
  return t.records.map((r) => r.fields[i]);
}
const yes = (values: string[]) => values.filter((v) => v === 'Y').length;

describe('the ASGLB child tab of the adoption journeys, Q4 2019-20', () => {
  let csv: string;
  let res: Response;
  beforeAll(async () => {
    res = await get(hub.token('raa_manager', 'ALE'), '/export/asglb/BDG/children.csv?quarter=2019Q4');
    csv = await res.text();
  });

  it('is a CSV named as the collection names it', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="301BDG_ALBQ4201920_children.csv"');
  });

  it('matches the counts worked out by hand from the fixture', () => {
    // By hand, from expected.json: children with an ADM decision (or placement order) by 31 March 2020 whose journey
    // had not ended (adoption order, plan changed) before 1 January 2020: 46. In the quarter: 10 ADM decisions,
    // 7 placement orders, 5 placed for adoption, 6 adoption orders, no decision reversed.
    expect(column(csv, 'A1 Child ID')).toHaveLength(46);
    expect(yes(column(csv, 'Q1 ADM decision in quarter'))).toBe(10);
    expect(yes(column(csv, 'Q2 Placement order in quarter'))).toBe(7);
    expect(yes(column(csv, 'Q4 Placed in quarter'))).toBe(5);
    expect(yes(column(csv, 'Q5 Adopted in quarter'))).toBe(6);
    expect(yes(column(csv, 'Q7 No longer considered for adoption in quarter'))).toBe(0);
  });

  it('gives A10 and A2 in days for each child adopted in the quarter, as scorecard.md defines them', () => {
    // By hand, from expected.json's dates of the six children adopted in the quarter: A10 = moved in - entered care,
    // A2 = match - placement order (0 when matched first). G100030 was adopted by its foster carers: it moved in with
    // them on 2017-11-11, 54 days after entering care on 2017-09-18; matched 2019-04-24, 337 days after the order
    // of 2018-05-22. G100055 was matched (2018-12-11) before its placement order (2018-12-31): A2 0.
    const ids = column(csv, 'A1 Child ID');
    const a10 = column(csv, 'Q9 A10 days (adopted in quarter)');
    const a2 = column(csv, 'Q10 A2 days (adopted in quarter)');
    const days = Object.fromEntries(ids.map((id, i) => [id, [a10[i], a2[i]]]).filter(([, v]) => v[0] !== '' || v[1] !== ''));
    expect(days).toEqual({
      G100011: ['361', '136'], G100030: ['54', '337'], G100055: ['258', '0'],
      G100063: ['299', '68'], G100064: ['352', '102'], G100067: ['435', '149'],
    });
  });

  it('records every child row exported in the access log', async () => {
    const rows = await hub.t.db.query<{ n: number; cross: boolean }>(
      `SELECT count(*)::int AS n, bool_and(cross_organisation) AS cross FROM access_log WHERE operation_name = 'asglbExport' AND viewer_org = 'ALE'`);
    expect(rows[0]).toEqual({ n: 46, cross: true });
  });
});

describe('who may download the return', () => {
  const status = async (role: Role, org: string, path: string) => (await get(hub.token(role, org), path)).status;

  it('the child tab: the RAA manager for a member LA, the LA\'s own social workers and analysts; nobody else', async () => {
    const path = '/export/asglb/BDG/children.csv?quarter=2019Q4';
    expect(await status('social_worker', 'BDG', path)).toBe(200);
    expect(await status('la_analyst', 'BDG', path)).toBe(200);
    expect(await status('social_worker', 'HAV', path)).toBe(403);
    expect(await status('family_finder', 'ALE', path)).toBe(403);
    expect(await status('raa_manager', 'APSE', path)).toBe(403);
    expect(await status('auditor', 'BDG', path)).toBe(403);
    expect((await fetch(`${hub.url}${path}`)).status).toBe(401);
    // The refusal is a sentence naming the table in words, not its code.
    expect((await (await get(hub.token('family_finder', 'ALE'), path)).json()).error.message)
      .toBe('Your role may not download the child tab of the ASGLB return for BDG.');
  });

  it('the adopter tab: the agency\'s manager only', async () => {
    expect(await status('raa_manager', 'ALE', '/export/asglb/ALE/adopters.csv?quarter=2019Q4')).toBe(200);
    expect(await status('social_worker', 'BDG', '/export/asglb/ALE/adopters.csv?quarter=2019Q4')).toBe(403);
    expect(await status('family_finder', 'ALE', '/export/asglb/ALE/adopters.csv?quarter=2019Q4')).toBe(403);
  });

  it('lists, for the viewer, the files it may download', async () => {
    const manager = await (await get(hub.token('raa_manager', 'ALE'), '/export/asglb?quarter=2019Q4&owner=ALE')).json();
    expect(manager).toMatchObject({ quarter: '2019Q4', start: '2020-01-01', end: '2020-03-31' });
    expect(manager.files.map((f: any) => `${f.owner} ${f.table}`)).toEqual(expect.arrayContaining(['ALE adopters', 'ALE enquiries', 'ALE validation', 'BDG children', 'BDG sgo', 'HAV children']));
    const worker = await (await get(hub.token('social_worker', 'BDG'), '/export/asglb?quarter=2019Q4&owner=BDG')).json();
    expect(worker.files.map((f: any) => f.table)).toEqual(['children', 'sgo', 'validation']);
  });

  it('refuses a quarter that is not YYYYQn', async () => {
    const res = await get(hub.token('raa_manager', 'ALE'), '/export/asglb/BDG/children.csv?quarter=2019-13');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('BAD_USER_INPUT');
  });
});

describe('the adopter tab and the validation report', () => {
  it('has one row per adopter, coded, with a formula neutralised', async () => {
    const csv = await (await get(hub.token('raa_manager', 'ALE'), '/export/asglb/ALE/adopters.csv?quarter=2019Q4')).text();
    expect(column(csv, 'A2 Family ID')).toEqual(["'=HYPERLINK(\"http://x\")", 'H-ENQ-DEC', 'H-ENQ-JAN', 'H-ENQ-MAR', 'H-LEFT', 'H-OK']);
    expect(column(csv, 'A5 Disability')).toEqual(['', '', '', '', '', 'N']);
    // H-OK: stage 1 from 2019-06-01, approved 2020-01-15: seven and a half months, over the 6-month norm.
    expect(column(csv, 'B15 Approved within 6 months of registration')).toEqual(['', '', '', '', '', 'N']);
    expect(column(csv, 'C1 Date of disruption')).toEqual(['', '', '', '', '', '2020-02-20']);
    expect(column(csv, 'C2 Disruption reason')).toEqual(['', '', '', '', '', 'DISRUPTION_BEFORE_ORDER']);
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('2020-01-01')).toBe('2020-01-01');
  });

  it('Section D counts the agency\'s enquiries received in the quarter, as worked out by hand', async () => {
    const res = await get(hub.token('raa_manager', 'ALE'), '/export/asglb/ALE/enquiries.csv?quarter=2019Q4');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ALE_ALBQ4201920_enquiries.csv"');
    // By hand: of ALE's households, H-ENQ-JAN (1 January 2020) and H-ENQ-MAR (31 March 2020) enquired in Q4 2019-20;
    // H-ENQ-DEC, H-ENQ-APR, H-OK, H-LEFT and the formula-named one enquired outside it; APSE's P-ENQ is not ALE's.
    const t = parseCsv(await res.text());
    expect(t.records.map((r) => r.fields)).toEqual([['ALE', '2019Q4', '2020-01-01', '2020-03-31', '2']]);
    expect(t.columns).toEqual(['AGENCY', 'QUARTER', 'QUARTER START', 'QUARTER END', 'D1 NUMBER OF ENQUIRIES RECEIVED IN THE QUARTER']);
    // A quarter without enquiries still has its row, with 0.
    const empty = parseCsv(await (await get(hub.token('raa_manager', 'ALE'), '/export/asglb/ALE/enquiries.csv?quarter=2018Q1')).text());
    expect(empty.records.map((r) => r.fields[4])).toEqual(['0']);
    expect((await get(hub.token('social_worker', 'BDG'), '/export/asglb/ALE/enquiries.csv?quarter=2019Q4')).status).toBe(403);
    expect((await get(hub.token('raa_manager', 'APSE'), '/export/asglb/ALE/enquiries.csv?quarter=2019Q4')).status).toBe(403);
  });

  it('lists what is missing for the return, with the record to fix', async () => {
    const agency = await (await get(hub.token('raa_manager', 'ALE'), '/export/asglb/ALE/validation.csv?quarter=2019Q4')).text();
    const problems = parseCsv(agency).records.map((r) => `${r.fields[2]} ${r.fields[3]}`);
    expect(problems).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://x\") B2 Stage 1 start", 'H-LEFT B13 Reason left']));
    expect(problems.filter((p) => p.startsWith('H-OK'))).toEqual([]);
    const children = await (await get(hub.token('social_worker', 'BDG'), '/export/asglb/BDG/validation.csv?quarter=2019Q4')).text();
    // The 903 records a match date only in AD1, for children adopted in the year: a child placed but not yet
    // adopted has a placement and no match date, which the return needs.
    expect(parseCsv(children).records.some((r) => r.fields[3] === 'B4 Date matched')).toBe(true);
  });
});

describe('hub export asglb', () => {
  const HUB_BIN = path.resolve(__dirname, '../../bin/hub.js');
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', [HUB_BIN, 'export', 'asglb', ...args, '--url', hub.url],
        { env: { ...process.env, HUB_TOKEN: '' }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (err: any) {
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it('writes the agency\'s files under the collection\'s names; a usage mistake exits 2, a refused token 3', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'asglb-'));
    const r = await cli(['--quarter', '2019Q4', '--agency', 'ALE', '--out', out, '--token', hub.token('raa_manager', 'ALE')]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['ALE_ALBQ4201920_adopters.csv', 'ALE_ALBQ4201920_enquiries.csv', '301BDG_ALBQ4201920_children.csv', '301BDG_ALBQ4201920_sgo.csv']));
    expect(column(readFileSync(path.join(out, '301BDG_ALBQ4201920_children.csv'), 'utf8'), 'A1 Child ID')).toHaveLength(46);
    expect(column(readFileSync(path.join(out, 'ALE_ALBQ4201920_enquiries.csv'), 'utf8'), 'D1 Number of enquiries received in the quarter')).toEqual(['2']);
    expect((await cli(['--quarter', '2019Q4'])).code).toBe(2);
    expect((await cli(['--quarter', '2019Q4', '--authority', 'BDG', '--out', out, '--token', hub.token('family_finder', 'ALE')])).code).toBe(3);
  }, 120_000);
});
