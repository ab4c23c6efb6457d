import { parseCsv } from '../../../src/sync/ssda903/csv-reader';
import { recogniseTable } from '../../../src/sync/ssda903/table-recognition';

describe('parseCsv', () => {
  it('strips a UTF-8 byte-order mark so the first column is still CHILD', () => {
    const t = parseCsv('\ufeffCHILD,DOB\r\nA1,01/02/2020\r\n');
    expect(t.columns).toEqual(['CHILD', 'DOB']);
    expect(t.records).toEqual([{ line: 2, fields: ['A1', '01/02/2020'] }]);
  });

  it('reads the last record when the file has no final newline', () => {
    const t = parseCsv('CHILD,DOB\nA1,01/02/2020\nA2,03/04/2021');
    expect(t.records.map((r) => r.fields[0])).toEqual(['A1', 'A2']);
  });

  it('reads quoted fields with commas, doubled quotes and newlines, numbering records by their first line', () => {
    const t = parseCsv('CHILD,URN\n"A1","x, ""y"""\n"A2","two\nlines"\nA3,z\n');
    expect(t.records).toEqual([
      { line: 2, fields: ['A1', 'x, "y"'] },
      { line: 3, fields: ['A2', 'two\nlines'] },
      { line: 5, fields: ['A3', 'z'] },
    ]);
  });

  it('skips blank lines but keeps line numbers true to the file', () => {
    const t = parseCsv('CHILD\n\nA1\n,\nA2\n');
    expect(t.records).toEqual([{ line: 3, fields: ['A1'] }, { line: 5, fields: ['A2'] }]);
  });
});

describe('recogniseTable', () => {
  it('recognises a table by its columns whatever their order, and lists extra columns', () => {
    const cols = ['URN', 'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC',
      'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'TEST_COLUMN'];
    expect(recogniseTable(cols)).toEqual({ table: 'Episodes', extraColumns: ['TEST_COLUMN'] });
  });

  it('prefers the larger table when a file holds all columns of two (Header with a DUC column is not UASC)', () => {
    const cols = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB', 'DUC'];
    expect(recogniseTable(cols)?.table).toBe('Header');
    expect(recogniseTable(['CHILD', 'SEX', 'DOB', 'DUC'])?.table).toBe('UASC');
  });

  it('does not recognise a file missing a column', () => {
    expect(recogniseTable(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER'])).toBeNull();
  });
});
