import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { normalise, recogniseColumns } from '../../src/cli/adopter-csv';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { feedRows } from './sync-support';

const exec = promisify(execFile);
const HUB = path.resolve(__dirname, '../../bin/hub.js');
const FIXTURE = path.resolve(__dirname, '../fixtures/annex-a-list-11-adopters.csv');

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await seedAuthorities(hub.t.db);
});
afterAll(() => hub.close());

/** Runs `hub import adopters` against the test hub; resolves with the exit code and output either way. */
async function cli(args: string[], token?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [HUB, 'import', 'adopters', ...args, '--url', hub.url, ...(token ? ['--token', token] : [])],
      { env: { ...process.env, HUB_TOKEN: '' }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('hub import adopters', () => {
  it('recognises the list 11 columns however they are spelt', () => {
    expect(recogniseColumns(['Adopter ID', 'adopter_id', 'AdopterID', 'Date of birth', 'DOB', 'Stage 1 start date', 'Stage1StartDate',
      'STAGE_2_END_DATE', 'Enquiry date', 'Date of enquiry', 'LeftDate', 'Date left', 'Left reason', 'NumSiblingsPlaced', 'Favourite colour']))
      .toEqual(['AdopterID', 'AdopterID', 'AdopterID', 'DOB', 'DOB', 'Stage1StartDate', 'Stage1StartDate', 'Stage2EndDate',
        'EnquiryDate', 'EnquiryDate', 'LeftDate', 'LeftDate', 'LeftReason', 'NumSiblingsPlaced', null]);
    expect(normalise('Approval Date')).toBe('approval');
  });

  it('imports households with stages from their dates, reports rejections by line, exits 1, and a re-run changes nothing', async () => {
    const token = hub.token('integration', 'ALE');
    const first = await cli(['--agency', 'ALE', FIXTURE, '--json'], token);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout);
    expect(report.rows).toEqual({ read: 10, rejected: 2 });
    expect(report.households).toEqual({ sent: 7, accepted: 6, changed: 6, rejected: 1 });
    expect(report.rejections.map((r: any) => [r.row, r.adopterId, r.column])).toEqual([
      [8, 'ALE-A006', 'DOB'], [9, 'ALE-A007', 'Ethnicity'], [11, 'ALE-A009', 'approvedOn']]);

    const rows = await hub.t.db.query(`SELECT h.reference, h.stage, h.ethnicity, h.approved_on::text AS approved, h.left_reason, h.left_reason_code,
        (SELECT count(*)::int FROM adopter a WHERE a.household_id = h.id) AS adopters
      FROM adopter_household h WHERE agency = 'ALE' ORDER BY reference`);
    expect(rows).toEqual([
      { reference: 'ALE-A001', stage: 'APPROVED', ethnicity: 'WBRI', approved: '2023-10-01', left_reason: null, left_reason_code: null, adopters: 2 },
      { reference: 'ALE-A002', stage: 'STAGE_ONE', ethnicity: 'BAFR', approved: null, left_reason: null, left_reason_code: null, adopters: 1 },
      { reference: 'ALE-A003', stage: 'PLACED', ethnicity: 'AIND', approved: '2023-02-15', left_reason: null, left_reason_code: null, adopters: 1 },
      { reference: 'ALE-A004', stage: 'ADOPTION_ORDER', ethnicity: 'MWBC', approved: '2021-10-12', left_reason: null, left_reason_code: null, adopters: 1 },
      { reference: 'ALE-A005', stage: 'WITHDRAWN', ethnicity: 'WOTH', approved: null, left_reason: 'Changed circumstances', left_reason_code: 'OTHER', adopters: 1 },
      { reference: 'ALE-A008', stage: 'STAGE_ONE', ethnicity: 'WBRI', approved: null, left_reason: null, left_reason_code: null, adopters: 1 },
    ]);
    const feed = await feedRows(hub, 'ALE');
    expect(feed).toHaveLength(6);

    const again = await cli(['--agency', 'ALE', FIXTURE], token);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/6 accepted \(0 changed\)/);
    expect(again.stdout).toMatch(/line 8 \(adopter ALE-A006\) DOB: "31\/02\/1986" is not a real date/);
    expect(await feedRows(hub, 'ALE')).toEqual(feed);
  });

  it('a clean file exits 0', async () => {
    const clean = path.join(require('os').tmpdir(), `annex-a-clean-${process.pid}.csv`);
    require('fs').writeFileSync(clean, 'adopter_id,gender,dob,enquiry_date,approval_date\nCLEAN1,F,1980-01-01,01/01/2024,01/06/2024\n');
    const r = await cli(['--agency', 'ALE', clean, '--json'], hub.token('integration', 'ALE'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).households).toEqual({ sent: 1, accepted: 1, changed: 1, rejected: 0 });
    expect((await hub.t.db.query(`SELECT stage FROM adopter_household WHERE reference = 'CLEAN1'`))).toEqual([{ stage: 'APPROVED' }]);
  });

  it("refuses another agency's token (exit 3) and writes nothing", async () => {
    const before = await feedRows(hub, 'ALE');
    const r = await cli(['--agency', 'ALE', FIXTURE], hub.token('integration', 'APSE'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/FORBIDDEN/);
    const apse = await cli(['--agency', 'ALE', FIXTURE], hub.token('integration', 'BDG'));
    expect(apse.code).toBe(3);
    expect(await feedRows(hub, 'ALE')).toEqual(before);
  });
});
