// The change feed (`changes`): an authority's upserts and deletions in the order they committed, keyset-paginated
// on the entry's sequence number. Who may read which feed is decided here, before anything is read.
import type { Viewer } from '../auth/viewer';
import type { Sql } from '../db/sql';
import { childPolicy } from '../policy/child-policy';
import { rowScope } from '../policy/enforce';
import { badInput, forbidden } from '../policy/errors';
import { SqlParams } from '../policy/sql-params';

/** One feed entry as served. */
export interface ChangeRow {
  seq: string;
  entity: string;
  id: string;
  sourceId: string;
  operation: 'UPSERT' | 'DELETE';
  at: Date;
}

/** Largest page of the feed (entries are small, and a script catching up wants big pages). */
export const MAX_CHANGES_PAGE = 1000;
/** Page size when `first` is not given. */
export const DEFAULT_CHANGES_PAGE = 100;

/**
 * Which part of `authority`'s feed the viewer reads: its own organisation's whole feed, or (an RAA client) a
 * member LA's child entries limited to children now in the RAA's family-finding scope, plus that LA's deletions.
 * Anything else is FORBIDDEN.
 */
export function feedScope(viewer: Viewer, authority: string): 'OWN' | 'MEMBER_LA' {
  if (authority === viewer.org) return 'OWN';
  if (viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' && viewer.raaMembers.includes(authority)) return 'MEMBER_LA';
  throw forbidden(`You may read the change feed of ${viewer.org}${viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? ' and its member LAs' : ''} only.`);
}

/** A cursor is the entry's sequence number, zero-padded so it grows both as a number and as text. */
export function changeCursor(seq: string | number): string {
  return String(seq).padStart(20, '0');
}

/** The largest sequence number PostgreSQL's bigint holds; a cursor beyond it was not made by the feed. */
const MAX_SEQ = BigInt('9223372036854775807');

function parseAfter(after: string | null | undefined): string | null {
  if (after === null || after === undefined || after === '') return null;
  if (!/^\d{1,20}$/.test(after) || BigInt(after) > MAX_SEQ) {
    throw badInput('`after` must be a cursor from the change feed (digits, at most 9223372036854775807).', { argument: 'after' });
  }
  return after.replace(/^0+(?=\d)/, '');
}

function checkFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_CHANGES_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_CHANGES_PAGE}.`, { argument: 'first' });
  }
  return first;
}

/** One page of the feed after `after` (exclusive), oldest first. One statement. */
export async function changesPage(sql: Sql, viewer: Viewer, authority: string, args: { first?: number | null; after?: string | null }) {
  const scope = feedScope(viewer, authority);
  const first = checkFirst(args.first);
  const after = parseAfter(args.after);
  const p = new SqlParams();
  const where = [`cl.authority = ${p.add(authority)}`];
  if (after !== null) where.push(`cl.seq > ${p.add(after)}::bigint`);
  if (scope === 'MEMBER_LA') {
    where.push(`cl.entity = 'Child' AND (cl.operation = 'DELETE'
      OR EXISTS (SELECT 1 FROM child c WHERE c.id = cl.entity_id AND ${rowScope(childPolicy, viewer, p, 'c')}))`);
  }
  const rows = await sql.query<ChangeRow>(`
    SELECT cl.seq::text AS seq, cl.entity, cl.entity_id AS id, cl.source_id AS "sourceId", cl.operation, cl.at
    FROM change_log cl WHERE ${where.join(' AND ')}
    ORDER BY cl.seq LIMIT ${p.add(first + 1)}`, p.values);
  const page = rows.slice(0, first);
  return {
    rows: page,
    hasNextPage: rows.length > first,
    // An empty page keeps the cursor the client sent, so a polling script never falls back to the start.
    endCursor: page.length ? changeCursor(page[page.length - 1].seq) : (after !== null ? changeCursor(after) : null),
  };
}
