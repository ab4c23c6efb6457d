// The signed-in session shared by the hub's pages: the token (this tab's sessionStorage, under the same key as the
// dashboard's, so signing in on one page signs in the others in that tab), GraphQL over POST /graphql, and the
// development-only demo people. `#token=<JWT>` in the address is taken and then removed from the address bar.
const KEY = 'permanence-hub-dashboard-token';

/** The token from `#token=<JWT>` (then removed from the address) or from this tab's session; null when none. */
export function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, decodeURIComponent(match[1]).trim());
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY);
}

/** Keeps `token` for this tab. */
export function setToken(token) { sessionStorage.setItem(KEY, token.trim()); }

/** Forgets the token. */
export function clearToken() { sessionStorage.removeItem(KEY); }

/**
 * Runs one GraphQL operation and resolves with `{ data, errors }` as the hub answered (a refused field comes back
 * null beside a FORBIDDEN error at its path, so the page can say so). Rejects only when there is no answer at all.
 */
export async function gqlResult(query, variables = {}) {
  const token = sessionStorage.getItem(KEY);
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try { body = await res.json(); } catch { throw Object.assign(new Error(`The hub answered ${res.status} without a result.`), { code: 'HTTP' }); }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** The demo people (development hubs only); null when the hub has none (production). */
export async function demoPeople() {
  const res = await fetch('/dashboard/demo-people');
  return res.ok ? res.json() : null;
}

/** A demo token for a role at an authority (development hubs only). */
export async function demoToken(role, org) {
  const res = await fetch(`/dashboard/demo-token?role=${encodeURIComponent(role)}&org=${encodeURIComponent(org)}`);
  if (!res.ok) throw new Error('This hub gives no demo tokens.');
  return (await res.json()).token;
}
