// The adopters' journey (issue 11 §3): the funnel by cohort (quarter of first enquiry), assessment timeliness against
// the norms (stage 1 about 2 months, stage 2 about 4, approval within 6 months of registration, matched within 3
// months of approval) drawn on the chart, and the pipeline over time (A11 approved families waiting, A13 applications
// still to be assessed, A12 matched after waiting 3 months or more), all from the hub's aggregate queries.
import { gql } from './api.js';
import { drawChart } from './charts.js';
import { failed } from './roles.js';
import { metaOf, unique } from './sections.js';
import { listTable, ruleNotes, REASON_TITLES, SUPPRESSED_TEXT } from './tables.js';

const STEPS = [['enquiries', 'Enquiries'], ['stageOne', 'Stage 1'], ['stageTwo', 'Stage 2'], ['approved', 'Approved'], ['matched', 'Matched']];
export const MEASURES = [
  ['STAGE_ONE', 'Stage 1'], ['STAGE_TWO', 'Stage 2'], ['REGISTRATION_TO_APPROVAL', 'Registration to approval'], ['APPROVAL_TO_MATCH', 'Approval to match'],
];
/** Average days in a calendar month, to draw a norm given in months on a chart in days. */
const DAYS_PER_MONTH = 365.25 / 12;

const withheld = (row) => ({ text: SUPPRESSED_TEXT, csv: SUPPRESSED_TEXT, className: 'suppressed', title: REASON_TITLES[row.suppressionReason] || REASON_TITLES.SMALL_NUMBER });
const num = (v, unit = '') => (v === null || v === undefined ? { text: '—', csv: '' } : { text: `${v}${unit}`, csv: v });
const periodOf = (quarters) => (quarters.length ? { text: `${quarters[0]} to ${quarters[quarters.length - 1]} (calendar quarters)`, slug: `${quarters[0]}-to-${quarters[quarters.length - 1]}` } : null);

async function funnel(ctx) {
  const box = document.getElementById('funnel');
  try {
    const { adopterFunnel: rows } = await gql(`query DashboardFunnel { adopterFunnel { agency quarter enquiries stageOne stageOnePercent stageTwo
      stageTwoPercent approved approvedPercent matched matchedPercent suppressed suppressionReason inferenceControl } }`);
    const agencies = unique(rows.map((r) => r.agency));
    const quarters = unique(rows.map((r) => r.quarter));
    const cell = (r, key) => (r.suppressed ? withheld(r) : key === 'enquiries' ? num(r[key])
      : { text: `${r[key]} (${r[`${key}Percent`] ?? '—'}%)`, csv: r[key] });
    box.replaceChildren(listTable({
      id: 'funnel', title: 'Adopter funnel: how far each cohort of enquiries has got', header: ['Quarter of first enquiry', ...STEPS.map((s) => s[1])],
      rows: rows.map((r) => [{ text: agencies.length > 1 ? `${r.quarter} ${ctx.nameOf(r.agency)}` : r.quarter, csv: r.quarter }, ...STEPS.map(([k]) => cell(r, k))]),
      meta: metaOf(ctx, agencies, { period: periodOf(quarters), title: 'Adopter funnel by cohort (quarter of first enquiry)' }),
      notes: ['Each step counts the households that reached it (percentages of the cohort’s enquiries); a recent cohort is still on its way.',
        ...ruleNotes(rows.map((r) => ({ control: r.inferenceControl })), ctx.rules)],
    }));
    drawChart(box, 'funnel', {
      type: 'bar', labels: quarters, title: 'Households reaching each step, by cohort', yTitle: 'Households',
      datasets: STEPS.map(([k, label]) => ({ label, data: rows.map((r) => (r.suppressed ? null : r[k])), suppressed: rows.map((r) => r.suppressed) })),
    });
  } catch (err) { failed(box, err, 'the adopter funnel', ctx.me.roles); }
}

async function timeliness(ctx) {
  const box = document.getElementById('timeliness');
  try {
    const { adopterTimeliness: rows } = await gql(`query DashboardTimeliness { adopterTimeliness { agency quarter measure households averageDays
      withinNorm withinNormPercent normMonths norm suppressed suppressionReason inferenceControl } }`);
    const agencies = unique(rows.map((r) => r.agency));
    const quarters = unique(rows.map((r) => r.quarter));
    const at = new Map(rows.map((r) => [`${r.quarter}|${r.measure}`, r]));
    const norms = new Map(rows.map((r) => [r.measure, r]));
    const cell = (r) => (!r ? num(null) : r.suppressed ? withheld(r)
      : { text: r.households ? `${r.averageDays} days, ${r.withinNormPercent}% in norm (${r.households})` : 'none', csv: r.averageDays ?? '' });
    box.replaceChildren(listTable({
      id: 'timeliness', title: 'Assessment timeliness: average days by the quarter a step ended, against the norms',
      header: ['Quarter', ...MEASURES.map(([m, label]) => `${label} (norm ${norms.get(m) ? norms.get(m).normMonths : '?'} months)`)],
      rows: quarters.map((q) => [{ text: q }, ...MEASURES.map(([m]) => cell(at.get(`${q}|${m}`)))]),
      meta: metaOf(ctx, agencies, { period: periodOf(quarters), title: 'Assessment timeliness against the norms (average days)' }),
      notes: [`Norms: ${MEASURES.map(([m]) => norms.get(m) && norms.get(m).norm).filter(Boolean).join('; ')}. In the table: average days, the share within the norm, and (households).`,
        ...ruleNotes(rows.map((r) => ({ control: r.inferenceControl })), ctx.rules)],
    }));
    const datasets = MEASURES.map(([m, label]) => ({
      label, data: quarters.map((q) => { const r = at.get(`${q}|${m}`); return r && !r.suppressed ? r.averageDays : null; }),
      suppressed: quarters.map((q) => Boolean(at.get(`${q}|${m}`) && at.get(`${q}|${m}`).suppressed)),
    }));
    // The norms drawn as dashed lines in their measure's colour (months shown in days: a month is 30.4 days on average).
    const normLines = MEASURES.filter(([m]) => norms.get(m)).map(([m, label]) => ({
      label: `${label} norm (${norms.get(m).normMonths} months)`, data: quarters.map(() => Math.round(norms.get(m).normMonths * DAYS_PER_MONTH)),
      borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5, norm: true,
    }));
    const palette = ['#1f5f8b', '#e07b39', '#3a9d5d', '#b5446e'];
    drawChart(box, 'timeliness', {
      type: 'line', labels: quarters, title: 'Average days per step, with the norms (dashed)', yTitle: 'Days',
      datasets: [...datasets.map((d, i) => ({ ...d, borderColor: palette[i], backgroundColor: palette[i] })),
        ...normLines.map((d, i) => ({ ...d, borderColor: palette[i], backgroundColor: palette[i] }))],
    });
  } catch (err) { failed(box, err, 'the assessment timeliness figures', ctx.me.roles); }
}

async function indicators(ctx) {
  const box = document.getElementById('indicators');
  try {
    const { adopterIndicators: rows } = await gql(`query DashboardIndicators { adopterIndicators { agency quarter quarterEnd a11 a11Suppressed
      a12Matched a12WaitedThreeMonths a12Percent a12Suppressed a12SuppressionReason a13 a13Suppressed inferenceControl } }`);
    const agencies = unique(rows.map((r) => r.agency));
    const quarters = rows.map((r) => r.quarter);
    const count = (r, k) => (r[`${k}Suppressed`] ? withheld({ suppressionReason: 'SMALL_NUMBER' }) : num(r[k]));
    box.replaceChildren(listTable({
      id: 'indicators', title: 'The adopter pipeline over time (ASGLB A11, A12, A13)',
      header: ['Quarter', 'A11: approved, waiting to be matched at quarter end', 'A13: applications still to be assessed at quarter end', 'A12: matched after waiting 3 months or more'],
      rows: rows.map((r) => [{ text: `${r.quarter} (to ${r.quarterEnd})`, csv: r.quarter }, count(r, 'a11'), count(r, 'a13'),
        r.a12Suppressed ? withheld({ suppressionReason: r.a12SuppressionReason })
          : { text: r.a12Matched ? `${r.a12WaitedThreeMonths} of ${r.a12Matched} (${r.a12Percent}%)` : 'no matches', csv: r.a12Percent ?? '' }]),
      meta: metaOf(ctx, agencies, { period: periodOf(quarters), title: 'Adopter pipeline over time (A11, A12, A13)' }),
      notes: ruleNotes(rows.map((r) => ({ control: r.inferenceControl })), ctx.rules),
    }));
    drawChart(box, 'indicators', {
      type: 'line', labels: quarters, title: 'Approved families waiting (A11) and applications in assessment (A13), at each quarter end', yTitle: 'Households',
      datasets: [
        { label: 'A11 approved, waiting', data: rows.map((r) => (r.a11Suppressed ? null : r.a11)), suppressed: rows.map((r) => r.a11Suppressed) },
        { label: 'A13 to be assessed', data: rows.map((r) => (r.a13Suppressed ? null : r.a13)), suppressed: rows.map((r) => r.a13Suppressed) },
      ],
    });
  } catch (err) { failed(box, err, 'the adopter pipeline over time', ctx.me.roles); }
}

/** The adopters' journey panel: funnel, timeliness against the norms, pipeline over time. */
export async function renderJourney(ctx) {
  await Promise.all([funnel(ctx), timeliness(ctx), indicators(ctx)]);
}
