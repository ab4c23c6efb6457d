// Adopter households: the agency's approved households waiting, longest approved first, and one household with the
// children who could fit it (the reverse search).
import { gqlResult } from '/shared/hub-session.js';
import { h, table } from '/shared/dom.js';
import { dateText, daysText, needName } from './words.js';
import { details, pagingParams, showRefusal, valueOr } from './view-kit.js';
import { approvedForText, showChildSuggestions } from './suggestions.js';

const HOUSEHOLDS = `query FamilyFindingHouseholds($first: Int, $after: String) {
  adopterHouseholds(first: $first, after: $after, filter: { stages: [APPROVED] }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id reference livesIn daysWaiting approvedOn
      approvedFor { minAgeMonths maxAgeMonths maxChildren siblingGroups earlyPermanence } } }
  }
}`;

const HOUSEHOLD = `query FamilyFindingHousehold($id: ID!) {
  adopterHousehold(id: $id) {
    id reference stage livesIn daysWaiting approvedOn householdType numberOfAdopters childrenInHome languages
    approvedFor { minAgeMonths maxAgeMonths maxChildren siblingGroups earlyPermanence ageToleranceMonths }
    needsCapacity { need level }
    adopters { firstName }
  }
}`;

const PAGE_SIZE = 25;
const LEVELS = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

export async function showHouseholds(view, ctx) {
  const pageNo = Math.max(1, Number(ctx.params.get('page')) || 1);
  const result = await gqlResult(HOUSEHOLDS, { first: PAGE_SIZE, after: ctx.params.get('after') || null });
  if (showRefusal(view, ctx, result, 'Adopter households')) return;
  const { totalCount, pageInfo, edges } = result.data.adopterHouseholds;
  const { next, previous } = pagingParams(ctx.params, pageInfo.endCursor, pageNo);
  const summary = `${totalCount} approved household${totalCount === 1 ? '' : 's'} waiting for a match.`;
  view.replaceChildren(
    h('h1', {}, 'Approved adopter households'),
    h('p', { class: 'summary' }, summary, ' Open one to see the children who could fit it.'),
    edges.length ? table({
      id: 'households-table',
      caption: `Approved households, longest approved first (page ${pageNo})`,
      columns: ['Household', 'Lives in', 'Approved for', 'Approved on', 'Days waiting'],
      rows: edges.map(({ node: hh }) => [
        { th: h('a', { href: `/family-finding/household?id=${encodeURIComponent(hh.id)}` }, hh.reference || hh.id) },
        hh.livesIn ? ctx.nameOf(hh.livesIn) : 'Not recorded',
        approvedForText(hh.approvedFor), dateText(hh.approvedOn),
        h('span', { class: 'num' }, hh.daysWaiting === null ? '' : hh.daysWaiting.toLocaleString('en-GB')),
      ]),
    }) : null,
    h('nav', { class: 'paging', 'aria-label': 'Pages of results' },
      pageNo > 2 ? h('a', { href: '/family-finding/households' }, 'First page') : null,
      pageNo > 1 ? h('a', { href: `/family-finding/households?${previous}`, rel: 'prev' }, `Previous ${PAGE_SIZE}`) : null,
      pageInfo.hasNextPage ? h('a', { href: `/family-finding/households?${next}`, rel: 'next' }, `Next ${PAGE_SIZE}`) : null));
  ctx.announce(summary);
}

export async function showHousehold(view, ctx) {
  const result = await gqlResult(HOUSEHOLD, { id: ctx.params.get('id') || '' });
  if (showRefusal(view, ctx, result, 'Adopter household')) return;
  const hh = result.data.adopterHousehold;
  if (!hh) {
    view.replaceChildren(h('h1', {}, 'Adopter household'), h('p', { class: 'refusal', role: 'alert' }, 'No household with this reference is within your access.'));
    return;
  }
  const v = (field, format) => valueOr(result.errors, ['adopterHousehold', field], hh[field], format);
  const title = `Household ${hh.reference || hh.id}`;
  const section = h('section', { id: 'child-suggestions-panel', class: 'panel', 'aria-labelledby': 'child-suggestions-title' });
  view.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '/family-finding/households' }, 'Adopter households'), ' › ', title),
    h('h1', {}, title),
    h('section', { class: 'panel', 'aria-labelledby': 'household-title' },
      h('h2', { id: 'household-title' }, 'About the household'),
      details([
        ['Adopters', v('adopters', (a) => a.map((x) => x.firstName || 'Name not recorded').join(' and ')), 'adopters'],
        ['Lives in', v('livesIn', ctx.nameOf), 'livesIn'],
        ['Approved for', v('approvedFor', approvedForText), 'approvedFor'],
        ['Approved on', v('approvedOn', dateText), 'approvedOn'],
        ['Waiting', v('daysWaiting', daysText), 'daysWaiting'],
        ['Needs they could meet', v('needsCapacity', (n) => n.map((x) => `${needName(x.need)} (${LEVELS[x.level] || x.level})`).join(', ')), 'needsCapacity'],
        ['Children already at home', v('childrenInHome'), 'childrenInHome'],
        ['Languages', v('languages', (l) => l.join(', ')), 'languages'],
      ], { id: 'household-details' })),
    section);
  ctx.announce(title);
  await showChildSuggestions(section, ctx, hh);
}
