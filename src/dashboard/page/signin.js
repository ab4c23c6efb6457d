// Sign-in for the dashboard and the audit page, on the sign-in block shared by the hub's pages (/shared/sign-in.js:
// a pasted token, a `#token=` link, or outside production a demo person). Once the hub accepts the token, the header
// names the viewer and `onSignedIn(who)` gets {me, authorities}. `contentIds` are the page's own parts, hidden while
// signed out.
import { setUpSignIn } from '/shared/sign-in.js';
import { clearToken, gql } from './api.js';
import { roleNames } from './roles.js';

const $ = (id) => document.getElementById(id);

/** Wires sign-in and sign-out and starts; returns {reload} to load the page again for the same viewer. */
export function startSignIn({ contentIds, onSignedIn }) {
  let signIn;
  const load = async () => {
    let who;
    try {
      who = await gql('query DashboardViewer { me { sub name org roles } authorities { code name kind } }');
    } catch (err) {
      clearToken();
      await signIn.show(err.code === 'UNAUTHENTICATED' ? 'That token was not accepted (expired or not for this hub).' : err.message);
      return;
    }
    const names = new Map(who.authorities.map((a) => [a.code, a.name]));
    signIn.signedIn();
    $('viewer').hidden = false;
    $('viewer').textContent = `${who.me.name || who.me.sub} · ${roleNames(who.me.roles)} · ${names.get(who.me.org) || who.me.org}`;
    await onSignedIn(who);
  };
  signIn = setUpSignIn({
    onSignedIn: load,
    onSignedOut: () => {
      for (const id of contentIds) $(id).hidden = true;
      $('viewer').hidden = true;
    },
  });
  signIn.start();
  return { reload: load };
}
