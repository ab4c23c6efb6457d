// The page's only way to the hub: POST /graphql with the viewer's token. The token and the demo people come from the
// session shared by the hub's pages (/shared/hub-session.js: this tab's sessionStorage, `#token=` taken out of the
// address bar), so signing in on the family-finding pages signs in here too, in that tab.
import { clearToken, demoPeople, demoToken, gqlResult, setToken, takeToken } from '/shared/hub-session.js';

export { clearToken, demoPeople, demoToken, setToken, takeToken };

/** An error the hub answered with (code as in extensions.code). */
export class HubError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

/** Runs one GraphQL operation; resolves with `data`, rejects with a HubError carrying the first error's code. */
export async function gql(query, variables = {}) {
  let result;
  try { result = await gqlResult(query, variables); } catch (err) { throw new HubError(err.message, err.code || 'HTTP'); }
  if (result.errors.length) {
    const e = result.errors[0];
    throw new HubError(e.message, (e.extensions && e.extensions.code) || 'ERROR');
  }
  return result.data;
}
