// GET /family-finding: the pages for RAA family finders and LA social workers (children list, a child's profile
// with match suggestions, adopter households with the reverse search, saved searches). Static HTML and ES modules,
// no build step; the pages hold no data of their own and read everything through POST /graphql with the viewer's
// token, so the access policy and the audit trail apply unchanged.
import * as path from 'path';
import { Express } from 'express';
import { mountStaticFolder, sendHtml } from './page-security';
import { projectPath } from '../config/project-root';

const PAGE_DIR = projectPath('src', 'pages', 'family-finding');

/** The addresses of the pages' views (one HTML page; its script shows the view the address names). */
export const FAMILY_FINDING_VIEWS = ['', '/child', '/households', '/household', '/searches'];

/** Mounts the family-finding pages, their scripts and styles, and the scripts shared by the hub's pages. */
export function mountFamilyFinding(app: Express): void {
  const page = sendHtml(path.join(PAGE_DIR, 'index.html'));
  for (const view of FAMILY_FINDING_VIEWS) {
    app.get(`/family-finding${view}`, page);
    app.get(`/family-finding${view}/`, page);
  }
  mountStaticFolder(app, '/family-finding/assets', path.join(PAGE_DIR, 'assets'));
  mountStaticFolder(app, '/shared', projectPath('src', 'pages', 'shared'));
}
