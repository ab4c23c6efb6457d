// The scorecard panel: one LA's A1/A10/A2/A3 against the thresholds for a chosen three-year window, and the A10/A2
// trend year by year as a chart. Suppressed figures are shown as suppressed, never guessed.
import { gql } from './api.js';
import { drawChart } from './charts.js';
import { el, listTable } from './tables.js';
import { failed } from './sections.js';

const FIELDS = 'authority yearEnding windowFrom windowTo adoptedCount a1Count a1Days a10Count a10Days a2Count a2Days a3Percent '
  + 'a10ThresholdDays a2ThresholdDays meetsA1 meetsA10 meetsA2 suppressed suppressedFields';

function valueCell(s, field, unit = '') {
  if (s.suppressedFields.includes(field)) {
    return { text: field.endsWith('Count') || field === 'adoptedCount' ? '<5' : 'suppressed (<5 children)', className: 'suppressed', field,
      title: 'Suppressed: a small number, withheld to protect the children counted' };
  }
  if (s[field] === null) return { text: '—', field, title: 'No children in this measure' };
  return { text: `${s[field]}${unit}`, field };
}

function verdict(meets) {
  if (meets === null) return { text: '—' };
  return meets ? { text: 'Meets', className: 'meets' } : { text: 'Above threshold', className: 'misses' };
}

function scorecardTable(s) {
  const rows = [
    [{ text: 'Children adopted' }, valueCell(s, 'adoptedCount'), { text: '' }, { text: '' }],
    [{ text: 'A1: entered care to placed for adoption (average days)' }, valueCell(s, 'a1Days'), { text: String(s.a10ThresholdDays) }, verdict(s.meetsA1)],
    [{ text: 'A10: entered care to moving in with the adopters (average days)' }, valueCell(s, 'a10Days'), { text: String(s.a10ThresholdDays) }, verdict(s.meetsA10)],
    [{ text: 'A2: placement order to match (average days)' }, valueCell(s, 'a2Days'), { text: String(s.a2ThresholdDays) }, verdict(s.meetsA2)],
    [{ text: 'A3: placed within 14 months' }, valueCell(s, 'a3Percent', '%'), { text: '' }, { text: '' }],
    [{ text: 'Children in A1 and A10' }, valueCell(s, 'a1Count'), { text: '' }, { text: '' }],
    [{ text: 'Children in A2' }, valueCell(s, 'a2Count'), { text: '' }, { text: '' }],
  ];
  return listTable({ id: 'scorecard', title: `${s.authority}: ${s.windowFrom} to ${s.windowTo}`, header: ['Measure', 'Value', 'Threshold', ''], rows });
}

async function showYear(authority, year) {
  const box = document.getElementById('scorecard-table');
  try {
    const { scorecard } = await gql(`query DashboardScorecard($a: String!, $y: Int!) { scorecard(authority: $a, yearEnding: $y) { ${FIELDS} } }`, { a: authority, y: year });
    box.replaceChildren(scorecardTable(scorecard));
  } catch (err) { failed(box, err); }
}

async function showTrend(authority, ctx) {
  const box = document.getElementById('scorecard-trend');
  const { scorecardTrend } = await gql(`query DashboardTrend($a: String!) { scorecardTrend(authority: $a) { ${FIELDS} } }`, { a: authority });
  const years = scorecardTrend.map((s) => String(s.yearEnding));
  const rows = scorecardTrend.map((s) => [{ text: String(s.yearEnding) }, valueCell(s, 'adoptedCount'), valueCell(s, 'a10Days'), valueCell(s, 'a2Days')]);
  box.replaceChildren(listTable({ id: 'scorecard-trend', title: `${ctx.nameOf(authority)}: three-year averages by year ending`, header: ['Year ending', 'Adopted', 'A10 days', 'A2 days'], rows }));
  drawChart(box, 'trend', {
    type: 'line', labels: years, title: 'A10 and A2 (three-year averages, days) against the thresholds',
    datasets: [
      { label: 'A10', data: scorecardTrend.map((s) => s.a10Days) },
      { label: 'A10 threshold (426)', data: scorecardTrend.map((s) => s.a10ThresholdDays), borderDash: [6, 4], pointRadius: 0 },
      { label: 'A2', data: scorecardTrend.map((s) => s.a2Days) },
      { label: 'A2 threshold (121)', data: scorecardTrend.map((s) => s.a2ThresholdDays), borderDash: [6, 4], pointRadius: 0 },
    ],
  });
  return scorecardTrend.map((s) => s.yearEnding);
}

/** Fills the LA picker with the LAs in scope and shows the first (the viewer's own LA when it is one). */
export async function renderScorecard(las, ctx) {
  const laSelect = document.getElementById('scorecard-authority');
  const yearSelect = document.getElementById('scorecard-year');
  laSelect.replaceChildren(...las.map((code) => { const o = el('option', '', ctx.nameOf(code)); o.value = code; return o; }));
  laSelect.value = las.includes(ctx.me.org) ? ctx.me.org : las[0];
  const load = async () => {
    try {
      const years = await showTrend(laSelect.value, ctx);
      yearSelect.replaceChildren(...years.map((y) => { const o = el('option', '', `${y - 3}-${String(y - 2).slice(2)} to ${y - 1}-${String(y).slice(2)}`); o.value = String(y); return o; }));
      yearSelect.value = String(years[years.length - 1]);
      await showYear(laSelect.value, Number(yearSelect.value));
    } catch (err) { failed(document.getElementById('scorecard-trend'), err); }
  };
  laSelect.onchange = load;
  yearSelect.onchange = () => showYear(laSelect.value, Number(yearSelect.value));
  if (las.length) await load();
}
