import { Sql } from '../db/sql';
import { Viewer } from '../auth/viewer';

interface PendingEntry {
  childId: string;
  owner: string;
  fields: Set<string>;
  refused: Set<string>;
}

/**
 * Collects, during one request, every child record served and which of its fields were read or refused, then
 * writes one entry per child in a single multi-row INSERT before the response leaves (so logging costs one
 * statement a request and the trail is complete: if the write fails, the data is not sent).
 */
export class AccessRecorder {
  private readonly pending = new Map<string, PendingEntry>();

  /** Notes that `field` of child `childId` (owned by `owner`) was served, or refused. */
  record(childId: string, owner: string, field: string, refused: boolean): void {
    let e = this.pending.get(childId);
    if (!e) {
      e = { childId, owner, fields: new Set(), refused: new Set() };
      this.pending.set(childId, e);
    }
    (refused ? e.refused : e.fields).add(field);
  }

  /** How many child records this request has served so far. */
  get size(): number {
    return this.pending.size;
  }

  /** Writes the request's entries (one per child) and forgets them; returns how many were written. */
  async flush(sql: Sql, viewer: Viewer, requestId: string, operationName: string | null): Promise<number> {
    const entries = [...this.pending.values()];
    this.pending.clear();
    if (!entries.length) return 0;
    await sql.query(
      `INSERT INTO access_log (request_id, viewer_sub, viewer_org, viewer_roles, child_id, owner_authority, fields,
         refused_fields, operation_name, cross_organisation)
       SELECT $1, $2, $3, $4::text[], e.child_id, e.owner, string_to_array(e.fields, ','), string_to_array(e.refused, ','), $5, e.owner <> $3
       FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[]) AS e(child_id, owner, fields, refused)`,
      [requestId, viewer.sub, viewer.org, viewer.roles, operationName,
        entries.map((e) => e.childId), entries.map((e) => e.owner),
        entries.map((e) => [...e.fields].sort().join(',')), entries.map((e) => [...e.refused].sort().join(','))],
    );
    return entries.length;
  }
}
