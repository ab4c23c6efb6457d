// Children per stage over time: for each LA, a table and a line chart of the children in each stage on every quarter
// end of the chosen range (stageCountTrend, counted by the hub from milestone dates). A withheld point stays in its
// place: "[c]" in the table with its reason, a gap and a "[c]" mark on the chart.
import { gql } from './api.js';
import { drawChart, series } from './charts.js';
import { failed } from './roles.js';
import { metaOf, STAGES, unique } from './sections.js';
import { countTable, el, pivot, REASON_TITLES, SUPPRESSED_TEXT } from './tables.js';

const TREND = `query DashboardStageTrend($from: Date, $to: Date) {
  stageCountTrend(from: $from, to: $to) { authority asOf stage count suppressed suppressionReason inferenceControl } }`;

const stageName = (code) => (STAGES.find(([c]) => c === code) || [code, code])[1];

/** The range shown, in words and for file names, from the first and last quarter end. */
function periodOf(ends) {
  if (!ends.length) return null;
  const [first, last] = [ends[0], ends[ends.length - 1]];
  return { text: `quarter ends ${first} to ${last}`, slug: `${first}-to-${last}` };
}

/** One LA's table and chart: quarter ends as rows, stages as columns. */
function laTrend(ctx, la, rows, ends, stages, period) {
  const box = el('div', 'body stage-trend-la');
  box.id = `stage-trend-${la}`;
  box.dataset.authority = la;
  const own = rows.filter((r) => r.authority === la);
  const matrix = pivot(own, 'asOf', 'stage', ends, stages);
  const reasons = unique(own.filter((r) => r.suppressed).map((r) => r.suppressionReason || 'SMALL_NUMBER'));
  // The reasons a cell is withheld, said under the table and in the file's heading (not only in a tooltip).
  const reasonLines = reasons.map((r) => `${SUPPRESSED_TEXT} ${REASON_TITLES[r] || REASON_TITLES.SMALL_NUMBER}.`);
  const meta = metaOf(ctx, [la], { period, title: `${ctx.nameOf(la)}: children per stage at each quarter end` });
  const wrap = countTable({
    id: `stage-trend-${la}`, title: `${ctx.nameOf(la)}: children per stage, ${period.text}`, corner: 'Quarter end',
    rowLabels: ends, colLabels: stages.map(stageName), matrix, totals: false,
    meta: { ...meta, notes: [...meta.notes, ...reasonLines] },
  });
  for (const line of reasonLines) wrap.querySelector('table').after(el('p', 'table-note reason', line));
  box.append(wrap);
  drawChart(box, `stage-trend-${la}`, {
    type: 'line', labels: ends, title: `${ctx.nameOf(la)}: children per stage, ${period.text}`, yTitle: 'Children',
    datasets: stages.map((stage, j) => series(stageName(stage), matrix.map((r) => r[j]))),
  });
  return box;
}

/** Draws the trend for `range` ({from, to} as YYYY-MM-DD, or null for the hub's default: the last 8 quarter ends). */
export async function renderStageTrend(ctx, range) {
  const container = document.getElementById('stage-trend-body');
  try {
    const { stageCountTrend: rows } = await gql(TREND, { from: range ? range.from : null, to: range ? range.to : null });
    const ends = unique(rows.map((r) => r.asOf)).sort();
    const las = unique(rows.map((r) => r.authority));
    const stages = unique(rows.map((r) => r.stage));
    const period = periodOf(ends);
    if (!period) {
      container.replaceChildren(el('p', 'unavailable', 'No quarter end falls in the range chosen.'));
      return;
    }
    container.replaceChildren(...las.map((la) => laTrend(ctx, la, rows, ends, stages, period)));
    container.dataset.from = ends[0];
    container.dataset.to = ends[ends.length - 1];
    if (!range) {
      document.getElementById('trend-from').value = ends[0];
      document.getElementById('trend-to').value = ends[ends.length - 1];
    }
  } catch (err) {
    if (err.code === 'BAD_USER_INPUT') container.replaceChildren(el('p', 'error', err.message));
    else failed(container, err, 'the children per stage over time', ctx.me.roles);
  }
}

/** The panel: its date-range form, then the last 8 quarter ends until the viewer picks others. */
export async function renderStageTrendPanel(ctx) {
  document.getElementById('trend-form').onsubmit = (e) => {
    e.preventDefault();
    const from = document.getElementById('trend-from').value;
    const to = document.getElementById('trend-to').value;
    renderStageTrend(ctx, from || to ? { from: from || null, to: to || null } : null);
  };
  await renderStageTrend(ctx, null);
}
