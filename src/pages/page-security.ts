// The HTTP side of the hub's own web pages (start page, family-finding pages, explorer, dashboard): security headers and
// static folders. Only the hub's own files run on a page, and a token never leaves it for another origin.
import express, { Express, Request, Response } from 'express';
import { projectPath } from '../config/project-root';

/** Headers for every page and asset: same-origin scripts, styles and requests only; no framing; no referrer. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    + "font-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** Sets the page security headers on a response. */
export function securePage(res: Response, headers: Record<string, string> = PAGE_SECURITY_HEADERS): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** A handler that sends one HTML file with the security headers, never cached (it names the current assets). */
export function sendHtml(file: string, headers: Record<string, string> = PAGE_SECURITY_HEADERS) {
  return (_req: Request, res: Response): void => {
    securePage(res, headers);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  };
}

/** Serves a folder's files under `prefix` with the security headers (no directory index, no dotfiles). */
export function mountStaticFolder(app: Express, prefix: string, folder: string): void {
  app.use(prefix, (_req, res, next) => { securePage(res); next(); },
    express.static(folder, { index: false, fallthrough: true, dotfiles: 'ignore' }));
}

/** A file inside node_modules (served as is: the hub's own dependencies, never a CDN). */
export const nodeModule = (...parts: string[]): string => projectPath('node_modules', ...parts);
