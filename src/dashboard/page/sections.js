// The dashboard's sections. Each calls aggregate queries only (never child-level ones), lays the counts out as
// the ALE annual report does, and draws a chart of them.
import { gql } from './api.js';
import { drawChart } from './charts.js';
import { countTable, el, pivot } from './tables.js';

const STAGES = [
  ['UNBORN', 'Unborn baby'], ['EARLY_MONITORING', 'Early monitoring'], ['PARALLEL_PLANNING', 'Parallel planning'],
  ['ADM_DECISION', 'ADM decision'], ['FAMILY_FINDING', 'Family finding'], ['PROGRESS_TO_MATCH', 'Progress to match'],
  ['MATCHED_PLACED', 'Matched / placed'], ['PLAN_CHANGED', 'Adoption no longer the plan'],
];
const ADOPTER_STAGES = [
  ['ENQUIRY', 'Enquiry'], ['STAGE_ONE', 'Stage 1'], ['STAGE_TWO', 'Stage 2'], ['APPROVED', 'Approved, awaiting match'],
  ['MATCHED', 'Matched'], ['PLACED', 'Child placed, pre-order'], ['ADOPTION_ORDER', 'Adoption order'], ['WITHDRAWN', 'Withdrawn'],
];
const SUPPORT_TYPES = [
  ['ASSESSMENT', 'Assessment'], ['UNASSESSED_SUPPORT', 'Unassessed support'], ['DIRECT_CONTACT', 'Direct contact'],
  ['LETTERBOX_CONTACT', 'Letterbox contact'],
];
const BREAKDOWNS = [['age', 'AGE_BAND', 'Age (years)'], ['siblings', 'SIBLING_NEED', 'Sibling need'], ['ethnicity', 'ETHNIC_GROUP', 'Ethnic group']];

const unique = (values) => [...new Set(values)];
const toChart = (v) => (v.suppressed ? null : v.count);

/** Shows a section's failure in place of its content (e.g. a role that may not see it). */
export function failed(container, err) {
  container.replaceChildren(el('p', 'unavailable',
    err.code === 'FORBIDDEN' ? `Not available to your role: ${err.message}` : `Could not load: ${err.message}`));
}

/** Counts per stage and LA: the report's table (stages as rows, LAs as columns, totals) and a stacked chart. */
export async function renderStages(container, ctx) {
  const { familyFindingSummary: rows } = await gql('query DashboardStages { familyFindingSummary { authority stage count suppressed } }');
  const las = unique(rows.map((r) => r.authority));
  const matrix = pivot(rows, 'stage', 'authority', STAGES.map((s) => s[0]), las);
  container.replaceChildren(countTable({
    id: 'stages', title: 'Children by stage and local authority', corner: 'Stage',
    rowLabels: STAGES.map((s) => s[1]), colLabels: las.map(ctx.nameOf), matrix,
  }));
  drawChart(container, 'stages', {
    type: 'bar', stacked: true, labels: las.map(ctx.nameOf), title: 'Children at each stage, by LA',
    datasets: STAGES.map(([, label], i) => ({ label, data: matrix[i].map(toChart) })),
  });
  return las;
}

/** Children in active family finding by age band, sibling need and ethnic group (bands as rows, LAs as columns). */
export async function renderBreakdowns(ctx) {
  await Promise.all(BREAKDOWNS.map(async ([id, by, title]) => {
    const container = document.getElementById(id);
    try {
      const { childrenInFamilyFindingBreakdown: rows } = await gql(
        `query DashboardBreakdown($by: BreakdownDimension!, $asOf: Date) {
          childrenInFamilyFindingBreakdown(by: $by, asOf: $asOf) { authority band count suppressed } }`,
        { by, asOf: ctx.asOf || null });
      const las = unique(rows.map((r) => r.authority));
      const bands = unique(rows.map((r) => r.band));
      const matrix = pivot(rows, 'band', 'authority', bands, las);
      container.replaceChildren(countTable({ id, title, corner: title, rowLabels: bands, colLabels: las.map(ctx.nameOf), matrix }));
      drawChart(container, id, {
        type: 'bar', stacked: true, labels: bands, title,
        datasets: las.map((la, j) => ({ label: ctx.nameOf(la), data: matrix.map((r) => toChart(r[j])) })),
      });
    } catch (err) { failed(container, err); }
  }));
}

/** Adopter pipeline, waits since approval, enquiries and matches per month (the RAA's own figures). */
export async function renderAdopters(ctx) {
  const jobs = [
    ['pipeline', 'Households by stage', 'query DashboardPipeline { adopterPipeline { agency stage count suppressed } }', 'adopterPipeline', 'stage', ADOPTER_STAGES, 'bar'],
    ['waits', 'Approved adopters waiting, since approval', 'query DashboardWaits($asOf: Date) { approvedAdopterWaits(asOf: $asOf) { agency band count suppressed } }', 'approvedAdopterWaits', 'band', null, 'bar'],
    ['enquiries', 'Enquiries per month', 'query DashboardEnquiries { enquiriesPerMonth { agency month count suppressed } }', 'enquiriesPerMonth', 'month', null, 'line'],
    ['matches', 'Matches per month', 'query DashboardMatches { matchesPerMonth { agency month count suppressed } }', 'matchesPerMonth', 'month', null, 'line'],
  ];
  await Promise.all(jobs.map(async ([id, title, query, field, key, labelled, type]) => {
    const container = document.getElementById(id);
    try {
      const rows = (await gql(query, id === 'waits' ? { asOf: ctx.asOf || null } : {}))[field];
      const agencies = unique(rows.map((r) => r.agency));
      const keys = labelled ? labelled.map((s) => s[0]) : unique(rows.map((r) => r[key]));
      const labels = labelled ? labelled.map((s) => s[1]) : keys;
      const matrix = pivot(rows, key, 'agency', keys, agencies);
      container.replaceChildren(countTable({ id, title, corner: title.split(' ')[0], rowLabels: labels, colLabels: agencies.map(ctx.nameOf), matrix, totals: false }));
      drawChart(container, id, {
        type, labels, title,
        datasets: agencies.map((a, j) => ({ label: ctx.nameOf(a), data: matrix.map((r) => toChart(r[j])) })),
      });
    } catch (err) { failed(container, err); }
  }));
}

/** Support cases by type (rows) and LA of residence (columns), with totals. */
export async function renderSupport(container, ctx) {
  const { supportCaseSummary: rows } = await gql('query DashboardSupport { supportCaseSummary { authority type count suppressed } }');
  const las = unique(rows.map((r) => r.authority));
  const matrix = pivot(rows, 'type', 'authority', SUPPORT_TYPES.map((s) => s[0]), las);
  container.replaceChildren(countTable({
    id: 'support', title: 'Open support cases', corner: 'Type', rowLabels: SUPPORT_TYPES.map((s) => s[1]), colLabels: las.map(ctx.nameOf), matrix,
  }));
  drawChart(container, 'support', {
    type: 'bar', labels: las.map(ctx.nameOf), title: 'Support cases by LA of residence',
    datasets: SUPPORT_TYPES.map(([, label], i) => ({ label, data: matrix[i].map(toChart) })),
  });
}
