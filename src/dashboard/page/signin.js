// Sign-in shared by the dashboard and the audit page: a pasted token, a `#token=` link, or (development hubs only)
// a demo person. The token is kept for this tab only (api.js). `hideOnSignIn` are the ids of the page's own content.
import { clearToken, demoPeople, demoToken, gql, setToken, takeToken } from './api.js';
import { roleNames } from './roles.js';

const $ = (id) => document.getElementById(id);

/**
 * Wires the sign-in form and the sign-out button, and starts: `onSignedIn(who)` gets {me, authorities} for a
 * token the hub accepts; otherwise the form is shown (with the reason when a token was refused).
 */
export function startSignIn({ contentIds, onSignedIn }) {
  const showSignIn = async (message = '') => {
    for (const id of contentIds) $(id).hidden = true;
    $('viewer').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message;
    const people = await demoPeople().catch(() => null);
    if (!people) return;
    $('demo-person').replaceChildren(...people.map((p) => {
      const o = document.createElement('option');
      o.value = `${p.role}|${p.org}`;
      o.textContent = `${p.name}: ${roleNames([p.role])} at ${p.org}`;
      return o;
    }));
    $('demo-form').hidden = false;
  };

  const load = async () => {
    let who;
    try {
      who = await gql('query DashboardViewer { me { sub name org roles } authorities { code name kind } }');
    } catch (err) {
      clearToken();
      await showSignIn(err.code === 'UNAUTHENTICATED' ? 'That token was not accepted (expired or not for this hub).' : err.message);
      return;
    }
    const names = new Map(who.authorities.map((a) => [a.code, a.name]));
    $('sign-in').hidden = true;
    $('viewer').hidden = false;
    $('sign-out').hidden = false;
    $('viewer').textContent = `${who.me.name || who.me.sub} · ${roleNames(who.me.roles)} · ${names.get(who.me.org) || who.me.org}`;
    await onSignedIn(who);
  };

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken($('token-input').value);
    $('token-input').value = '';
    load();
  });
  $('demo-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const [role, org] = $('demo-person').value.split('|');
    try {
      setToken(await demoToken(role, org));
      await load();
    } catch (err) { $('sign-in-error').textContent = err.message; }
  });
  $('sign-out').addEventListener('click', () => { clearToken(); showSignIn(); });

  if (takeToken()) load(); else showSignIn();
  return { reload: load };
}
