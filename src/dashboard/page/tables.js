// Tables of counts (rows × columns, with totals), suppressed cells shown as suppressed, each downloadable as CSV.
// Values are written with textContent only: nothing from the hub is ever parsed as HTML.

/**
 * How a suppressed count reads on the page and in CSV files: "[c]" (confidential), the government statistics
 * marker. Not "<5": a count of 5 or more is also hidden when it would give away a small one beside it.
 */
export const SUPPRESSED_TEXT = '[c]';
const SUPPRESSED_TITLE = 'Suppressed to protect the children and families counted: a number from 1 to 4, or a figure that would let one be worked out';

/** Creates an element with a class and text. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A cell value: {count, suppressed}; totals add the shown counts and say "N+" when any part is hidden. */
function sumOf(cells) {
  const shown = cells.reduce((s, c) => s + (c.count ?? 0), 0);
  const hidden = cells.some((c) => c.suppressed);
  return { count: shown, suppressed: false, partial: hidden };
}

function textOf(cell) {
  if (cell.suppressed) return SUPPRESSED_TEXT;
  if (cell.count === null || cell.count === undefined) return '—';
  return cell.partial ? `${cell.count}+` : String(cell.count);
}

/**
 * Pivots rows of the API ({[rowKey], [colKey], count, suppressed}) into a matrix in the given orders; missing
 * combinations are zero (the API lists them all anyway).
 */
export function pivot(rows, rowKey, colKey, rowOrder, colOrder) {
  const at = new Map(rows.map((r) => [`${r[rowKey]}\u0000${r[colKey]}`, r]));
  return rowOrder.map((rk) => colOrder.map((ck) => {
    const r = at.get(`${rk}\u0000${ck}`);
    return r ? { count: r.count, suppressed: r.suppressed } : { count: 0, suppressed: false };
  }));
}

/**
 * A table: `matrix[i][j]` under `colLabels`, rows named by `rowLabels`, optional totals (a column and a row), a
 * title and a CSV button. Every count cell carries data-count / data-suppressed for scripts and tests.
 */
export function countTable({ id, title, corner, rowLabels, colLabels, matrix, totals = true }) {
  const wrap = el('div', 'table-wrap');
  const head = el('div', 'controls');
  head.append(el('h3', '', title));
  const table = el('table');
  table.id = `${id}-table`;
  const headRow = el('tr');
  for (const label of [corner, ...colLabels, ...(totals && colLabels.length > 1 ? ['Total'] : [])]) headRow.append(el('th', '', label));
  table.appendChild(el('thead')).append(headRow);
  const body = table.appendChild(el('tbody'));
  const lines = [[corner, ...colLabels, ...(totals && colLabels.length > 1 ? ['Total'] : [])]];
  const addRow = (label, cells, className) => {
    const tr = el('tr', className);
    tr.append(el('td', '', label));
    const line = [label];
    cells.forEach((cell, j) => {
      const isTotal = className === 'total' || j === colLabels.length;
      const td = el('td', `${cell.suppressed ? 'suppressed' : ''}${isTotal ? ' total' : ''}`.trim(), textOf(cell));
      td.dataset.count = cell.count === null ? '' : String(cell.count);
      td.dataset.suppressed = String(Boolean(cell.suppressed));
      if (cell.suppressed) td.title = SUPPRESSED_TITLE;
      if (cell.partial) td.title = 'At least this many: the total includes suppressed figures';
      tr.append(td);
      line.push(textOf(cell));
    });
    body.append(tr);
    lines.push(line);
  };
  matrix.forEach((cells, i) => addRow(rowLabels[i], totals && cells.length > 1 ? [...cells, sumOf(cells)] : cells));
  if (totals && matrix.length > 1) {
    const columns = colLabels.map((_, j) => sumOf(matrix.map((r) => r[j])));
    addRow('Total', columns.length > 1 ? [...columns, sumOf(matrix.flat())] : columns, 'total');
  }
  return withCsvDownload(wrap, head, table, id, lines);
}

/** A simple two-column table (label, value) with CSV, for the scorecard and the like; cells as {text, className, title}. */
export function listTable({ id, title, header, rows }) {
  const wrap = el('div', 'table-wrap');
  const head = el('div', 'controls');
  head.append(el('h3', '', title));
  const table = el('table');
  table.id = `${id}-table`;
  const tr = el('tr');
  for (const h of header) tr.append(el('th', '', h));
  table.appendChild(el('thead')).append(tr);
  const body = table.appendChild(el('tbody'));
  const lines = [header];
  for (const row of rows) {
    const line = el('tr');
    row.forEach((c, j) => {
      const td = el('td', c.className || '', c.text);
      if (c.title) td.title = c.title;
      if (c.field) td.dataset.field = c.field;
      line.append(td);
    });
    body.append(line);
    lines.push(row.map((c) => c.text));
  }
  return withCsvDownload(wrap, head, table, id, lines);
}

/** Adds the table's "Download CSV" button (of `lines`) to its heading and assembles the wrapper. */
function withCsvDownload(wrap, head, table, id, lines) {
  const csv = el('button', 'csv', 'Download CSV');
  csv.type = 'button';
  csv.dataset.csv = id;
  csv.addEventListener('click', () => downloadCsv(`${id}.csv`, lines));
  head.append(csv);
  wrap.append(head, table);
  wrap.csvLines = lines;
  return wrap;
}

/** CSV text (RFC 4180 quoting) of an array of lines. */
export function csvText(lines) {
  const quote = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Saves `lines` as a CSV file, built in the browser (a Blob): nothing is sent anywhere. */
export function downloadCsv(name, lines) {
  const url = URL.createObjectURL(new Blob([csvText(lines)], { type: 'text/csv;charset=utf-8' }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
