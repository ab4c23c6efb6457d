// The change feed (`changes`): an authority's upserts and deletions in the order they committed, keyset-paginated
// on the entry's sequence number. Who may read which entries is src/policy/change-feed-policy.ts.
import type { Viewer } from '../auth/viewer';
import type { Sql } from '../db/sql';
import { feedEntryScope, feedScope, feedSourceIdSql } from '../policy/change-feed-policy';
import { badInput } from '../policy/errors';
import { SqlParams } from '../policy/sql-params';

export { feedScope } from '../policy/change-feed-policy';

/** One feed entry as served. */
export interface ChangeRow {
  seq: string;
  entity: string;
  id: string;
  /** The owner's own id; null on a deletion served to an RAA (the hub's id only). */
  sourceId: string | null;
  /** The authority whose feed holds the entry (the record's owner). */
  authority: string;
  operation: 'UPSERT' | 'DELETE';
  at: Date;
}

/** Largest page of the feed (entries are small, and a script catching up wants big pages). */
export const MAX_CHANGES_PAGE = 1000;
/** Page size when `first` is not given. */
export const DEFAULT_CHANGES_PAGE = 100;

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

/** Who asked, for the access-log entry the read writes. */
export interface FeedAudit {
  requestId: string;
  operationName: string | null;
}

/**
 * One page of the feed after `after` (exclusive), oldest first. One statement, audit included: a child's id is
 * child-level data, so a data-modifying CTE records every child the page serves (one access-log entry per child:
 * `id`, and `sourceId` where it was served), and the page and its entries commit together or not at all.
 */
export async function changesPage(sql: Sql, viewer: Viewer, authority: string, args: { first?: number | null; after?: string | null }, audit: FeedAudit) {
  const scope = feedScope(viewer, authority);
  const first = checkFirst(args.first);
  const after = parseAfter(args.after);
  const p = new SqlParams();
  const where = [`cl.authority = ${p.add(authority)}`];
  if (after !== null) where.push(`cl.seq > ${p.add(after)}::bigint`);
  const entries = feedEntryScope(scope, viewer, p);
  if (entries) where.push(entries);
  const limit = p.add(first + 1);
  const served = p.add(first);
  const rows = await sql.query<ChangeRow>(`
    WITH page AS (
      SELECT cl.seq, cl.entity, cl.entity_id AS id, ${feedSourceIdSql(scope)} AS source_id, cl.authority, cl.operation, cl.at
      FROM change_log cl WHERE ${where.join(' AND ')}
      ORDER BY cl.seq LIMIT ${limit}
    ), audit AS (
      INSERT INTO access_read (request_id, viewer_sub, viewer_org, viewer_roles, operation_name, children, owners, fields, refused)
      SELECT ${p.add(audit.requestId)}, ${p.add(viewer.sub)}, ${p.add(viewer.org)}, ${p.add(viewer.roles)}::text[], ${p.add(audit.operationName)}::text,
        array_agg(e.id ORDER BY e.id), array_agg(e.authority ORDER BY e.id), array_agg(e.fields ORDER BY e.id), array_agg(''::text ORDER BY e.id)
      FROM (SELECT id, authority, CASE WHEN bool_or(source_id IS NOT NULL) THEN 'id,sourceId' ELSE 'id' END AS fields
            FROM (SELECT * FROM page ORDER BY seq LIMIT ${served}) s WHERE entity = 'Child' GROUP BY id, authority) e
      HAVING count(*) > 0
    )
    SELECT seq::text AS seq, entity, id, source_id AS "sourceId", authority, operation, at FROM page ORDER BY page.seq`, p.values);
  const page = rows.slice(0, first);
  return {
    rows: page,
    hasNextPage: rows.length > first,
    // An empty page keeps the cursor the client sent, so a polling script never falls back to the start.
    endCursor: page.length ? changeCursor(page[page.length - 1].seq) : (after !== null ? changeCursor(after) : null),
  };
}
