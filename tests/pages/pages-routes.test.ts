import { startTestHub, TestHub } from '../support/test-hub';

// The hub's own pages over HTTP: the start page, the family-finding pages and the explorer, in development and in
// production (where there is no explorer and no introspection).
let dev: TestHub;
let prod: TestHub;

const get = (hub: TestHub, path: string, accept = 'text/html') => fetch(`${hub.url}${path}`, { headers: { accept } });

beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestHub(), startTestHub({ production: true })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

describe('the start page', () => {
  it('links the dashboard, the family-finding pages and, outside production, the explorer', async () => {
    const res = await get(dev, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const hrefs = [...(await res.text()).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['/family-finding', '/dashboard', '/graphql']);
    const prodHrefs = [...(await (await get(prod, '/')).text()).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(prodHrefs).toEqual(['/family-finding', '/dashboard']);
  });
});

describe('the family-finding pages', () => {
  it('serve one page for every view, with its scripts, under a same-origin-only policy', async () => {
    for (const path of ['/family-finding', '/family-finding/', '/family-finding/child?id=x', '/family-finding/households', '/family-finding/household?id=x', '/family-finding/searches']) {
      const res = await get(dev, path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'; .*connect-src 'self'/);
      expect(await res.text()).toContain('<script type="module" src="/family-finding/assets/family-finding.js">');
    }
    for (const asset of ['/family-finding/assets/family-finding.js', '/family-finding/assets/children-view.js', '/shared/hub-session.js', '/shared/sign-in.js']) {
      const res = await get(dev, asset, '*/*');
      expect({ asset, status: res.status, type: res.headers.get('content-type') }).toEqual({ asset, status: 200, type: expect.stringMatching(/javascript/) });
    }
    expect((await get(dev, '/family-finding/assets/nothing.js', '*/*')).status).toBe(404);
  });

  it('are served in production too (they are the hub’s pages, signed in with a real token)', async () => {
    expect((await get(prod, '/family-finding')).status).toBe(200);
    expect((await get(prod, '/dashboard/demo-people', 'application/json')).status).toBe(404);
  });
});

describe('the explorer', () => {
  it('answers a browser’s GET /graphql with GraphiQL from the hub’s own files, not Apollo Sandbox from a CDN', async () => {
    const res = await get(dev, '/graphql');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/sandbox|embeddable|apollographql|cdn/i);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(sources.filter((u) => !u.startsWith('/'))).toEqual([]); // nothing from another origin
    for (const src of sources.filter((u) => u.startsWith('/explorer/'))) {
      const asset = await get(dev, src, '*/*');
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
      expect(Number(asset.headers.get('content-length') ?? (await asset.arrayBuffer()).byteLength)).toBeGreaterThan(100);
    }
    expect(sources).toEqual(expect.arrayContaining(['/explorer/vendor/graphiql.min.js', '/explorer/vendor/react.production.min.js',
      '/explorer/vendor/react-dom.production.min.js', '/explorer/vendor/graphiql.min.css']));
  });

  it('leaves GraphQL clients alone: POST, and GET asking for JSON, still reach the API', async () => {
    // Without a token the API itself answers (UNAUTHENTICATED, as JSON): the request got past the explorer.
    const post = await dev.gql(undefined, '{ me { org } }');
    expect(post.status).toBe(401);
    expect(post.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const accept of ['application/json', '*/*']) {
      const viaGet = await fetch(`${dev.url}/graphql?query=${encodeURIComponent('{ me { org } }')}`, { headers: { accept, 'apollo-require-preflight': 'true' } });
      expect({ accept, type: viaGet.headers.get('content-type') }).toEqual({ accept, type: expect.stringMatching(/json/) });
      expect((await viaGet.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('is not served in production', async () => {
    const res = await get(prod, '/graphql');
    expect(await res.text()).not.toMatch(/graphiql/i);
    expect((await get(prod, '/explorer/vendor/graphiql.min.js', '*/*')).status).toBe(404);
    expect((await get(prod, '/explorer/explorer.js', '*/*')).status).toBe(404);
  });
});
