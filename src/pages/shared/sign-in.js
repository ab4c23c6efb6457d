// The sign-in block shared by the hub's pages: a token form, and outside production a demo-person picker. The page
// supplies a <section> holding the markup below (see family-finding/index.html) and what to do once signed in.
import { clearToken, demoPeople, demoToken, setToken, takeToken } from './hub-session.js';

const byId = (id) => document.getElementById(id);

/**
 * Wires the sign-in section (ids: sign-in, token-form, token-input, demo-form, demo-person, sign-in-error) and the
 * sign-out button (id sign-out). Calls `onSignedIn()` with a token in the session; it should call `signIn.show()`
 * with a message when the hub refuses the token.
 */
export function setUpSignIn({ onSignedIn, onSignedOut = () => {} }) {
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
