// Saved searches: each with what it looks for in words, how many children it finds now (re-run under the viewer's
// current access), a link that runs it in the children list, and delete.
import { gqlResult } from '/shared/hub-session.js';
import { h, table } from '/shared/dom.js';
import { dateText, errorSentence } from './words.js';
import { describeFilter, paramsFromFilter } from './search-filter.js';
import { showRefusal } from './view-kit.js';

const SEARCHES = `query FamilyFindingSavedSearches {
  savedSearches {
    id name updatedAt
    filter { minAgeMonths maxAgeMonths needs anyNeeds placeTogether minSiblingGroupSize minDaysWaiting stages authority
      sex ethnicity sourceIds lastName bornOnOrAfter bornOnOrBefore maxSiblingGroupSize minDaysSincePlacementOrder }
    results(first: 1) { totalCount }
  }
}`;

const DELETE = `mutation FamilyFindingDeleteSearch($id: ID!) { deleteSavedSearch(id: $id) }`;

/** Filter fields the search form has; a search saved through the API with others says so. */
const FORM_FIELDS = ['minAgeMonths', 'maxAgeMonths', 'needs', 'anyNeeds', 'placeTogether', 'minSiblingGroupSize', 'minDaysWaiting', 'stages', 'authority'];

export async function showSearches(view, ctx) {
  const result = await gqlResult(SEARCHES);
  if (showRefusal(view, ctx, result, 'Saved searches')) return;
  const searches = result.data.savedSearches;
  const message = h('p', { id: 'searches-message', role: 'status' });
  const rows = searches.map((s) => {
    const params = paramsFromFilter(s.filter);
    params.set('saved', s.name);
    const extra = Object.entries(s.filter).some(([k, v]) => !FORM_FIELDS.includes(k) && v !== null && !(Array.isArray(v) && !v.length));
    const remove = h('button', { type: 'button', class: 'link-like', 'data-delete': s.id }, 'Delete', h('span', { class: 'visually-hidden' }, ` “${s.name}”`));
    remove.addEventListener('click', async () => {
      if (!window.confirm(`Delete the saved search “${s.name}”?`)) return;
      const done = await gqlResult(DELETE, { id: s.id });
      if (done.data && done.data.deleteSavedSearch) {
        await showSearches(view, ctx);
        ctx.announce(`Deleted “${s.name}”.`);
        document.getElementById('searches-message').textContent = `Deleted “${s.name}”.`;
      } else message.textContent = errorSentence(done.errors[0] || { extensions: { code: 'BAD_USER_INPUT' }, message: 'It was already deleted.' }, ctx.me.roles);
    });
    return [
      { th: s.name },
      `${describeFilter(s.filter, ctx.nameOf)}${extra ? ' (and conditions set outside these pages, which the link below does not carry)' : ''}`,
      h('span', { class: 'num' }, String(s.results.totalCount)),
      dateText(s.updatedAt),
      h('span', { class: 'row-actions' }, h('a', { href: `/family-finding?${params}` }, 'Run', h('span', { class: 'visually-hidden' }, ` “${s.name}”`)), ' ', remove),
    ];
  });
  view.replaceChildren(
    h('h1', {}, 'Saved searches'),
    message,
    searches.length ? table({
      id: 'searches-table', caption: 'Your saved searches, by name; the counts are re-run now under your current access',
      columns: ['Name', 'Looks for children', 'Children now', 'Saved', 'Actions'], rows,
    }) : h('p', {}, 'You have no saved searches. Search the children list, then use “Save this search”.'));
}
