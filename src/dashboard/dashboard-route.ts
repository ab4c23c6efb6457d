// GET /dashboard — the LA dashboard: static HTML, JS and CSS served by the hub (no build step), chart.js straight
// from node_modules. The page holds no data of its own: it calls the aggregate GraphQL queries with the viewer's token.
import * as fs from 'fs';
import * as path from 'path';
import { Express } from 'express';
import { mintToken } from '../auth/mint-token';
import { isRole } from '../auth/roles';
import { DEMO_PEOPLE } from '../cli/demo-tokens';
import { HubDeps } from '../server/hub-deps';
import { projectPath } from '../config/project-root';
import { mountStaticFolder, nodeModule, securePage, sendHtml } from '../pages/page-security';

const PAGE_DIR = projectPath('src', 'dashboard', 'page');
const CHART_JS = nodeModule('chart.js', 'dist', 'chart.umd.js');

/** How long a demo token from the role picker lasts. */
const DEMO_TOKEN_TTL_SECONDS = 2 * 3600;

/** Mounts the page, the audit page, their assets, chart.js, and (outside production) the demo people and demo tokens. */
export function mountDashboard(app: Express, deps: HubDeps): void {
  // The security headers are the hub pages' own (src/pages/page-security.ts): one policy for every page.
  const dashboardPage = sendHtml(path.join(PAGE_DIR, 'index.html'));
  app.get('/dashboard', dashboardPage);
  app.get('/dashboard/', dashboardPage);
  // The audit trail's page (accessLog); the policy decides what it shows, the page only asks.
  app.get('/dashboard/audit', sendHtml(path.join(PAGE_DIR, 'audit.html')));
  app.get('/dashboard/vendor/chart.umd.js', (_req, res) => {
    securePage(res);
    if (!fs.existsSync(CHART_JS)) { res.status(404).type('text/plain').send('chart.js is not installed'); return; }
    res.type('application/javascript').sendFile(CHART_JS);
  });
  if (!deps.env.production) mountDemoEndpoints(app, deps);
  mountStaticFolder(app, '/dashboard', PAGE_DIR);
}

// Development only (never mounted with NODE_ENV=production, so they answer 404 there): the demo people, and a
// token for any role at any known authority, so the page can be tried without minting tokens by hand.
function mountDemoEndpoints(app: Express, deps: HubDeps): void {
  app.get('/dashboard/demo-people', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(DEMO_PEOPLE.map(({ role, org, name }) => ({ role, org, name })));
  });
  app.get('/dashboard/demo-token', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const role = String(req.query.role ?? '');
    if (!isRole(role)) { res.status(400).json({ error: 'role must be one of the hub roles' }); return; }
    const person = DEMO_PEOPLE.find((p) => p.role === role && (req.query.org === undefined || p.org === req.query.org));
    const org = String(req.query.org ?? person?.org ?? '');
    if (!(await deps.authorities.get(org))) { res.status(400).json({ error: 'org must be a known authority code' }); return; }
    // Signed with the development key only, never the operator's JWT_SECRET, so a demo token opens nothing real.
    const demoKey = deps.key.demoKey;
    if (!demoKey) { res.status(404).json({ error: 'this hub cannot mint demo tokens' }); return; }
    const sub = person?.sub ?? `${role}.${org.toLowerCase()}.demo`;
    const name = person?.name ?? `Demo ${role} (${org})`;
    const token = mintToken({ sub, org, roles: [role], name }, demoKey,
      { issuer: deps.key.issuer, audience: deps.key.audience, ttl: Math.min(DEMO_TOKEN_TTL_SECONDS, deps.key.maxLifetimeSeconds) });
    res.json({ token, role, org, name });
  });
}
