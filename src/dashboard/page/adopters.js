// The RAA's own figures: adopter households by stage, approved adopters' waits, and enquiries and matches per month
// over a chosen range of months (the latest 12 with data unless the viewer picks others).
import { gql } from './api.js';
import { drawChart, series } from './charts.js';
import { failed } from './roles.js';
import { metaOf, snapshotNote, unique } from './sections.js';
import { countTable, el, pivot } from './tables.js';

export const ADOPTER_STAGES = [
  ['ENQUIRY', 'Enquiry'], ['STAGE_ONE', 'Stage 1'], ['STAGE_TWO', 'Stage 2'], ['APPROVED', 'Approved, awaiting match'],
  ['MATCHED', 'Matched'], ['PLACED', 'Child placed, pre-order'], ['ADOPTION_ORDER', 'Adoption order'], ['WITHDRAWN', 'Withdrawn'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-12" as "December 2025". */
export function monthName(ym) {
  const [y, m] = ym.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

function table(container, ctx, { id, title, corner, rows, key, agencies, keys, labels, type, meta, yTitle = 'Households' }) {
  const matrix = pivot(rows, key, 'agency', keys, agencies);
  container.replaceChildren(countTable({ id, title, corner, rowLabels: labels, colLabels: agencies.map(ctx.nameOf), matrix, totals: false, meta }));
  drawChart(container, id, {
    type, labels, title, yTitle,
    datasets: agencies.map((a, j) => series(ctx.nameOf(a), matrix.map((r) => r[j]))),
  });
}

async function pipeline(ctx) {
  const container = document.getElementById('pipeline');
  try {
    const { adopterPipeline: rows } = await gql('query DashboardPipeline { adopterPipeline { agency stage count suppressed suppressionReason inferenceControl } }');
    const agencies = unique(rows.map((r) => r.agency));
    table(container, ctx, {
      id: 'pipeline', title: `Households by stage, as at ${ctx.today}`, corner: 'Stage', rows, key: 'stage', agencies, type: 'bar',
      keys: ADOPTER_STAGES.map((s) => s[0]), labels: ADOPTER_STAGES.map((s) => s[1]),
      meta: metaOf(ctx, agencies, { title: 'Adopter households by stage' }),
    });
  } catch (err) { failed(container, err, 'the adopter households figures', ctx.me.roles); }
}

async function waits(ctx) {
  const container = document.getElementById('waits');
  const asked = ctx.asOf || ctx.today;
  try {
    const { approvedAdopterWaits: rows } = await gql(`query DashboardWaits($asOf: Date) {
      approvedAdopterWaits(asOf: $asOf) { agency band count suppressed suppressionReason inferenceControl asOf } }`, { asOf: ctx.asOf || null });
    const asAt = rows.length ? rows[0].asOf : asked;
    const agencies = unique(rows.map((r) => r.agency));
    const bands = unique(rows.map((r) => r.band));
    table(container, ctx, {
      id: 'waits', title: `Approved adopters waiting, since approval, as at ${asAt}`, corner: 'Waiting', rows, key: 'band', agencies,
      keys: bands, labels: bands, type: 'bar', meta: metaOf(ctx, agencies, { asAt, title: 'Approved adopters waiting for a match, by time since approval' }),
    });
    const note = snapshotNote(asked, asAt, 'quarter end');
    if (note) container.querySelector('.table-head').after(el('p', 'table-note snapshot', note));
  } catch (err) { failed(container, err, 'the approved adopters figures', ctx.me.roles); }
}

const MONTHLY = [
  ['enquiries', 'enquiriesPerMonth', 'Enquiries', 'Households’ first enquiries per month'],
  ['matches', 'matchesPerMonth', 'Matches', 'Matches made per month'],
];

/** Enquiries and matches per month over `range` ({from, to} as YYYY-MM, or null for the latest 12 months with data). */
export async function renderMonthly(ctx, range) {
  await Promise.all(MONTHLY.map(async ([id, field, corner, what]) => {
    const container = document.getElementById(id);
    try {
      const data = await gql(`query DashboardMonthly($from: String, $to: String) { ${field}(from: $from, to: $to) { agency month count suppressed suppressionReason inferenceControl } }`,
        { from: range ? range.from : null, to: range ? range.to : null });
      const rows = data[field];
      const agencies = unique(rows.map((r) => r.agency));
      const months = unique(rows.map((r) => r.month));
      const first = months[0];
      const last = months[months.length - 1];
      const period = first ? { text: `${monthName(first)} to ${monthName(last)}`, slug: `${first}-to-${last}` } : null;
      table(container, ctx, {
        id, title: `${what}, ${period ? period.text : 'no months'}`, corner, rows, key: 'month', agencies, keys: months,
        labels: months.map((m) => monthName(m).replace(/^(\w{3})\w*/, '$1')), type: 'line', yTitle: corner,
        meta: metaOf(ctx, agencies, { period, title: what }),
      });
      container.dataset.from = first || '';
      container.dataset.to = last || '';
    } catch (err) { failed(container, err, `the ${corner.toLowerCase()} per month`, ctx.me.roles); }
  }));
  const shown = document.getElementById('enquiries').dataset;
  const from = document.getElementById('months-from');
  const to = document.getElementById('months-to');
  if (!range && shown.from) { from.value = shown.from; to.value = shown.to; }
}

/** Adopter pipeline, waits since approval, enquiries and matches per month (the RAA's own figures). */
export async function renderAdopters(ctx) {
  const form = document.getElementById('months-form');
  form.onsubmit = (e) => {
    e.preventDefault();
    const from = document.getElementById('months-from').value;
    const to = document.getElementById('months-to').value;
    renderMonthly(ctx, from && to ? { from, to } : null);
  };
  await Promise.all([pipeline(ctx), waits(ctx), renderMonthly(ctx, null)]);
}
