import * as path from 'path';
import { PassThrough } from 'stream';
import { anythingRejected, formatReport, reportFromExtract } from '../../src/cli/import-report';
import { ProgressBar } from '../../src/cli/progress-bar';
import { readReturn } from '../../src/sync/ssda903/read-return';
import { SSDA903_DATA, JOURNEYS_DIR } from '../support/fixture-data';

describe('the import report', () => {
  it('counts what was read and lists each rejection with file, row, column and reason', async () => {
    const x = await readReturn(path.join(SSDA903_DATA, 'liia-dirty-samples'));
    const r = reportFromExtract('NHM', x);
    expect(anythingRejected(r)).toBe(true);
    const text = formatReport(r);
    expect(text).toMatch(/children: 5 header rows read/);
    expect(text).toMatch(/SSDA903_2020_header\.csv row 6 column ETHNIC: ETHNIC "UNKN" is not a valid code/);
    expect(text).toMatch(/1 × SSDA903_2020_episodes\.csv: column TEST_COLUMN is not part of Episodes; ignored/);
  });

  it('is clean (exit 0) for a clean return', async () => {
    const x = await readReturn(path.join(JOURNEYS_DIR, '2020'));
    expect(anythingRejected(reportFromExtract('BDG', x))).toBe(false);
  });
});

describe('ProgressBar', () => {
  function capture(tty: boolean) {
    const s = new PassThrough() as PassThrough & { isTTY?: boolean };
    s.isTTY = tty;
    let out = '';
    s.on('data', (d) => { out += d; });
    return { stream: s as unknown as NodeJS.WriteStream, text: () => out };
  }

  it('draws in place on a terminal', () => {
    const c = capture(true);
    const bar = new ProgressBar(c.stream, 4, 'Importing');
    bar.update(2);
    bar.finish();
    expect(c.text()).toBe(`\rImporting [${'#'.repeat(15)}${'.'.repeat(15)}] 2/4 50%\n`);
  });

  it('stays silent when the output is not a terminal', () => {
    const c = capture(false);
    const bar = new ProgressBar(c.stream, 4, 'Importing');
    bar.update(4);
    bar.finish();
    expect(c.text()).toBe('');
  });
});
