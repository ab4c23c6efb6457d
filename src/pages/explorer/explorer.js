// The offline GraphQL explorer: GraphiQL 3 with React 18, all served from the hub's own node_modules (no CDN, no
// telemetry; the page's Content-Security-Policy allows requests to the hub only). Development only.
import { demoToken, takeToken } from '/shared/hub-session.js';
import { exampleTabs } from './examples.js';

/** The users the example tabs speak as (the demo partnership's people). */
const USERS = { family_finder: ['family_finder', 'ALE'], la_analyst: ['la_analyst', 'BDG'], integration: ['integration', 'BDG'] };

/** Keeps GraphiQL's state for this page load only: the example tabs and fresh tokens come back on every load. */
function memoryStorage() {
  const items = new Map();
  // On a tablet the query editor gets more of the width than the result (GraphiQL's default is half each).
  if (window.innerWidth < 1000) items.set('graphiql:editorFlex', '1.8');
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => { items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); },
    clear: () => items.clear(),
    get length() { return items.size; },
  };
}

/**
 * GraphiQL 3 updates the operation name a moment after the editor changes, so "run" right after switching tabs can
 * send the previous tab's name with this tab's document. A name the document does not hold is dropped, so a
 * one-operation document simply runs (a document with several still needs its choice).
 */
function sameTabOperation(fetcher) {
  const { parse, getOperationAST } = window.GraphiQL.GraphQL;
  return (params, opts) => {
    if (params.operationName) {
      try {
        if (!getOperationAST(parse(params.query), params.operationName)) params = { ...params, operationName: undefined };
      } catch { /* unparsable: the hub says what is wrong */ }
    }
    return fetcher(params, opts);
  };
}

async function post(token, query) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

/** A real child and household of the demo partnership for the examples' variables (null when there is none). */
async function exampleIds(token) {
  if (!token) return { childId: null, householdId: null };
  const body = await post(token, `query ExplorerExampleIds {
    children(first: 1, filter: { stages: [FAMILY_FINDING] }) { edges { node { id } } }
    adopterHouseholds(first: 1, filter: { stages: [APPROVED] }) { edges { node { id } } }
  }`).catch(() => ({}));
  const d = body.data || {};
  return {
    childId: d.children && d.children.edges[0] ? d.children.edges[0].node.id : null,
    householdId: d.adopterHouseholds && d.adopterHouseholds.edges[0] ? d.adopterHouseholds.edges[0].node.id : null,
  };
}

async function start() {
  const own = takeToken(); // a token the other pages signed in with, used where the hub gives no demo tokens
  const tokens = {};
  await Promise.all(Object.entries(USERS).map(async ([key, [role, org]]) => {
    tokens[key] = await demoToken(role, org).catch(() => own);
  }));
  const ids = await exampleIds(tokens.family_finder);
  const tabs = exampleTabs({ tokens, ...ids });
  const root = document.getElementById('graphiql');
  root.replaceChildren();
  const fetcher = sameTabOperation(window.GraphiQL.createFetcher({ url: `${location.origin}/graphql` }));
  window.ReactDOM.createRoot(root).render(window.React.createElement(window.GraphiQL, {
    fetcher,
    defaultTabs: tabs,
    // GraphiQL 3 fills the first tab's editors from these, not from defaultTabs[0] (its variables would be lost).
    variables: tabs[0].variables,
    headers: tabs[0].headers,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    storage: memoryStorage(),
  }));
  document.body.dataset.state = 'ready';
}

start();
