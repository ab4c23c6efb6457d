// CSV files of the dashboard's tables, built in the browser (nothing is sent anywhere). Each file is named and headed
// with what it holds, whose figures, for which period and as at when, so a saved copy still says what it is; numbers
// are written as numbers (no "12+" or "39.6%"), so a spreadsheet reads them as numbers.

/**
 * A text cell a spreadsheet would run as a formula (leading = + - @, or a tab / carriage return that some programs
 * strip before looking) gets a leading apostrophe, so a name from the hub can never become a formula. Numbers are
 * left alone: -5 is a number, not a formula.
 */
export function neutraliseCell(value) {
  if (typeof value === 'number') return value;
  const text = String(value ?? '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV text (RFC 4180 quoting, CRLF) of an array of lines; every text cell neutralised first. */
export function csvText(lines) {
  const quote = (v) => {
    const s = String(neutraliseCell(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}

const slug = (text) => String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Today's date (YYYY-MM-DD, UTC). */
export function today() { return new Date().toISOString().slice(0, 10); }

/**
 * What a table's file says about itself: `title`, the `authorities` ({code, name}) whose figures it holds, the
 * `period` ({text, slug}) and the `asAt` date (YYYY-MM-DD) the figures describe; `notes` are further lines.
 */
export function csvFileName(meta) {
  const codes = meta.authorities.map((a) => a.code).join('-');
  const parts = ['permanence-hub', slug(meta.title), codes, meta.period && meta.period.slug, `as-at-${meta.asAt}`].filter(Boolean);
  return `${parts.join('_')}.csv`;
}

/** The heading lines of a file (one cell each), then a blank line; the table follows. */
export function csvHeading(meta) {
  const lines = [
    [meta.title],
    [`Authority: ${meta.authorities.map((a) => `${a.name} (${a.code})`).join('; ')}`],
  ];
  if (meta.period) lines.push([`Period: ${meta.period.text}`]);
  lines.push([`As at: ${meta.asAt}`]);
  lines.push([`Produced by Permanence Hub on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`]);
  for (const note of meta.notes || []) lines.push([note]);
  lines.push([]);
  return lines;
}

/** Saves `lines` under `meta`'s heading as a CSV file named from `meta`. */
export function downloadCsv(meta, lines) {
  const url = URL.createObjectURL(new Blob([csvText([...csvHeading(meta), ...lines])], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(meta);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
