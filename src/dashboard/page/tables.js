// Tables of counts (rows × columns, with totals), suppressed cells shown as suppressed, each downloadable as CSV.
// Values are written with textContent only: nothing from the hub is ever parsed as HTML.
import { downloadCsv } from './csv.js';

/**
 * How a suppressed count reads on the page and in CSV files: "[c]" (confidential), the government statistics
 * marker. Not "<5": a count of 5 or more is also hidden when it would give away a small one beside it.
 */
export const SUPPRESSED_TEXT = '[c]';
export const SUPPRESSED_TITLE = 'Withheld to protect the children and families counted: a number from 1 to 4, or a figure that would let one be worked out';
/** Why a cell is withheld, as the hub says (suppressionReason), in words. */
export const REASON_TITLES = {
  SMALL_NUMBER: 'Withheld: a count from 1 to 4',
  COMPLEMENTARY: 'Withheld so that a withheld small count beside it cannot be worked out from a total',
  SMALL_GROUP_IN_A_YEAR: 'Withheld: a financial year inside the window has a group of 1 to 4 children',
  SMALL_HOUSEHOLD_GROUP: 'Withheld: the figure counts a household of a group of 1 to 4 households',
  SMALL_GROUP_IN_A_FLOW: 'Withheld: among the children counted, 1 to 4 entered the stage in one quarter and left it in another, '
    + 'so this figure (or its difference from another quarter’s) could single them out',
};
/** The rules' names as the page shows them (inferenceControl). */
export const CONTROL_NAMES = {
  NONE: 'figures in full', SMALL_NUMBERS: 'small numbers withheld', SCORECARD_YEAR_GROUPS: 'small yearly groups withheld',
  HOUSEHOLD_GROUPS: 'small groups of households withheld', STAGE_FLOW_GROUPS: 'small groups entering and leaving a stage withheld',
};
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
  // A part that is itself a lower bound (`hidden` parts inside) passes its bound and its hidden parts on.
  const count = cells.reduce((s, c) => s + (c.suppressed ? 1 : c.count ?? 0), 0);
  const hidden = cells.reduce((s, c) => s + (c.suppressed ? 1 : c.hidden || 0), 0);
  return { count, suppressed: false, hidden };
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
    return r ? { count: r.count, suppressed: r.suppressed, reason: r.suppressionReason || null, control: r.inferenceControl || null }
      : { count: 0, suppressed: false, reason: null, control: null };
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
      if (cell.suppressed) td.title = REASON_TITLES[cell.reason] || SUPPRESSED_TITLE;
      if (cell.reason) td.dataset.reason = cell.reason;
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
  const notes = ruleNotes(matrix.flat(), meta && meta.rules);
  if (lowerBounds.length) {
    notes.push(`Totals marked ≥ include figures shown as ${SUPPRESSED_TEXT}; each is counted as 1, the least it can be, so the true total is at least the number shown.`);
  }
  const csvMeta = meta && { ...meta, title: meta.title || title, notes: [...(meta.notes || []), ...notes.filter((n) => n.control).map((n) => n.text), ...csvNotes(lines, lowerBounds)] };
  return assemble({ id, title, table, lines, meta: csvMeta, notes });
}

/**
 * The rule each figure was published under (the cells' inferenceControl), in the hub's own words (`rules`: control →
 * text from inferenceControlRules), one note per rule; none when the hub did not say.
 */
export function ruleNotes(cells, rules) {
  const controls = [...new Set(cells.map((c) => c.control).filter(Boolean))];
  return controls.map((control) => ({
    text: `Rule applied: ${(rules && rules[control]) || CONTROL_NAMES[control] || control}`, control,
  }));
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
  const csvMeta = meta && { ...meta, title: meta.title || title, notes: [...(meta.notes || []), ...notes.map((n) => n.text || n), ...csvNotes(lines, [])] };
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
  for (const note of notes) {
    const p = el('p', note.control ? 'table-note rule' : 'table-note', note.text || note);
    if (note.control) p.dataset.control = note.control;
    wrap.append(p);
  }
  wrap.csvLines = lines;
  return wrap;
}
