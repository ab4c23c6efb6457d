// Tables of counts (rows × columns, with totals), suppressed cells shown as suppressed, each downloadable as CSV.
// Values are written with textContent only: nothing from the hub is ever parsed as HTML.
import { downloadCsv } from './csv.js';

/**
 * How a suppressed count reads on the page and in CSV files: "[c]" (confidential), the government statistics
 * marker. Not "<5": a count of 5 or more is also hidden when it would give away a small one beside it.
 */
export const SUPPRESSED_TEXT = '[c]';
export const SUPPRESSED_TITLE = 'Suppressed to protect the children and families counted: a number from 1 to 4, or a figure that would let one be worked out';
const LOWER_BOUND_TITLE = 'At least this many: the total includes figures shown as [c], each counted here as 1 (the least it can be)';

/** Creates an element with a class and text. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A total of cells ({count, suppressed}). When parts are suppressed the exact total is unknown; each hidden part is
 * at least 1 (a zero is never hidden), so the total is at least the shown parts plus one per hidden part: that
 * lower bound is what is shown ("≥ 7"), never "0+".
 */
function sumOf(cells) {
  const shown = cells.reduce((s, c) => s + (c.suppressed ? 0 : c.count ?? 0), 0);
  const hidden = cells.filter((c) => c.suppressed).length;
  return { count: shown + hidden, suppressed: false, hidden };
}

function textOf(cell) {
  if (cell.suppressed) return SUPPRESSED_TEXT;
  if (cell.count === null || cell.count === undefined) return '—';
  return cell.hidden ? `≥ ${cell.count}` : String(cell.count);
}

/** A cell as a CSV value: the number itself, "[c]" when suppressed, empty when there is none. */
function csvOf(cell) {
  if (cell.suppressed) return SUPPRESSED_TEXT;
  return cell.count === null || cell.count === undefined ? '' : cell.count;
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

function tableShell(id, title, header) {
  const table = el('table');
  table.id = `${id}-table`;
  table.append(el('caption', 'visually-hidden', title));
  const headRow = el('tr');
  for (const label of header) {
    const th = el('th', '', label);
    th.scope = 'col';
    headRow.append(th);
  }
  table.appendChild(el('thead')).append(headRow);
  return table;
}

/**
 * A table: `matrix[i][j]` under `colLabels`, rows named by `rowLabels`, optional totals (a column and a row), a
 * title and a CSV button (`meta`: see csv.js). Every count cell carries data-count / data-suppressed for scripts and
 * tests; a total with suppressed parts carries data-lower-bound="true" and is explained under the table.
 */
export function countTable({ id, title, corner, rowLabels, colLabels, matrix, totals = true, meta }) {
  const withTotalColumn = totals && colLabels.length > 1;
  const header = [corner, ...colLabels, ...(withTotalColumn ? ['Total'] : [])];
  const table = tableShell(id, title, header);
  const body = table.appendChild(el('tbody'));
  const lines = [header];
  const lowerBounds = [];
  const addRow = (label, cells, className) => {
    const tr = el('tr', className);
    const th = el('th', '', label);
    th.scope = 'row';
    tr.append(th);
    const line = [label];
    cells.forEach((cell, j) => {
      const isTotal = className === 'total' || j === colLabels.length;
      const td = el('td', `${cell.suppressed ? 'suppressed' : ''}${isTotal ? ' total' : ''}`.trim(), textOf(cell));
      td.dataset.count = cell.count === null ? '' : String(cell.count);
      td.dataset.suppressed = String(Boolean(cell.suppressed));
      if (cell.suppressed) td.title = SUPPRESSED_TITLE;
      if (cell.hidden) {
        td.title = LOWER_BOUND_TITLE;
        td.dataset.lowerBound = 'true';
        lowerBounds.push(`${label} / ${header[j + 1]}`);
      }
      tr.append(td);
      line.push(csvOf(cell));
    });
    body.append(tr);
    lines.push(line);
  };
  matrix.forEach((cells, i) => addRow(rowLabels[i], withTotalColumn ? [...cells, sumOf(cells)] : cells));
  if (totals && matrix.length > 1) {
    const columns = colLabels.map((_, j) => sumOf(matrix.map((r) => r[j])));
    addRow('Total', withTotalColumn ? [...columns, sumOf(matrix.flat())] : columns, 'total');
  }
  const notes = [];
  if (lowerBounds.length) {
    notes.push(`Totals marked ≥ include figures shown as ${SUPPRESSED_TEXT}; each is counted as 1, the least it can be, so the true total is at least the number shown.`);
  }
  const csvMeta = meta && { ...meta, title: meta.title || title, notes: [...(meta.notes || []), ...csvNotes(lines, lowerBounds)] };
  return assemble({ id, title, table, lines, meta: csvMeta, notes });
}

function csvNotes(lines, lowerBounds) {
  const notes = [];
  if (lines.some((l) => l.includes(SUPPRESSED_TEXT))) notes.push(`${SUPPRESSED_TEXT}: ${SUPPRESSED_TITLE}.`);
  if (lowerBounds.length) notes.push(`Lower-bound totals (the true total is at least this, each ${SUPPRESSED_TEXT} counted as 1): ${lowerBounds.join('; ')}.`);
  return notes;
}

/**
 * A table of labelled rows (the scorecard and the like); cells as {text, className, title, field, csv} where `csv`
 * is the value written to the CSV file (a number where the cell shows one), `text` when absent.
 */
export function listTable({ id, title, header, rows, meta, notes = [] }) {
  const table = tableShell(id, title, header);
  const body = table.appendChild(el('tbody'));
  const lines = [header];
  for (const row of rows) {
    const line = el('tr');
    row.forEach((c, j) => {
      const cell = el(j === 0 ? 'th' : 'td', c.className || '', c.text);
      if (j === 0) cell.scope = 'row';
      if (c.title) cell.title = c.title;
      if (c.field) cell.dataset.field = c.field;
      line.append(cell);
    });
    body.append(line);
    lines.push(row.map((c) => (c.csv !== undefined ? c.csv : c.text)));
  }
  const csvMeta = meta && { ...meta, title: meta.title || title, notes: [...(meta.notes || []), ...csvNotes(lines, [])] };
  return assemble({ id, title, table, lines, meta: csvMeta, notes });
}

/** The table's wrapper: its heading with the "Download CSV" button, the table, and notes under it. */
function assemble({ id, title, table, lines, meta, notes }) {
  const wrap = el('div', 'table-wrap');
  const head = el('div', 'table-head');
  head.append(el('h3', '', title));
  if (meta) {
    const csv = el('button', 'csv', 'Download CSV');
    csv.type = 'button';
    csv.dataset.csv = id;
    csv.addEventListener('click', () => downloadCsv(meta, lines));
    head.append(csv);
  }
  wrap.append(head, table);
  for (const note of notes) wrap.append(el('p', 'table-note', note));
  wrap.csvLines = lines;
  return wrap;
}
