// Match suggestions both ways: households that could fit a child, and children (or sibling groups to be placed
// together) that could fit a household. Each suggestion shows the hub's own sentences for and against, so the order
// can be checked; excluded pairings are listed on request with the rule that rules them out.
import { gqlResult } from '/shared/hub-session.js';
import { h } from '/shared/dom.js';
import { ageText, daysText, errorSentence, needName, stageName } from './words.js';
import { valueOr } from './view-kit.js';

const HOUSEHOLD_FIELDS = `id reference livesIn daysWaiting numberOfAdopters childrenInHome
  approvedFor { minAgeMonths maxAgeMonths maxChildren siblingGroups earlyPermanence }
  needsCapacity { need level }`;

const MATCHES = `query FamilyFindingMatchSuggestions($childId: ID!, $first: Int, $includeExcluded: Boolean) {
  matchSuggestions(childId: $childId, first: $first, includeExcluded: $includeExcluded) {
    score excluded livesInChildsAuthority reasonsFor reasonsAgainst
    household { ${HOUSEHOLD_FIELDS} }
  }
}`;

const CHILD_MATCHES = `query FamilyFindingChildSuggestions($householdId: ID!, $first: Int, $includeExcluded: Boolean) {
  childSuggestions(householdId: $householdId, first: $first, includeExcluded: $includeExcluded) {
    score excluded livesInChildsAuthority reasonsFor reasonsAgainst
    siblingGroup { id placeTogether }
    children { id firstName ageMonths stage daysWaiting needs authority { name } }
  }
}`;

const FIRST = 10;

/** "Approved for 1 child aged 0 to 4 years, sibling groups, early permanence". */
export function approvedForText(a) {
  if (!a) return 'Not recorded';
  const ages = a.minAgeMonths !== null || a.maxAgeMonths !== null
    ? ` aged ${ageText(a.minAgeMonths ?? 0)} to ${a.maxAgeMonths === null ? 'any age' : ageText(a.maxAgeMonths)}` : '';
  const n = a.maxChildren ?? 1;
  const extras = [a.siblingGroups ? 'sibling groups' : null, a.earlyPermanence ? 'early permanence' : null].filter(Boolean);
  return `Up to ${n} child${n === 1 ? '' : 'ren'}${ages}${extras.length ? `; ${extras.join(', ')}` : ''}`;
}

function reasons(title, list, className) {
  return h('div', { class: `reasons ${className}` }, h('h4', {}, title),
    list.length ? h('ul', {}, list.map((r) => h('li', {}, r))) : h('p', {}, 'None'));
}

function toggleForm(id, checked, onChange) {
  const box = h('input', { type: 'checkbox', id, checked });
  box.addEventListener('change', () => onChange(box.checked));
  return h('div', { class: 'toggle' }, box, h('label', { for: id }, 'Also show pairings a rule excludes, with the reason'));
}

/** The households that could fit a child (or the sibling group it is to be placed with). */
export async function showMatchSuggestions(section, ctx, child, includeExcluded = false) {
  const result = await gqlResult(MATCHES, { childId: child.id, first: FIRST, includeExcluded });
  const title = h('h2', { id: 'suggestions-title' }, 'Households that could fit');
  const list = result.data && result.data.matchSuggestions;
  if (!list) {
    section.replaceChildren(title, h('p', { class: 'refusal' }, errorSentence(result.errors[0] || {}, ctx.me.roles)));
    return;
  }
  const cards = list.map((s, i) => {
    const hh = s.household;
    const at = (f) => ['matchSuggestions', i, 'household', f];
    return h('article', { class: `suggestion${s.excluded ? ' excluded' : ''}`, 'aria-labelledby': `suggestion-${i}` },
      h('h3', { id: `suggestion-${i}` },
        hh.id ? h('a', { href: `/family-finding/household?id=${encodeURIComponent(hh.id)}` }, `Household ${hh.reference || hh.id}`) : 'Household',
        h('span', { class: 'score' }, s.excluded ? 'Excluded' : `Score ${s.score}`)),
      h('p', { class: 'facts' },
        'Lives in: ', valueOr(result.errors, at('livesIn'), hh.livesIn, ctx.nameOf), ' · ',
        valueOr(result.errors, at('approvedFor'), hh.approvedFor, approvedForText), ' · ',
        hh.daysWaiting === null ? 'not waiting' : `approved ${daysText(hh.daysWaiting)} ago`),
      h('div', { class: 'for-against' },
        reasons('For', s.reasonsFor, 'for'),
        reasons('Against', s.reasonsAgainst, 'against')));
  });
  section.replaceChildren(title,
    h('p', {}, list.length
      ? `The ${list.length} best-fitting approved households of the agency, best first. The score only orders them for you to consider; it decides nothing.`
      : 'No approved household of the agency fits this child under the matching rules.'),
    toggleForm('include-excluded', includeExcluded, (on) => showMatchSuggestions(section, ctx, child, on)),
    h('div', { class: 'cards', id: 'match-suggestions' }, cards));
}

/** The children or sibling groups that could fit a household (the reverse search). */
export async function showChildSuggestions(section, ctx, household, includeExcluded = false) {
  const result = await gqlResult(CHILD_MATCHES, { householdId: household.id, first: FIRST, includeExcluded });
  const title = h('h2', { id: 'child-suggestions-title' }, 'Children who could fit this household');
  const list = result.data && result.data.childSuggestions;
  if (!list) {
    section.replaceChildren(title, h('p', { class: 'refusal', id: 'child-suggestions-refusal' }, errorSentence(result.errors[0] || {}, ctx.me.roles)));
    return;
  }
  const cards = list.map((s, i) => {
    const names = s.children.map((c) => c.firstName || 'Name not recorded');
    return h('article', { class: `suggestion${s.excluded ? ' excluded' : ''}`, 'aria-labelledby': `child-suggestion-${i}` },
      h('h3', { id: `child-suggestion-${i}` },
        s.children.map((c, j) => [j ? (j === s.children.length - 1 ? ' and ' : ', ') : '',
          h('a', { href: `/family-finding/child?id=${encodeURIComponent(c.id)}` }, names[j])]),
        h('span', { class: 'score' }, s.excluded ? 'Excluded' : `Score ${s.score}`)),
      h('p', { class: 'facts' }, s.children.map((c, j) => [j ? '; ' : '',
        `${names[j]}: ${ageText(c.ageMonths)}, ${stageName(c.stage)}, ${c.authority ? c.authority.name : ''}, waiting ${daysText(c.daysWaiting)}`,
        c.needs && c.needs.length ? ` (${c.needs.map(needName).join(', ')})` : '']),
      s.siblingGroup && s.siblingGroup.placeTogether ? ' To be placed together.' : ''),
      h('div', { class: 'for-against' },
        reasons('For', s.reasonsFor, 'for'),
        reasons('Against', s.reasonsAgainst, 'against')));
  });
  section.replaceChildren(title,
    h('p', {}, list.length
      ? `The ${list.length} best-fitting children and sibling groups, best first. The score only orders them for you to consider.`
      : 'No child within your access fits this household under the matching rules.'),
    toggleForm('include-excluded-children', includeExcluded, (on) => showChildSuggestions(section, ctx, household, on)),
    h('div', { class: 'cards', id: 'child-suggestions' }, cards));
}
