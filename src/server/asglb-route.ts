// GET /export/asglb — the ASGLB quarterly return for download (the dashboard's button, `hub export asglb`):
//   /export/asglb?quarter=2025Q3&owner=CODE          JSON: the files the token may download for that LA or agency
//   /export/asglb/CODE/TABLE.csv?quarter=2025Q3      one table as CSV (children, sgo, adopters, enquiries, validation)
// The export policy (src/policy/asglb-export-policy.ts) decides; every child row sent is in the access log.
import { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { asglbExportRefusal, type AsglbTable } from '../policy/asglb-export-policy';
import { asglbFileName, asglbFilesFor, exportAsglbTable } from '../asglb/asglb-export';
import { parseAsglbQuarter } from '../asglb/asglb-quarter';
import { AuthenticationError, authenticate } from '../auth/verify-token';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { HubDeps } from './hub-deps';
import { logServerError } from './server-log';

const TABLES: readonly AsglbTable[] = ['children', 'sgo', 'adopters', 'enquiries', 'validation'];

/** The path of one table's CSV. */
export const asglbTablePath = (owner: string, table: AsglbTable, quarter: string): string =>
  `/export/asglb/${encodeURIComponent(owner)}/${table}.csv?quarter=${encodeURIComponent(quarter)}`;

type Handler = (req: Request, res: Response, deps: HubDeps, requestId: string) => Promise<void>;

function guarded(deps: HubDeps, handler: Handler) {
  return async (req: Request, res: Response) => {
    const requestId = (req as Request & { requestId?: string }).requestId ?? '';
    const fail = (status: number, code: string, message: string) => { res.status(status).json({ error: { code, message }, requestId }); };
    try {
      await handler(req, res, deps, requestId);
    } catch (err) {
      if (err instanceof AuthenticationError) return fail(401, 'UNAUTHENTICATED', err.message);
      if (err instanceof GraphQLError) {
        const code = String(err.extensions.code);
        return fail(code === 'FORBIDDEN' ? 403 : 400, code, err.message);
      }
      if (isDatabaseUnavailable(err)) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        return fail(503, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
      }
      logServerError(requestId, err as Error);
      return fail(500, 'INTERNAL_SERVER_ERROR', 'The export failed; nothing was sent.');
    }
  };
}

/** Mounts the endpoints. */
export function mountAsglbExport(app: Express, deps: HubDeps): void {
  app.get('/export/asglb', guarded(deps, async (req, res) => {
    const viewer = await authenticate(req.headers.authorization, deps.key, deps.authorities);
    const q = parseAsglbQuarter(String(req.query.quarter ?? ''));
    const owner = await deps.authorities.get(String(req.query.owner ?? viewer.org).toUpperCase());
    if (!owner) { res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such authority.' } }); return; }
    const all = [...(await deps.authorities.all()).values()];
    const members = all.filter((a) => a.raaCode === owner.code);
    const files = asglbFilesFor(viewer, owner, members).map(([table, o]) => ({
      table, owner: o.code, fileName: asglbFileName(o, table, q),
      url: asglbTablePath(o.code, table, q.label),
    }));
    res.json({ quarter: q.label, start: q.start, end: q.end, files });
  }));

  app.get('/export/asglb/:owner/:table.csv', guarded(deps, async (req, res, _deps, requestId) => {
    const viewer = await authenticate(req.headers.authorization, deps.key, deps.authorities);
    const table = String(req.params.table) as AsglbTable;
    const q = parseAsglbQuarter(String(req.query.quarter ?? ''));
    const owner = await deps.authorities.get(String(req.params.owner).toUpperCase());
    if (!TABLES.includes(table) || !owner) {
      // Unknown table or owner: answered like a refusal, so the answer says nothing about which authorities exist.
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `No such table; the tables are ${TABLES.join(', ')}.` }, requestId });
      return;
    }
    const refusal = asglbExportRefusal(viewer, table, owner.kind === 'LOCAL_AUTHORITY' ? 'la' : 'agency', owner.code);
    if (refusal) { res.status(403).json({ error: { code: 'FORBIDDEN', message: refusal }, requestId }); return; }
    const out = await exportAsglbTable(deps.db, { viewer, requestId }, table, owner, q);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${out.fileName}"`);
    res.set('Cache-Control', 'no-store');
    res.send(`\ufeff${out.csv}`);
  }));
}
