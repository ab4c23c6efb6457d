// A small RFC 4180 reader: the 903 CSVs come from many case systems (Excel saves, BOMs, CRLF, no final newline),
// and the hub adds no dependency for something this size.

/** One data record of a CSV file, with the 1-based line of the file where it starts (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A parsed CSV file: its column names (trimmed, upper-cased) and its non-blank data records. */
export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/** Parses CSV text: strips a UTF-8 BOM, accepts CRLF/LF/CR, quoted fields with "" escapes and embedded newlines. */
export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = splitRecords(src);
  const first = rows.shift();
  const columns = first ? first.fields.map((c) => c.trim().toUpperCase()) : [];
  const records = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  return { columns, records };
}

function splitRecords(src: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    out.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { inQuotes = false; i += 1; continue; }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') { field = ''; inQuotes = true; i += 1; continue; }
    if (ch === ',') { fields.push(field); field = ''; i += 1; continue; }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}
