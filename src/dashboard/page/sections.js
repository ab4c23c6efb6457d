// The dashboard's LA sections. Each calls aggregate queries only (never child-level ones), lays the counts out as
// the ALE annual report does, and draws a chart of them; suppressed figures are marked, never dropped.
import { gql } from './api.js';
import { drawChart, series } from './charts.js';
import { failed } from './roles.js';
import { countTable, el, pivot } from './tables.js';

export const STAGES = [
  ['UNBORN', 'Unborn baby'], ['EARLY_MONITORING', 'Early monitoring'], ['PARALLEL_PLANNING', 'Parallel planning'],
  ['ADM_DECISION', 'ADM decision'], ['FAMILY_FINDING', 'Family finding'], ['PROGRESS_TO_MATCH', 'Progress to match'],
  ['MATCHED_PLACED', 'Matched / placed'], ['PLAN_CHANGED', 'Adoption no longer the plan'],
];
const SUPPORT_TYPES = [
  ['ASSESSMENT', 'Assessment'], ['UNASSESSED_SUPPORT', 'Unassessed support'], ['DIRECT_CONTACT', 'Direct contact'],
  ['LETTERBOX_CONTACT', 'Letterbox contact'],
];
const BREAKDOWNS = [['age', 'AGE_BAND', 'Age (years)'], ['siblings', 'SIBLING_NEED', 'Sibling need'], ['ethnicity', 'ETHNIC_GROUP', 'Ethnic group']];

export const unique = (values) => [...new Set(values)];

/** The CSV heading of a table over `codes` (authority or agency codes), as at `asAt`, with an optional period. */
export function metaOf(ctx, codes, { asAt = ctx.today, period = null, title } = {}) {
  return { title, authorities: codes.map((code) => ({ code, name: ctx.nameOf(code) })), asAt, period, notes: ctx.csvNotes, rules: ctx.rules };
}

/** Counts per stage and LA: the report's table (stages as rows, LAs as columns, totals) and a stacked chart. */
export async function renderStages(container, ctx) {
  const { familyFindingSummary: rows } = await gql('query DashboardStages { familyFindingSummary { authority stage count suppressed suppressionReason inferenceControl } }');
  const las = unique(rows.map((r) => r.authority));
  // The breakdowns cover the same LAs under the same rule: whether any is controlled decides which days they may take.
  ctx.controlled = rows.some((r) => r.inferenceControl !== 'NONE');
  const matrix = pivot(rows, 'stage', 'authority', STAGES.map((s) => s[0]), las);
  container.replaceChildren(countTable({
    id: 'stages', title: `Children by stage and local authority, as at ${ctx.today}`, corner: 'Stage',
    rowLabels: STAGES.map((s) => s[1]), colLabels: las.map(ctx.nameOf), matrix,
    meta: metaOf(ctx, las, { title: 'Children by stage of family finding and local authority' }),
  }));
  drawChart(container, 'stages', {
    type: 'bar', stacked: true, labels: las.map(ctx.nameOf), title: 'Children at each stage, by LA', yTitle: 'Children',
    datasets: STAGES.map(([, label], i) => series(label, matrix[i])),
  });
  return las;
}

/**
 * When the hub answered for another day than the one asked (a controlled viewer's figures are as at a snapshot
 * date), a sentence saying so; null otherwise.
 */
export function snapshotNote(asked, answered, snapshot, latestOnOrBeforeAsked = true) {
  if (!answered || answered === asked) return null;
  if (!latestOnOrBeforeAsked) {
    return `As at ${answered}, the latest ${snapshot}: for your role these figures are published as at that day only, not as at ${asked}.`;
  }
  return `As at ${answered}, the latest ${snapshot} on or before ${asked}: for your role these figures are published as at that day only.`;
}

/** The latest 31 March on or before `day` (YYYY-MM-DD). */
export function latestMarch31(day) {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '03-31' ? `${year}-03-31` : `${year - 1}-03-31`;
}

const BREAKDOWN_QUERY = `query DashboardBreakdown($by: BreakdownDimension!, $asOf: Date) {
  childrenInFamilyFindingBreakdown(by: $by, asOf: $asOf) { authority band count suppressed suppressionReason inferenceControl asOf } }`;

/**
 * The breakdown rows for the day asked. A controlled viewer's breakdowns are published as at the hub's latest 31 March
 * only, and any other year's day is refused: its page never sends a day (the hub answers with that 31 March, which is
 * the same answer as for any day of its year). When the page could not tell (the stage table failed) and the answer
 * says the figures are in full, it asks again for the day.
 */
async function breakdownRows(by, ctx) {
  if (ctx.controlled === false || !ctx.asOf) return (await gql(BREAKDOWN_QUERY, { by, asOf: ctx.asOf || null })).childrenInFamilyFindingBreakdown;
  const rows = (await gql(BREAKDOWN_QUERY, { by, asOf: null })).childrenInFamilyFindingBreakdown;
  if (ctx.controlled === undefined && rows.every((r) => r.inferenceControl === 'NONE')) {
    return (await gql(BREAKDOWN_QUERY, { by, asOf: ctx.asOf })).childrenInFamilyFindingBreakdown;
  }
  return rows;
}

/** Children in active family finding by age band, sibling need and ethnic group (bands as rows, LAs as columns). */
export async function renderBreakdowns(ctx) {
  const asked = ctx.asOf || ctx.today;
  await Promise.all(BREAKDOWNS.map(async ([id, by, title]) => {
    const container = document.getElementById(id);
    try {
      const rows = await breakdownRows(by, ctx);
      const las = unique(rows.map((r) => r.authority));
      const bands = unique(rows.map((r) => r.band));
      const matrix = pivot(rows, 'band', 'authority', bands, las);
      const asAt = rows.length ? rows[0].asOf : asked;
      const wrap = countTable({
        id, title: `${title}, as at ${asAt}`, corner: title, rowLabels: bands, colLabels: las.map(ctx.nameOf), matrix,
        meta: metaOf(ctx, las, { asAt, title: `Children in active family finding by ${title.toLowerCase()}` }),
      });
      const note = snapshotNote(asked, asAt, '31 March', latestMarch31(asked) === asAt);
      if (note) wrap.querySelector('.table-head').after(el('p', 'table-note snapshot', note));
      container.replaceChildren(wrap);
      drawChart(container, id, {
        type: 'bar', stacked: true, labels: bands, title, yTitle: 'Children',
        datasets: las.map((la, j) => series(ctx.nameOf(la), matrix.map((r) => r[j]))),
      });
    } catch (err) { failed(container, err, `the ${title.toLowerCase()} figures`, ctx.me.roles); }
  }));
}

/** Support cases by type (rows) and LA of residence (columns), with totals. */
export async function renderSupport(container, ctx) {
  const { supportCaseSummary: rows } = await gql('query DashboardSupport { supportCaseSummary { authority type count suppressed suppressionReason inferenceControl } }');
  const las = unique(rows.map((r) => r.authority));
  const matrix = pivot(rows, 'type', 'authority', SUPPORT_TYPES.map((s) => s[0]), las);
  container.replaceChildren(countTable({
    id: 'support', title: `Open support cases, as at ${ctx.today}`, corner: 'Type', rowLabels: SUPPORT_TYPES.map((s) => s[1]),
    colLabels: las.map(ctx.nameOf), matrix, meta: metaOf(ctx, las, { title: 'Open adoption support cases by LA of residence' }),
  }));
  drawChart(container, 'support', {
    type: 'bar', labels: las.map(ctx.nameOf), title: 'Support cases by LA of residence', yTitle: 'Open cases',
    datasets: SUPPORT_TYPES.map(([, label], i) => series(label, matrix[i])),
  });
}
