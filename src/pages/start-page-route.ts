// GET /: the hub's start page, linking the dashboard, the family-finding pages and (outside production) the explorer.
import { Express } from 'express';
import { HubDeps } from '../server/hub-deps';
import { mountStaticFolder, securePage } from './page-security';
import { projectPath } from '../config/project-root';

interface Way { href: string; title: string; text: string }

const WAYS: Way[] = [
  { href: '/family-finding', title: 'Family finding', text: 'For RAA family finders and LA social workers: children waiting, their profiles, households that could fit them, saved searches.' },
  { href: '/dashboard', title: 'Dashboard', text: 'For LA analysts and managers: children at each stage, adopters, support cases and the adoption scorecard, small numbers suppressed.' },
];
const EXPLORER: Way = { href: '/graphql', title: 'GraphQL explorer', text: 'For integration engineers: the schema with its descriptions and example operations for each kind of user. Development only.' };

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c] as string));

/** The start page's HTML: the explorer is listed only where it is served. */
export function startPageHtml(production: boolean): string {
  const ways = production ? WAYS : [...WAYS, EXPLORER];
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Permanence Hub</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/start/start.css">
</head>
<body>
  <header><h1>Permanence Hub</h1></header>
  <main>
    <p>One permission-checked view of the records a regional adoption agency and its local authorities share.
      Sign in on any page with your hub token; every read of a child's record is on the record.</p>
    <ul class="ways">
${ways.map((w) => `      <li><h2><a href="${escape(w.href)}">${escape(w.title)}</a></h2><p>${escape(w.text)}</p></li>`).join('\n')}
    </ul>
    <p class="note">Programs use <code>POST /graphql</code>${production ? '' : ' (the explorer shows how)'}; health at <code>/healthz</code> and <code>/readyz</code>.</p>
  </main>
</body>
</html>
`;
}

/** Mounts GET / (the start page) and its stylesheet. */
export function mountStartPage(app: Express, deps: HubDeps): void {
  const html = startPageHtml(deps.env.production);
  app.get('/', (_req, res) => {
    securePage(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  });
  mountStaticFolder(app, '/start', projectPath('src', 'pages', 'start'));
}
