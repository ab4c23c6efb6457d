// GET /graphql from a browser (Accept: text/html), outside production: the GraphQL explorer (GraphiQL 3, React 18)
// served from the hub's own node_modules, so it works on a council network without internet. It replaces Apollo's
// landing page (Sandbox, loaded from a CDN). Production mounts none of it: no explorer, no introspection.
import * as fs from 'fs';
import * as path from 'path';
import { Express, NextFunction, Request, Response } from 'express';
import { HubDeps } from '../server/hub-deps';
import { mountStaticFolder, nodeModule, securePage, sendHtml } from './page-security';
import { projectPath } from '../config/project-root';

const PAGE_DIR = projectPath('src', 'pages', 'explorer');

/** The explorer's vendored files: served name → file in node_modules. */
export const EXPLORER_VENDOR: Record<string, string> = {
  'graphiql.min.js': nodeModule('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': nodeModule('graphiql', 'graphiql.min.css'),
  'react.production.min.js': nodeModule('react', 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': nodeModule('react-dom', 'umd', 'react-dom.production.min.js'),
};

/** True for a browser asking for a page (not a GraphQL client asking for JSON, not a GET query). */
function wantsPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** Mounts the explorer on GET /graphql (browsers only) and its files under /explorer; nothing in production. */
export function mountExplorer(app: Express, deps: HubDeps): void {
  if (deps.env.production) return;
  const page = sendHtml(path.join(PAGE_DIR, 'index.html'));
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => { if (wantsPage(req)) page(req, res); else next(); });
  app.get('/explorer', (_req, res) => { res.redirect(302, '/graphql'); });
  app.get('/explorer/vendor/:file', (req, res) => {
    securePage(res);
    const file = EXPLORER_VENDOR[String(req.params.file)];
    if (!file || !fs.existsSync(file)) { res.status(404).type('text/plain').send('not found'); return; }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(file);
  });
  mountStaticFolder(app, '/explorer', PAGE_DIR);
}
