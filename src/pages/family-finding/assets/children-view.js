// The children list: the search form (GET, so the address is the search), the results longest waiting first,
// pages of 20, and saving the search under a name.
import { gqlResult } from '/shared/hub-session.js';
import { h, table } from '/shared/dom.js';
import { NEEDS, STAGES, ageText, errorSentence, needName, stageName } from './words.js';
import { describeFilter, filterFromParams } from './search-filter.js';
import { pagingParams, showRefusal, valueOr } from './view-kit.js';

const PAGE_SIZE = 20;

const CHILDREN = `query FamilyFindingChildren($filter: ChildFilter, $first: Int, $after: String, $surnames: Boolean!) {
  children(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id firstName lastName @include(if: $surnames) ageMonths stage needs daysWaiting
      authority { code name }
      siblingGroup { id placeTogether children { id } }
    } }
  }
}`;

const SAVE = `mutation FamilyFindingSaveSearch($name: String!, $filter: ChildFilter!) { saveSearch(name: $name, filter: $filter) { id name } }`;

function checkboxes(legend, name, options, checked) {
  return h('fieldset', { class: 'checks' }, h('legend', {}, legend), options.map(([value, label]) => {
    const id = `${name}-${value}`;
    return h('div', { class: 'check' },
      h('input', { type: 'checkbox', id, name, value, checked: checked.includes(value) }),
      h('label', { for: id }, label));
  }));
}

function numberField(id, label, value, attrs = {}) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { type: 'number', id, name: id, min: 0, step: 1, inputmode: 'numeric', value: value ?? '', ...attrs }));
}

function selectField(id, label, options, value) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name: id }, options.map(([v, text]) => h('option', { value: v, selected: v === (value || '') }, text))));
}

function searchForm(ctx) {
  const p = ctx.params;
  // An RAA's staff choose among its member LAs; an LA's staff see their own LA only, so there is nothing to choose.
  const las = ctx.authorities.filter((a) => a.kind === 'LOCAL_AUTHORITY' && a.raa === ctx.me.org);
  return h('form', { id: 'search-form', class: 'search', method: 'get', action: '/family-finding', role: 'search', 'aria-labelledby': 'search-title' },
    h('h2', { id: 'search-title' }, 'Search'),
    h('fieldset', { class: 'row' }, h('legend', {}, 'Age in whole years'),
      numberField('minAge', 'From', p.get('minAge'), { max: 18 }),
      numberField('maxAge', 'To', p.get('maxAge'), { max: 18 })),
    numberField('minDays', 'Waiting at least (days)', p.get('minDays')),
    selectField('together', 'Sibling groups', [['', 'Any child'], ['yes', 'In a group to be placed together'], ['no', 'Not in a group to be placed together']], p.get('together')),
    numberField('minSiblings', 'Sibling group of at least (children)', p.get('minSiblings'), { min: 1, max: 12 }),
    checkboxes('Needs', 'needs', NEEDS.map((n) => [n, needName(n)]), p.getAll('needs')),
    selectField('needsMatch', 'Children with', [['', 'any of the needs ticked'], ['all', 'all of the needs ticked']], p.get('needsMatch')),
    checkboxes('Stage', 'stage', STAGES.map((s) => [s, stageName(s)]), p.getAll('stage')),
    las.length > 1 ? checkboxes('Local authority', 'la', las.map((a) => [a.code, a.name]), p.getAll('la')) : null,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Search'), h('a', { href: '/family-finding' }, 'Clear the search')));
}

function saveForm(ctx, filter) {
  const message = h('p', { id: 'save-message', role: 'status' });
  const form = h('form', { id: 'save-form', class: 'save', 'aria-labelledby': 'save-title' },
    h('h2', { id: 'save-title' }, 'Save this search'),
    h('div', { class: 'field' }, h('label', { for: 'save-name' }, 'Name'),
      h('input', { id: 'save-name', type: 'text', required: true, maxlength: 100, value: ctx.params.get('saved') || '' })),
    h('button', { type: 'submit' }, 'Save'),
    message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = form.querySelector('#save-name').value.trim();
    const result = await gqlResult(SAVE, { name, filter });
    message.textContent = result.data && result.data.saveSearch
      ? `Saved as “${result.data.saveSearch.name}”. It is under Saved searches.`
      : errorSentence(result.errors[0] || {}, ctx.me.roles);
  });
  return form;
}

function siblingsText(group) {
  if (!group) return 'None recorded';
  const others = group.children.length - 1;
  const count = others > 0 ? `${others} sibling${others === 1 ? '' : 's'}` : 'Siblings outside your access';
  return group.placeTogether ? `${count}, to be placed together` : `${count}, not together`;
}

export async function showChildren(view, ctx) {
  const filter = filterFromParams(ctx.params);
  const pageNo = Math.max(1, Number(ctx.params.get('page')) || 1);
  const surnames = ctx.me.roles.includes('social_worker');
  const result = await gqlResult(CHILDREN, { filter, first: PAGE_SIZE, after: ctx.params.get('after') || null, surnames });
  if (showRefusal(view, ctx, result, 'Children')) return;
  const { totalCount, pageInfo, edges } = result.data.children;
  const from = (pageNo - 1) * PAGE_SIZE + 1;
  const rows = edges.map(({ node: c }, i) => [
    { th: h('a', { href: `/family-finding/child?id=${encodeURIComponent(c.id)}` },
      surnames ? [c.firstName, valueOr(result.errors, ['children', 'edges', i, 'node', 'lastName'], c.lastName)].filter(Boolean).map((x) => [x, ' ']) : c.firstName || 'Name not recorded') },
    c.authority ? c.authority.name : '',
    ageText(c.ageMonths),
    stageName(c.stage),
    c.needs && c.needs.length ? c.needs.map(needName).join(', ') : 'None recorded',
    siblingsText(c.siblingGroup),
    h('span', { class: 'num' }, c.daysWaiting === null ? 'Not in care yet' : c.daysWaiting.toLocaleString('en-GB')),
  ]);
  const summary = totalCount === 0 ? 'No children match this search.'
    : `${totalCount.toLocaleString('en-GB')} ${totalCount === 1 ? 'child matches' : 'children match'} (${describeFilter(filter, ctx.nameOf)}). Showing ${from}–${from + edges.length - 1}.`;
  const { next, previous, first } = pagingParams(ctx.params, pageInfo.endCursor, pageNo);
  view.replaceChildren(
    h('h1', {}, ctx.params.get('saved') ? `Saved search: ${ctx.params.get('saved')}` : 'Children waiting for a family'),
    h('div', { class: 'columns' },
      h('div', { class: 'side' }, searchForm(ctx), saveForm(ctx, filter)),
      h('div', { class: 'results' },
        h('p', { id: 'result-summary', class: 'summary' }, summary),
        edges.length ? table({
          id: 'children-table',
          caption: `Children, longest waiting first (page ${pageNo})`,
          columns: ['Child', 'Local authority', 'Age', 'Stage', 'Needs', 'Siblings', 'Days waiting'],
          rows,
        }) : null,
        h('nav', { class: 'paging', 'aria-label': 'Pages of results' },
          pageNo > 2 ? h('a', { href: `/family-finding?${first}`, id: 'first-page' }, 'First page') : null,
          pageNo > 1 ? h('a', { href: `/family-finding?${previous}`, id: 'previous-page', rel: 'prev' }, `Previous ${PAGE_SIZE}`) : null,
          pageInfo.hasNextPage ? h('a', { href: `/family-finding?${next}`, id: 'next-page', rel: 'next' }, `Next ${PAGE_SIZE}`) : null))));
  ctx.announce(summary);
}
