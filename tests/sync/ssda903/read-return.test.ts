import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { ImportIssue, Ssda903Extract } from '../../../src/sync/ssda903/extract';
import { readReturn } from '../../../src/sync/ssda903/read-return';
import { SSDA903_DATA } from '../../support/fixture-data';

const DATA = SSDA903_DATA;

function expectWellFormed(issues: ImportIssue[]): void {
  for (const i of issues) {
    expect(typeof i.file).toBe('string');
    expect(i.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(i.row)).toBe(true);
    expect(i.reason.length).toBeGreaterThan(5);
    expect(i).toHaveProperty('column');
  }
}

function episodesKept(x: Ssda903Extract): number {
  return x.children.reduce((n, c) => n + c.episodes.length, 0);
}

/** Every extract must survive a JSON round trip: it is what the CLI posts to the hub. */
function expectJsonSafe(x: Ssda903Extract): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
}

describe('reading the d2i fake 2017-18 return (CSVs)', () => {
  let x: Ssda903Extract;
  beforeAll(async () => { x = await readReturn(`${DATA}/d2i-fake-2017-18`, { collectionYear: 2018 }); });

  it('reads every header and episode row and keeps every valid one', () => {
    expect(x.counts.childrenRead).toBe(2675);
    expect(x.counts.episodesRead).toBe(5050);
    expect(episodesKept(x)).toBe(x.counts.episodesRead - x.counts.episodesRejected);
    const withHeader = x.children.filter((c) => c.sex !== null).length;
    expect(withHeader).toBe(x.counts.childrenRead - x.counts.childrenRejected);
    expectJsonSafe(x);
  });

  it('reports every rejection and warning with file, row, column and reason', () => {
    expect(x.rejections.length).toBeGreaterThan(0);
    expectWellFormed(x.rejections);
    expectWellFormed(x.warnings);
  });

  it('rejects PlacedAdoption rows with the invalid reason code XXX, naming the column', () => {
    const bad = x.rejections.filter((r) => r.file === 'placed_for_adoption.csv');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((r) => r.column === 'REASON_PLACED_CEASED' && r.reason.includes('"XXX"'))).toBe(true);
    expect(bad[0].row).toBe(2);
    const kept = x.children.flatMap((c) => c.placedAdoption ?? []);
    expect(kept.every((p) => p.reasonPlacedCeased === null || /^RD[1-4]$/.test(p.reasonPlacedCeased))).toBe(true);
  });

  it('reads sw_episodes.csv despite its byte-order mark (recognised as SWEpisodes, its bad reason reported)', () => {
    const sw = x.rejections.filter((r) => r.file === 'sw_episodes.csv');
    expect(sw).toEqual([expect.objectContaining({ table: 'SWEpisodes', row: 2, column: 'SW_REASON', childId: 'CHILD10' })]);
    expect(x.warnings.some((w) => w.file === 'sw_episodes.csv' && /match no 903 table/.test(w.reason))).toBe(false);
  });

  it('reads DoLo.csv (no final newline) without storing it', () => {
    expect(x.warnings.concat(x.rejections).some((i) => i.file === 'DoLo.csv' && /match no/.test(i.reason))).toBe(false);
    expect(x.children.some((c) => c.sourceId === 'CHILD10')).toBe(false);
  });

  it('warns (and keeps the child) for AD1 rows with no adoption episode', () => {
    const w = x.warnings.filter((i) => i.table === 'AD1' && /no episode ending in adoption/.test(i.reason));
    expect(w.length).toBeGreaterThan(0);
    for (const i of w) expect(x.children.find((c) => c.sourceId === i.childId)?.ad1).toBeDefined();
  });

  it('accepts the old SEX codes 1/2 as MALE/FEMALE', () => {
    const sexes = new Set(x.children.map((c) => c.sex));
    expect(sexes).toEqual(new Set(['MALE', 'FEMALE', null]));
  });
});

describe('reading the d2i fake XML return', () => {
  it('flattens CHILD/HEADER/EPISODE like the CSVs (PL -> PLACE, AD1 and AD_PLACED from HEADER)', async () => {
    const x = await readReturn(`${DATA}/d2i-fake-2017-18/fake_903.xml`);
    expect(x.counts.childrenRead).toBe(253);
    expect(x.counts.episodesRead).toBe(459);
    expect(episodesKept(x)).toBe(459 - x.counts.episodesRejected);
    // 907440's UPN starts with O, not a check letter (rule 168): its header is refused, its episodes kept.
    expect(x.rejections).toContainEqual(expect.objectContaining({ table: 'Header', row: 1, column: 'UPN', rule: '168', childId: '907440' }));
    expect(x.children[0]).toMatchObject({ sourceId: '907440', sex: null });
    // Its first episode gives CUSTOD, a reason that exists from the 2018-19 return: refused in this 2017-18 one.
    expect(x.rejections).toContainEqual(expect.objectContaining({ table: 'Episodes', row: 1, column: 'REASON_PLACE_CHANGE', rule: '1009' }));
    expect(x.children[0].episodes[0]).toMatchObject({ decom: '2017-10-06', rne: 'T', legalStatus: 'J3', place: 'P2' });
    expect(x.children[2]).toMatchObject({ sex: expect.stringMatching(/MALE/), dateOfBirth: expect.stringMatching(/^\d{4}-/) });
    expect(x.children.filter((c) => c.ad1).length).toBe(3);
    const placed = x.rejections.filter((r) => r.table === 'PlacedAdoption');
    expect(placed).toHaveLength(3);
    expect(placed.every((r) => r.file === 'fake_903.xml' && r.column === 'REASON_PLACED_CEASED')).toBe(true);
    expectWellFormed(x.rejections);
    expectJsonSafe(x);
  });
});

describe('reading the cs-demand-model 2021 return (free file names)', () => {
  it('recognises every file by its columns and reads all 144 children and 253 episodes', async () => {
    const x = await readReturn(`${DATA}/cs-demand-model-2021`);
    expect(x.warnings.filter((w) => /match no 903 table/.test(w.reason))).toEqual([]);
    expect(x.counts).toMatchObject({ childrenRead: 144, episodesRead: 253 });
    // The episodes refused are the 22 with legal status D1 after 2005 (rule 445).
    expect(x.rejections.filter((r) => r.table === 'Episodes').map((r) => r.rule)).toEqual(Array(22).fill('445'));
    expect(episodesKept(x)).toBe(253 - 22);
    expectWellFormed(x.rejections);
  });
});

describe('reading the dirty liia sample', () => {
  let x: Ssda903Extract;
  beforeAll(async () => { x = await readReturn(`${DATA}/liia-dirty-samples`); });

  it('ignores the extra TEST_COLUMN with a warning', () => {
    expect(x.warnings).toContainEqual(expect.objectContaining({
      file: 'SSDA903_2020_episodes.csv', row: 1, column: 'TEST_COLUMN' }));
  });

  it('rejects the *DUMMY* RNE and the blank legal status, keeping the other episodes', () => {
    expect(x.rejections).toContainEqual(expect.objectContaining({
      file: 'SSDA903_2020_episodes.csv', row: 6, column: 'RNE', childId: '249901' }));
    expect(x.rejections).toContainEqual(expect.objectContaining({
      file: 'SSDA903_2020_episodes.csv', row: 3, column: 'LS', reason: 'LS is required but blank' }));
    expect(x.counts).toMatchObject({ episodesRead: 5, episodesRejected: 2 });
    expect(episodesKept(x)).toBe(3);
  });

  it('rejects ethnicity UNKN and the malformed UPNs; drops the malformed postcode with a warning', () => {
    expect(x.rejections).toContainEqual(expect.objectContaining({ row: 6, column: 'ETHNIC', childId: '249901' }));
    expect(x.warnings).toContainEqual(expect.objectContaining({ row: 5, column: 'PL_POST' }));
    const ep = x.children.find((c) => c.sourceId === '249901')!.episodes.find((e) => e.decom === '2019-03-30')!;
    expect(ep.placementPostcode).toBeNull();
  });

  it('keeps the children whose header rows were rejected, with a warning', () => {
    expect(x.children.map((c) => c.sourceId).sort()).toEqual(['249901', '689661']);
    expect(x.warnings.filter((w) => /no valid Header row/.test(w.reason))).toHaveLength(2);
  });
});

describe('malformed and inconsistent input', () => {
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ssda903-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }
  const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2019,WBRI,UN1,,\nC1,F,01/02/2019,WBRI,UN1,,\n';
  const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n'
    + 'C1,31/02/2020,S,C1,N1,U6,PR1,,,,,,\nC1,01/03/2020,S,C1,N1,Z12,PR1,,,,,,\nC9,01/03/2020,S,C1,N1,k3,PR1,,,,,,\n';

  it('rejects a malformed DoLo date (only that row) and a duplicate header; never crashes', async () => {
    const x = await readReturn(folder({
      'h.csv': HEADER, 'e.csv': EPISODES,
      'dolo.csv': 'CHILD,DOB,DOLO_START,DOLO_END\nC1,01/02/2019,2020-13-45,\nC1,01/02/2019,01/01/2021,',
      'junk.csv': 'NAME,AGE\nx,1\n',
    }));
    expect(x.rejections).toContainEqual(expect.objectContaining({ file: 'dolo.csv', row: 2, column: 'DOLO_START', table: 'DoLo' }));
    expect(x.rejections.filter((r) => r.file === 'dolo.csv')).toHaveLength(1);
    expect(x.rejections).toContainEqual(expect.objectContaining({ file: 'h.csv', row: 3, column: 'CHILD' }));
    expect(x.rejections).toContainEqual(expect.objectContaining({ file: 'e.csv', row: 2, column: 'DECOM' }));
    expect(x.warnings).toContainEqual(expect.objectContaining({ file: 'junk.csv', column: null }));
    const c1 = x.children.find((c) => c.sourceId === 'C1')!;
    expect(c1.sex).toBe('MALE');
    expect(c1.episodes.map((e) => e.place)).toEqual(['Z12']);
    expect(x.children.find((c) => c.sourceId === 'C9')!.episodes[0].place).toBe('K3');
    expect(x.warnings).toContainEqual(expect.objectContaining({ childId: 'C9', reason: expect.stringMatching(/no valid Header/) }));
  });

  it('warns about a PlacedAdoption row for an unknown child and keeps it', async () => {
    const x = await readReturn(folder({
      'h.csv': HEADER,
      'p.csv': 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nZZ,01/01/2019,01/06/2020,,\n',
    }));
    expect(x.warnings).toContainEqual(expect.objectContaining({ file: 'p.csv', row: 2, childId: 'ZZ', table: 'PlacedAdoption' }));
    expect(x.children.find((c) => c.sourceId === 'ZZ')?.placedAdoption).toEqual([
      { datePlaced: '2020-06-01', datePlacedCeased: null, reasonPlacedCeased: null }]);
  });
});
