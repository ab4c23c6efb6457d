// Entry point of the family-finding pages: sign-in (shared with the dashboard), who is asking, then the view the
// address names. Every read goes through POST /graphql with the viewer's token, so the access policy and the audit
// trail apply exactly as to any other client.
import { gqlResult } from '/shared/hub-session.js';
import { setUpSignIn } from '/shared/sign-in.js';
import { h } from '/shared/dom.js';
import { errorSentence, roleNames } from './words.js';
import { showChildren } from './children-view.js';
import { showChild } from './child-view.js';
import { showHousehold, showHouseholds } from './household-view.js';
import { showSearches } from './searches-view.js';

const $ = (id) => document.getElementById(id);

const VIEWS = {
  '/family-finding': ['children', showChildren],
  '/family-finding/child': ['children', showChild],
  '/family-finding/households': ['households', showHouseholds],
  '/family-finding/household': ['households', showHousehold],
  '/family-finding/searches': ['searches', showSearches],
};

const signIn = setUpSignIn({
  onSignedIn: () => load(),
  onSignedOut: () => {
    $('view').replaceChildren();
    $('nav').hidden = true;
    $('viewer').hidden = true;
    document.body.dataset.state = 'signed-out';
  },
});

/** Announces a change to screen readers (the status line is visually hidden). */
export function announce(text) { $('status').textContent = text; }

async function load() {
  document.body.dataset.state = 'loading';
  let who;
  try {
    who = await gqlResult('query FamilyFindingViewer { me { sub name org roles } authorities { code name kind raa } }');
  } catch (err) {
    await signIn.show(err.message);
    return;
  }
  if (!who.data) {
    await signIn.show(errorSentence(who.errors[0] || {}));
    return;
  }
  signIn.signedIn();
  const { me, authorities } = who.data;
  const names = new Map(authorities.map((a) => [a.code, a.name]));
  const ctx = {
    me,
    authorities,
    nameOf: (code) => names.get(code) || code,
    params: new URLSearchParams(location.search),
    announce,
  };
  $('viewer').textContent = `${me.name || me.sub} · ${roleNames(me.roles)} · ${ctx.nameOf(me.org)}`;
  $('viewer').hidden = false;
  $('nav').hidden = false;
  const path = location.pathname.replace(/\/+$/, '') || '/family-finding';
  const [navKey, show] = VIEWS[path] || VIEWS['/family-finding'];
  for (const a of document.querySelectorAll('#nav a[data-view]')) {
    if (a.dataset.view === navKey) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const view = $('view');
  view.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await show(view, ctx);
  } catch (err) {
    view.replaceChildren(h('p', { class: 'refusal', role: 'alert' }, `The page could not be shown: ${err.message}`));
  }
  document.body.dataset.state = 'ready';
}

signIn.start();
