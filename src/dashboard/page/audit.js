// The audit page: who read which child's record, when, which fields and which were refused, from `accessLog` (the
// policy decides what an auditor or RAA manager sees). Filters by viewer, organisation, child and a period of days;
// a viewer or child in the table is a link that filters by it. Newest first, 50 a page.
import { gql } from './api.js';
import { downloadCsv, today } from './csv.js';
import { roleNames } from './roles.js';
import { startSignIn } from './signin.js';
import { el } from './tables.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;
const QUERY = `query AuditTrail($filter: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { at viewerSub viewerOrg viewerRoles childId ownerAuthority fields refusedFields operationName crossOrganisation } }
  } }`;
const HEADER = ['When (UTC)', 'Viewer', 'Organisation', 'Roles', 'Child', 'Child’s LA', 'Fields read', 'Fields refused', 'Operation', 'Across organisations'];

let ctx = null;
let cursors = [];

const nextDay = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The filter as the form holds it; days become instants (the "to" day is included: up to the next midnight, UTC). */
function filterOf() {
  const f = {};
  if ($('f-viewer').value.trim()) f.viewerSub = $('f-viewer').value.trim();
  if ($('f-org').value) f.viewerOrg = $('f-org').value;
  if ($('f-child').value.trim()) f.childId = $('f-child').value.trim();
  if ($('f-from').value) f.from = `${$('f-from').value}T00:00:00Z`;
  if ($('f-to').value) f.to = `${nextDay($('f-to').value)}T00:00:00Z`;
  return f;
}

function periodOf() {
  const from = $('f-from').value;
  const to = $('f-to').value;
  if (!from && !to) return { text: 'every date in the trail', slug: 'all-dates' };
  return { text: `${from || 'the start'} to ${to || today()} (days inclusive, UTC)`, slug: `${from || 'start'}-to-${to || today()}` };
}

function filterLink(text, input, value) {
  const a = el('a', 'filter-link', text);
  a.href = '#';
  a.title = `Show only the reads of ${text}`;
  a.addEventListener('click', (e) => { e.preventDefault(); $(input).value = value; show(null); });
  return a;
}

function rowCells(n) {
  return [
    n.at.replace('T', ' ').replace(/\.\d+Z$/, ''), n.viewerSub, ctx.nameOf(n.viewerOrg), roleNames(n.viewerRoles), n.childId || '(erased)',
    n.ownerAuthority ? ctx.nameOf(n.ownerAuthority) : '', n.fields.join(', '), n.refusedFields.join(', ') || 'none', n.operationName || '',
    n.crossOrganisation ? 'yes' : 'no',
  ];
}

function renderTable(nodes) {
  const table = el('table');
  table.id = 'audit-table-rows';
  table.append(el('caption', 'visually-hidden', 'Reads of child records, newest first'));
  const head = el('tr');
  for (const h of HEADER) { const th = el('th', '', h); th.scope = 'col'; head.append(th); }
  table.appendChild(el('thead')).append(head);
  const body = table.appendChild(el('tbody'));
  for (const n of nodes) {
    const tr = el('tr');
    rowCells(n).forEach((text, j) => {
      const td = el(j === 0 ? 'th' : 'td', j >= 6 && j <= 7 ? 'wrap' : '');
      if (j === 0) td.scope = 'row';
      if (j === 1) td.append(filterLink(text, 'f-viewer', n.viewerSub));
      else if (j === 4 && n.childId) td.append(filterLink(text, 'f-child', n.childId));
      else td.textContent = text;
      td.dataset.column = HEADER[j];
      tr.append(td);
    });
    body.append(tr);
  }
  const wrap = el('div', 'table-wrap');
  const top = el('div', 'table-head');
  top.append(el('h3', '', 'Reads, newest first'));
  const csv = el('button', 'csv', 'Download CSV');
  csv.type = 'button';
  csv.dataset.csv = 'audit';
  csv.addEventListener('click', () => downloadCsv({
    title: 'Audit trail: reads of child records', authorities: [{ code: ctx.me.org, name: ctx.nameOf(ctx.me.org) }],
    period: periodOf(), asAt: today(), notes: [`Filter: ${JSON.stringify(filterOf())}`, `Page ${cursors.length} of the reads, ${nodes.length} rows.`],
  }, [HEADER, ...nodes.map(rowCells)]));
  top.append(csv);
  wrap.append(top, table);
  return wrap;
}

/** Shows the page after `after` (null: the first page) for the form's filter. */
async function show(after) {
  $('audit-error').textContent = '';
  document.body.dataset.state = 'loading';
  try {
    const { accessLog } = await gql(QUERY, { filter: filterOf(), first: PAGE, after });
    if (!after) cursors = [];
    cursors.push(after);
    const nodes = accessLog.edges.map((e) => e.node);
    const start = (cursors.length - 1) * PAGE;
    $('audit-summary').replaceChildren(el('p', '', accessLog.totalCount === 0
      ? 'No reads match this filter.'
      : `${accessLog.totalCount} reads match; showing ${start + 1} to ${start + nodes.length}.`));
    $('audit-table').replaceChildren(...(nodes.length ? [renderTable(nodes)] : []));
    $('audit-next').hidden = !accessLog.pageInfo.hasNextPage;
    $('audit-next').onclick = () => show(accessLog.pageInfo.endCursor);
    $('audit-first').hidden = cursors.length < 2;
  } catch (err) {
    if (err.code === 'FORBIDDEN') refuse(ctx.me.roles);
    else $('audit-error').textContent = err.code === 'BAD_USER_INPUT' ? `Check the filter: ${err.message}` : `Could not load the audit trail: ${err.message}`;
  }
  document.body.dataset.state = 'ready';
}

function refuse(roles) {
  $('audit').hidden = true;
  $('audit-refused').hidden = false;
  $('audit-refused-text').textContent = `The audit trail is for auditors and RAA managers; your role (${roleNames(roles)}) does not include it. `
    + 'The dashboard’s figures are on the dashboard page.';
  document.body.dataset.state = 'ready';
}

async function load(who) {
  const names = new Map(who.authorities.map((a) => [a.code, a.name]));
  ctx = { me: who.me, nameOf: (code) => names.get(code) || code };
  const kind = new Map(who.authorities.map((a) => [a.code, a.kind]));
  if (!who.me.roles.some((r) => r === 'auditor' || r === 'raa_manager')) { refuse(who.me.roles); return; }
  $('audit-refused').hidden = true;
  $('audit').hidden = false;
  const own = ctx.nameOf(who.me.org);
  $('audit-scope').textContent = who.me.roles.includes('auditor') && kind.get(who.me.org) !== 'REGIONAL_ADOPTION_AGENCY'
    ? `You see every read of the child records ${own} owns, whoever made it.`
    : `You see the reads that ${own}’s own staff made.`;
  $('f-org').replaceChildren(el('option', '', 'Any'), ...who.authorities.map((a) => { const o = el('option', '', a.name); o.value = a.code; return o; }));
  $('f-org').firstChild.value = '';
  await show(null);
}

$('audit-filter').addEventListener('submit', (e) => { e.preventDefault(); show(null); });
$('f-clear').addEventListener('click', () => { $('audit-filter').reset(); show(null); });
$('audit-first').addEventListener('click', () => show(null));
startSignIn({ contentIds: ['audit', 'audit-refused'], onSignedIn: load });
