// A child's profile: who the child is, days waiting, milestone dates, siblings, then the households that could fit
// with the reasons for and against. Every field is asked for; one the viewer's role may not read comes back as a
// FORBIDDEN error at its path and is shown as "Not available to your role", never as a blank.
import { gqlResult } from '/shared/hub-session.js';
import { h, table } from '/shared/dom.js';
import { SEX_NAMES, ageText, dateText, daysText, ethnicityName, needName, stageName } from './words.js';
import { details, showRefusal, valueOr } from './view-kit.js';
import { showMatchSuggestions } from './suggestions.js';

const CHILD = `query FamilyFindingChild($id: ID!) {
  child(id: $id) {
    id sourceId firstName lastName dateOfBirth expectedDateOfBirth ageMonths sex ethnicity stage needs
    healthSummary birthFamilyBackground upn nhsNumber placementPostcode socialWorker daysWaiting
    enteredCareOn decisionOn placementOrderOn fosteringForAdoptionOn matchedOn placedOn movedInOn adoptionOrderOn planChangedOn
    authority { code name }
    siblingGroup { id placeTogether children { id firstName ageMonths stage daysWaiting } }
  }
}`;

const MILESTONES = [
  ['enteredCareOn', 'Entered care'],
  ['decisionOn', 'ADM decision: should be placed for adoption'],
  ['placementOrderOn', 'Placement order'],
  ['fosteringForAdoptionOn', 'Fostering for adoption / concurrent placement'],
  ['matchedOn', 'Matched'],
  ['placedOn', 'Placed for adoption'],
  ['movedInOn', 'Moved in with the adoptive family'],
  ['adoptionOrderOn', 'Adoption order'],
  ['planChangedOn', 'Plan changed'],
];

export async function showChild(view, ctx) {
  const id = ctx.params.get('id') || '';
  const result = await gqlResult(CHILD, { id });
  if (showRefusal(view, ctx, result, 'Child')) return;
  const c = result.data.child;
  if (!c) {
    view.replaceChildren(h('h1', {}, 'Child'), h('p', { class: 'refusal', role: 'alert' },
      'No child with this reference is within your access. The record may have been removed, or it belongs to an authority you do not work with.'));
    return;
  }
  const at = (field) => ['child', field];
  const v = (field, format) => valueOr(result.errors, at(field), c[field], format);
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || 'Name not recorded';
  const siblings = c.siblingGroup ? c.siblingGroup.children.filter((s) => s.id !== c.id) : [];
  const suggestions = h('section', { id: 'suggestions', class: 'panel', 'aria-labelledby': 'suggestions-title' });
  view.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '/family-finding' }, 'Children'), ' › ', name),
    h('h1', { id: 'child-name' }, name),
    h('p', { class: 'lead' }, `${c.authority ? c.authority.name : ''} · ${stageName(c.stage)} · `,
      h('strong', { id: 'days-waiting' }, c.daysWaiting === null ? 'not yet in care' : `waiting ${daysText(c.daysWaiting)}`),
      c.daysWaiting !== null ? ' since entering care' : ''),
    h('div', { class: 'profile' },
      h('section', { class: 'panel', 'aria-labelledby': 'about-title' },
        h('h2', { id: 'about-title' }, 'About the child'),
        details([
          ['First name', v('firstName'), 'firstName'],
          ['Surname', v('lastName'), 'lastName'],
          ['Age', c.ageMonths === null && c.expectedDateOfBirth ? 'Not yet born' : ageText(c.ageMonths), 'ageMonths'],
          ['Date of birth', v('dateOfBirth', dateText), 'dateOfBirth'],
          ...(c.stage === 'UNBORN' ? [['Due date', v('expectedDateOfBirth', dateText), 'expectedDateOfBirth']] : []),
          ['Sex', v('sex', (s) => SEX_NAMES[s] || s), 'sex'],
          ['Ethnicity', v('ethnicity', ethnicityName), 'ethnicity'],
          ['Needs', v('needs', (n) => n.map(needName).join(', ')), 'needs'],
          ['Health', v('healthSummary'), 'healthSummary'],
          ['Birth family background', v('birthFamilyBackground'), 'birthFamilyBackground'],
          ['Social worker', v('socialWorker'), 'socialWorker'],
          ['LA’s child reference', v('sourceId'), 'sourceId'],
          ['Unique Pupil Number', v('upn'), 'upn'],
          ['NHS number', v('nhsNumber'), 'nhsNumber'],
          ['Placement postcode', v('placementPostcode'), 'placementPostcode'],
        ], { id: 'child-details' })),
      h('section', { class: 'panel', 'aria-labelledby': 'milestones-title' },
        h('h2', { id: 'milestones-title' }, 'Milestones'),
        table({
          id: 'milestones', caption: `${c.firstName || 'The child'}’s milestone dates`,
          columns: ['Milestone', 'Date'],
          rows: MILESTONES.map(([field, label]) => [{ th: label }, v(field, dateText)]),
        }),
        h('h2', { id: 'siblings-title' }, 'Siblings'),
        siblings.length ? table({
          id: 'siblings',
          caption: c.siblingGroup.placeTogether ? 'Siblings, to be placed together' : 'Siblings, not to be placed together',
          columns: ['Sibling', 'Age', 'Stage', 'Days waiting'],
          rows: siblings.map((s) => [
            { th: h('a', { href: `/family-finding/child?id=${encodeURIComponent(s.id)}` }, s.firstName || 'Name not recorded') },
            ageText(s.ageMonths), stageName(s.stage), daysText(s.daysWaiting)]),
        }) : h('p', { id: 'siblings' }, c.siblingGroup ? 'No sibling within your access.' : 'No sibling group recorded.'))),
    suggestions);
  ctx.announce(`Profile of ${name}`);
  await showMatchSuggestions(suggestions, ctx, c);
}
