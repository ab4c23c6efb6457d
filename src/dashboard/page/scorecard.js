// The scorecard panel: one LA's A1/A10/A2/A3 against the thresholds for a chosen three-year window, and the A10/A2
// trend year by year as a chart. Suppressed figures are shown as suppressed, never guessed.
import { gql } from './api.js';
import { drawChart } from './charts.js';
import { failed } from './roles.js';
import { metaOf } from './sections.js';
import { el, listTable, REASON_TITLES, ruleNotes, SUPPRESSED_TEXT } from './tables.js';

const BASIC = 'authority yearEnding windowFrom windowTo period complete adoptedCount a1Count a1Days a10Count a10Days a2Count a2Days '
  + 'a3Percent a3PercentA1Basis a10ThresholdDays a2ThresholdDays meetsA1 meetsA10 meetsA2 suppressed suppressedFields suppressionReason '
  + 'inferenceControl a10Segments { count enteredCareToPlacementOrderDays placementOrderToMatchDays matchToMovedInDays }';
const FIELDS = `${BASIC} singleYear { ${BASIC} } projection { ${BASIC} }`;

/** A field of a scorecard, nested ones written 'a10Segments.count'. */
const get = (s, field) => field.split('.').reduce((v, k) => (v === null || v === undefined ? v : v[k]), s);

function valueCell(s, field) {
  if (!s) return { text: '—', csv: '', title: 'Not available' };
  if (s.suppressedFields.includes(field)) {
    const count = field.endsWith('Count');
    const yearly = s.suppressionReason === 'SMALL_GROUP_IN_A_YEAR';
    return { text: yearly || count ? SUPPRESSED_TEXT : `${SUPPRESSED_TEXT} (under 5 children)`, csv: SUPPRESSED_TEXT, className: 'suppressed', field,
      title: yearly ? REASON_TITLES.SMALL_GROUP_IN_A_YEAR
        : count ? 'Withheld: a small number, to protect the children counted' : 'Withheld: an average over fewer than 5 children, to protect them' };
  }
  const v = get(s, field);
  if (v === null || v === undefined) return { text: '—', csv: '', field, title: 'No children in this measure' };
  return { text: field.startsWith('a3Percent') ? `${v}%` : String(v), csv: v, field };
}

function verdict(meets, field) {
  if (meets === null) return { text: '—', csv: '', field, title: 'No verdict: the figure is empty or suppressed' };
  return meets ? { text: 'Meets', className: 'meets', field } : { text: 'Above threshold', className: 'misses', field };
}

const threshold = (days) => ({ text: `${days} days`, csv: days, className: 'threshold' });
const blank = { text: '', csv: '' };

const short = (from, to) => `${from.slice(0, 4)}\u2011${to.slice(2, 4)}`; // a non-breaking hyphen: "2018‑21" stays on one line

function scorecardTable(s, ctx) {
  const one = s.singleYear;
  const next = s.projection;
  const row = (label, field, threshold = blank, verdictCell = blank) => [{ text: label }, valueCell(s, field), valueCell(one, field),
    { ...valueCell(next, field), className: `${valueCell(next, field).className || ''} projection`.trim() }, threshold, verdictCell];
  const rows = [
    row('Children adopted', 'adoptedCount'),
    row('A1: entered care to placed for adoption (average days)', 'a1Days', threshold(s.a10ThresholdDays), verdict(s.meetsA1, 'meetsA1')),
    row('A10: entered care to moving in with the adopters (average days)', 'a10Days', threshold(s.a10ThresholdDays), verdict(s.meetsA10, 'meetsA10')),
    row('… of which entered care to placement order (average days)', 'a10Segments.enteredCareToPlacementOrderDays'),
    row('… of which placement order to match (average days)', 'a10Segments.placementOrderToMatchDays'),
    row('… of which match to moving in (average days)', 'a10Segments.matchToMovedInDays'),
    row('A2: placement order to match (average days)', 'a2Days', threshold(s.a2ThresholdDays), verdict(s.meetsA2, 'meetsA2')),
    row('A3, hub basis: A10 under 426 days (% of the A10 children)', 'a3Percent'),
    row('A3, DfE basis: A1 under 426 days (% of the A1 children)', 'a3PercentA1Basis'),
    row('Children in A1 and A10', 'a1Count'),
    row('Children in A2', 'a2Count'),
    row('Children in the A10 segments (in both A1 and A2)', 'a10Segments.count'),
  ];
  const period = { text: `${s.windowFrom} to ${s.windowTo} (three years)`, slug: `${s.windowFrom}-to-${s.windowTo}` };
  const header = ['Measure', `Three years ${short(s.windowFrom, s.windowTo)}`, one ? `Single year ${short(one.windowFrom, one.windowTo)}` : 'Single year',
    next ? `Next window ${short(next.windowFrom, next.windowTo)}${next.complete ? '' : ' (so far)'}` : 'Next window', 'Threshold', 'Verdict'];
  return listTable({
    id: 'scorecard', title: `${ctx.nameOf(s.authority)}: ${s.windowFrom} to ${s.windowTo}`, header, rows,
    meta: metaOf(ctx, [s.authority], { period, asAt: ctx.today, title: 'Adoption scorecard (A1, A10, A2, A3)' }),
    notes: ['A verdict “Meets” is at or below the threshold (of the three-year figure). The A10 segments are averaged over the '
      + 'children in both A1 and A2 and add up to their mean A10; a match before the placement order makes the middle one negative. '
      + 'The next window is projected from the children already adopted in it.',
      ...ruleNotes([{ control: s.inferenceControl }], ctx.rules)],
  });
}

async function showYear(authority, year, ctx) {
  const box = document.getElementById('scorecard-window');
  try {
    const { scorecard } = await gql(`query DashboardScorecard($a: String!, $y: Int!) { scorecard(authority: $a, yearEnding: $y) { ${FIELDS} } }`, { a: authority, y: year });
    box.replaceChildren(scorecardTable(scorecard, ctx));
  } catch (err) { failed(box, err, 'the adoption scorecard', ctx.me.roles); }
}

const days = (s, field) => (s.suppressedFields.includes(field) ? null : s[field]);

async function showTrend(authority, ctx) {
  const box = document.getElementById('scorecard-trend');
  const { scorecardTrend } = await gql(`query DashboardTrend($a: String!) { scorecardTrend(authority: $a) { ${FIELDS} } }`, { a: authority });
  const years = scorecardTrend.map((s) => String(s.yearEnding));
  const rows = scorecardTrend.map((s) => [{ text: String(s.yearEnding), csv: s.yearEnding }, valueCell(s, 'adoptedCount'), valueCell(s, 'a10Days'), valueCell(s, 'a2Days')]);
  const period = years.length ? { text: `three-year windows ending 31 March ${years[0]} to 31 March ${years[years.length - 1]}`, slug: `${years[0]}-to-${years[years.length - 1]}` } : null;
  box.replaceChildren(listTable({
    id: 'scorecard-trend', title: `${ctx.nameOf(authority)}: three-year averages by year ending`, header: ['Year ending', 'Adopted', 'A10 days', 'A2 days'], rows,
    meta: metaOf(ctx, [authority], { period, title: 'Adoption scorecard trend (three-year averages)' }),
    notes: ruleNotes(scorecardTrend.map((s) => ({ control: s.inferenceControl })), ctx.rules),
  }));
  const flag = (field) => scorecardTrend.map((s) => s.suppressedFields.includes(field));
  drawChart(box, 'trend', {
    type: 'line', labels: years, title: 'A10 and A2 (three-year averages, days) against the thresholds', yTitle: 'Days',
    datasets: [
      { label: 'A10', data: scorecardTrend.map((s) => days(s, 'a10Days')), suppressed: flag('a10Days') },
      { label: 'A10 threshold (426)', data: scorecardTrend.map((s) => s.a10ThresholdDays), borderDash: [6, 4], pointRadius: 0 },
      { label: 'A2', data: scorecardTrend.map((s) => days(s, 'a2Days')), suppressed: flag('a2Days') },
      { label: 'A2 threshold (121)', data: scorecardTrend.map((s) => s.a2ThresholdDays), borderDash: [6, 4], pointRadius: 0 },
    ],
  });
  drawSegments(scorecardTrend, years);
  return scorecardTrend.map((s) => s.yearEnding);
}

const SEGMENTS = [['enteredCareToPlacementOrderDays', 'Entered care to placement order'], ['placementOrderToMatchDays', 'Placement order to match'],
  ['matchToMovedInDays', 'Match to moving in']];

/** A10 in its segments, window by window, stacked, with the A10 threshold drawn: how much of the wait is in court. */
function drawSegments(trend, years) {
  const box = document.getElementById('scorecard-segments');
  box.replaceChildren(el('h3', '', 'A10 in its segments (three-year averages, days)'));
  drawChart(box, 'segments', {
    type: 'bar', stacked: true, labels: years, title: 'Where the A10 days go, against the 426-day threshold', yTitle: 'Days',
    datasets: [
      ...SEGMENTS.map(([field, label]) => {
        const hidden = trend.map((s) => s.suppressedFields.includes(`a10Segments.${field}`));
        return { label, data: trend.map((s, i) => (hidden[i] ? null : s.a10Segments[field])), suppressed: hidden, stack: 'segments' };
      }),
      { type: 'line', label: 'A10 threshold (426)', data: trend.map((s) => s.a10ThresholdDays), borderDash: [6, 4], pointRadius: 0, stack: 'threshold', borderColor: '#a4262c', backgroundColor: '#a4262c' },
    ],
  });
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
      await showYear(laSelect.value, Number(yearSelect.value), ctx);
    } catch (err) { failed(document.getElementById('scorecard-trend'), err, 'the adoption scorecard', ctx.me.roles); }
  };
  laSelect.onchange = load;
  yearSelect.onchange = () => showYear(laSelect.value, Number(yearSelect.value), ctx);
  if (las.length) await load();
}
