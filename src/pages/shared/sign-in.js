// The sign-in block shared by the hub's pages: a token form, and outside production a demo-person picker. A page
// holds an empty <section id="sign-in" hidden> (its heading from data-title and data-heading-level) and a sign-out
// button; this module draws the block into the section, so its markup exists once, and wires it.
import { clearToken, demoPeople, demoToken, setToken, takeToken } from './hub-session.js';
import { h } from './dom.js';

const byId = (id) => document.getElementById(id);

/** Draws the sign-in block into its section: heading, token form, demo-person form (shown later), error line. */
function drawSignIn(section) {
  const level = Number(section.dataset.headingLevel) === 1 ? 'h1' : 'h2';
  section.setAttribute('aria-labelledby', 'sign-in-title');
  section.replaceChildren(
    h(level, { id: 'sign-in-title' }, section.dataset.title || 'Sign in'),
    h('form', { id: 'token-form' },
      h('label', { for: 'token-input' }, 'Paste your hub token (JWT)'),
      h('textarea', { id: 'token-input', rows: 3, autocomplete: 'off', spellcheck: 'false', required: true }),
      h('button', { type: 'submit' }, 'Sign in')),
    h('form', { id: 'demo-form', hidden: true },
      h('label', { for: 'demo-person' }, 'Development only: sign in as a demo person'),
      h('select', { id: 'demo-person' }),
      h('button', { type: 'submit' }, 'Use demo token')),
    h('p', { id: 'sign-in-error', class: 'error', role: 'alert' }));
}

/**
 * Draws and wires the sign-in section (id sign-in) and the sign-out button (id sign-out). Calls `onSignedIn()` with a token in the session; it should call `signIn.show()`
 * with a message when the hub refuses the token.
 */
export function setUpSignIn({ onSignedIn, onSignedOut = () => {} }) {
  drawSignIn(byId('sign-in'));
  const show = async (message = '') => {
    byId('sign-in').hidden = false;
    byId('sign-out').hidden = true;
    byId('sign-in-error').textContent = message;
    onSignedOut();
    const people = await demoPeople().catch(() => null);
    if (!people) return;
    byId('demo-person').replaceChildren(...people.map((p) => {
      const o = document.createElement('option');
      o.value = `${p.role}|${p.org}`;
      o.textContent = `${p.name}: ${p.role.replace('_', ' ')} at ${p.org}`;
      return o;
    }));
    byId('demo-form').hidden = false;
  };
  const signedIn = () => {
    byId('sign-in').hidden = true;
    byId('sign-out').hidden = false;
  };
  byId('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(byId('token-input').value);
    byId('token-input').value = '';
    onSignedIn();
  });
  byId('demo-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const [role, org] = byId('demo-person').value.split('|');
    try {
      setToken(await demoToken(role, org));
      onSignedIn();
    } catch (err) { byId('sign-in-error').textContent = err.message; }
  });
  byId('sign-out').addEventListener('click', () => { clearToken(); show(); });
  const start = () => { if (takeToken()) onSignedIn(); else show(); };
  return { show, signedIn, start };
}
