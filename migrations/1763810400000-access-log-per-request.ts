import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log, one entry per child per REQUEST (issue 9 §1.4): a request whose compiled statements serve the same
 * child twice (e.g. `child(id)` beside `childSuggestions` listing that child, or a page beside a saved search's
 * results) writes that child into two `access_read` rows, since each statement audits what it serves in its own
 * data-modifying CTE and the statements of a request run concurrently. "N children served -> N entries" is read here:
 * the entry of a child is its FIRST appearance in the request (lowest read id, so its id and position are stable),
 * holding the union of the fields served and refused across the request's statements.
 *
 * - `access_entry_is_first(read, request, child)` and `access_entry_fields(request, child)`: the two rules, once,
 *   for the `access_log` view and the compiled `accessLog` statement (src/compiler/access-log-compiler.ts).
 * - Indexes for the accessLog filters, and no more: (request_id) for the two rules above (one index entry per read
 *   statement, not per child); (viewer_sub, id DESC) for the reader filter; BRIN on `at` for a period (the table is
 *   append-only and `at` grows with the id, so the BRIN index is a few pages). The existing (viewer_org, id DESC),
 *   GIN(owners) and GIN(children) serve the RAA scope / viewerOrg filter, an LA auditor's scope and childId.
 * - An entry's id stays `read id × 100,000 + position`: a bigint in SQL (overflowing only past 9.2 × 10^13 read
 *   statements), served as an ID (a string) and compared as a bigint in cursors, never as a JavaScript number.
 */
export class AccessLogPerRequest1763810400000 implements MigrationInterface {
  name = 'AccessLogPerRequest1763810400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX access_read_request_idx ON access_read (request_id)`);
    await q.query(`CREATE INDEX access_read_viewer_sub_idx ON access_read (viewer_sub, id DESC)`);
    await q.query(`CREATE INDEX access_read_at_idx ON access_read USING brin (at)`);
    await q.query(`
      CREATE FUNCTION access_entry_is_first(read_id bigint, request text, child uuid) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT NOT EXISTS (SELECT 1 FROM access_read r2 WHERE r2.request_id = request AND r2.id < read_id AND child = ANY(r2.children))
      $$`);
    await q.query(`
      CREATE FUNCTION access_entry_fields(request text, child uuid, OUT fields text[], OUT refused text[])
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(array_agg(DISTINCT f.name ORDER BY f.name) FILTER (WHERE f.served), '{}'),
               COALESCE(array_agg(DISTINCT f.name ORDER BY f.name) FILTER (WHERE NOT f.served), '{}')
        FROM access_read r CROSS JOIN LATERAL unnest(r.children, r.fields, r.refused) x(c, fs, rs)
        CROSS JOIN LATERAL (SELECT s COLLATE "C", true FROM unnest(string_to_array(x.fs, ',')) s
                            UNION ALL SELECT s COLLATE "C", false FROM unnest(string_to_array(x.rs, ',')) s) f(name, served)
        WHERE r.request_id = request AND x.c = child AND f.name <> ''
      $$`);
    await q.query(`DROP VIEW access_log`);
    await q.query(`
      CREATE VIEW access_log AS
      SELECT r.id * 100000 + e.n AS id, r.at, r.request_id, r.viewer_sub, r.viewer_org, r.viewer_roles, e.child_id,
        e.owner AS owner_authority,
        CASE WHEN e.child_id IS NULL THEN string_to_array(e.fields, ',') ELSE m.fields END AS fields,
        CASE WHEN e.child_id IS NULL THEN string_to_array(e.refused, ',') ELSE m.refused END AS refused_fields,
        r.operation_name, e.owner IS DISTINCT FROM r.viewer_org AS cross_organisation
      FROM access_read r CROSS JOIN LATERAL unnest(r.children, r.owners, r.fields, r.refused) WITH ORDINALITY AS e(child_id, owner, fields, refused, n)
      CROSS JOIN LATERAL access_entry_fields(r.request_id, e.child_id) m
      WHERE access_entry_is_first(r.id, r.request_id, e.child_id)`);
    await q.query(`CREATE TRIGGER access_log_no_update_or_delete INSTEAD OF UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`CREATE TRIGGER access_log_insert INSTEAD OF INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_insert()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW access_log`);
    await q.query(`
      CREATE VIEW access_log AS
      SELECT r.id * 100000 + e.n AS id, r.at, r.request_id, r.viewer_sub, r.viewer_org, r.viewer_roles, e.child_id,
        e.owner AS owner_authority, string_to_array(e.fields, ',') AS fields, string_to_array(e.refused, ',') AS refused_fields,
        r.operation_name, e.owner IS DISTINCT FROM r.viewer_org AS cross_organisation
      FROM access_read r CROSS JOIN LATERAL unnest(r.children, r.owners, r.fields, r.refused) WITH ORDINALITY AS e(child_id, owner, fields, refused, n)`);
    await q.query(`CREATE TRIGGER access_log_no_update_or_delete INSTEAD OF UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`CREATE TRIGGER access_log_insert INSTEAD OF INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_insert()`);
    await q.query(`DROP FUNCTION access_entry_fields(text, uuid)`);
    await q.query(`DROP FUNCTION access_entry_is_first(bigint, text, uuid)`);
    await q.query(`DROP INDEX access_read_at_idx`);
    await q.query(`DROP INDEX access_read_viewer_sub_idx`);
    await q.query(`DROP INDEX access_read_request_idx`);
  }
}
