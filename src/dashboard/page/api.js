// The page's only way to the hub: POST /graphql with the viewer's token. The token lives in sessionStorage (this
// tab only) and is taken out of the address bar as soon as it is read from `#token=`.
const KEY = 'permanence-hub-dashboard-token';

/** An error the hub answered with (code as in extensions.code). */
export class HubError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

/** The token from `#token=<JWT>` (then removed from the address) or from this tab's session; null when none. */
export function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY);
}

/** Keeps `token` for this tab. */
export function setToken(token) { sessionStorage.setItem(KEY, token.trim()); }

/** Forgets the token. */
export function clearToken() { sessionStorage.removeItem(KEY); }

/** Runs one GraphQL operation; resolves with `data`, rejects with a HubError carrying the first error's code. */
export async function gql(query, variables = {}) {
  const token = sessionStorage.getItem(KEY);
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try { body = await res.json(); } catch { throw new HubError(`The hub answered ${res.status}.`, 'HTTP'); }
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    throw new HubError(e.message, (e.extensions && e.extensions.code) || 'ERROR');
  }
  return body.data;
}

/** The demo people (development hubs only); null when the hub has none (production). */
export async function demoPeople() {
  const res = await fetch('/dashboard/demo-people');
  return res.ok ? res.json() : null;
}

/** A demo token for a role at an authority (development hubs only). */
export async function demoToken(role, org) {
  const res = await fetch(`/dashboard/demo-token?role=${encodeURIComponent(role)}&org=${encodeURIComponent(org)}`);
  if (!res.ok) throw new HubError('This hub gives no demo tokens.', 'HTTP');
  return (await res.json()).token;
}
