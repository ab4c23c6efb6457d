import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail, reshaped for reads that write their own entries (src/compiler): one `access_read` row per
 * statement that served children, holding the children in parallel arrays (child, owner, fields served, fields
 * refused), written by a data-modifying CTE of the read itself. One heap row and a few index entries per read instead
 * of one row and four index entries per child, and the read and its audit commit together.
 *
 * `access_log` stays as a view with one row per child served (the "N children served, N entries" semantics the
 * accessLog API and its policy read). An entry's id is the statement row's id × 100,000 + its position, so ids keep
 * the newest-first order. Both refuse UPDATE, DELETE and TRUNCATE; an INSERT into the view lands in access_read.
 *
 * Indexes, only those the accessLog queries need: (viewer_org, id) for an RAA manager's and an RAA auditor's scope;
 * GIN on owners for an LA auditor's; GIN on children for the childId filter.
 */
export class AccessRead1763810000000 implements MigrationInterface {
  name = 'AccessRead1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_read (
        id              bigserial PRIMARY KEY,
        at              timestamptz NOT NULL DEFAULT clock_timestamp(),
        request_id      text NOT NULL,
        viewer_sub      text NOT NULL,
        viewer_org      text NOT NULL,
        viewer_roles    text[] NOT NULL,
        operation_name  text,
        children        uuid[] NOT NULL,
        owners          text[] NOT NULL,
        fields          text[] NOT NULL,
        refused         text[] NOT NULL,
        CHECK (cardinality(children) BETWEEN 1 AND 99999 AND cardinality(owners) = cardinality(children)
          AND cardinality(fields) = cardinality(children) AND cardinality(refused) = cardinality(children))
      )`);
    // The entries written so far, one statement row per request.
    await q.query(`
      INSERT INTO access_read (at, request_id, viewer_sub, viewer_org, viewer_roles, operation_name, children, owners, fields, refused)
      SELECT min(at), request_id, viewer_sub, viewer_org, viewer_roles, operation_name, array_agg(child_id ORDER BY id),
        array_agg(owner_authority ORDER BY id), array_agg(array_to_string(fields, ',') ORDER BY id),
        array_agg(array_to_string(refused_fields, ',') ORDER BY id)
      FROM access_log GROUP BY request_id, viewer_sub, viewer_org, viewer_roles, operation_name ORDER BY min(id)`);
    await q.query(`DROP TABLE access_log`);
    await q.query(`CREATE INDEX access_read_viewer_org_idx ON access_read (viewer_org, id DESC)`);
    await q.query(`CREATE INDEX access_read_owners_idx ON access_read USING gin (owners)`);
    await q.query(`CREATE INDEX access_read_children_idx ON access_read USING gin (children)`);
    await q.query(`CREATE TRIGGER access_read_no_update_or_delete BEFORE UPDATE OR DELETE ON access_read
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`CREATE TRIGGER access_read_no_truncate BEFORE TRUNCATE ON access_read
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`
      CREATE VIEW access_log AS
      SELECT r.id * 100000 + e.n AS id, r.at, r.request_id, r.viewer_sub, r.viewer_org, r.viewer_roles, e.child_id,
        e.owner AS owner_authority, string_to_array(e.fields, ',') AS fields, string_to_array(e.refused, ',') AS refused_fields,
        r.operation_name, e.owner IS DISTINCT FROM r.viewer_org AS cross_organisation
      FROM access_read r CROSS JOIN LATERAL unnest(r.children, r.owners, r.fields, r.refused) WITH ORDINALITY AS e(child_id, owner, fields, refused, n)`);
    await q.query(`CREATE TRIGGER access_log_no_update_or_delete INSTEAD OF UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`
      CREATE FUNCTION access_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO access_read (request_id, viewer_sub, viewer_org, viewer_roles, operation_name, children, owners, fields, refused)
        VALUES (NEW.request_id, NEW.viewer_sub, NEW.viewer_org, NEW.viewer_roles, NEW.operation_name, ARRAY[NEW.child_id],
          ARRAY[NEW.owner_authority], ARRAY[array_to_string(COALESCE(NEW.fields, '{}'), ',')],
          ARRAY[array_to_string(COALESCE(NEW.refused_fields, '{}'), ',')]);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER access_log_insert INSTEAD OF INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_insert()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE access_log_table AS SELECT * FROM access_log ORDER BY id`);
    await q.query(`DROP VIEW access_log`);
    await q.query(`DROP FUNCTION access_log_insert()`);
    await q.query(`DROP TABLE access_read`);
    await q.query(`ALTER TABLE access_log_table RENAME TO access_log`);
    await q.query(`CREATE INDEX access_log_viewer_org_idx ON access_log (viewer_org, id DESC)`);
    await q.query(`CREATE INDEX access_log_owner_idx ON access_log (owner_authority, id DESC)`);
    await q.query(`CREATE INDEX access_log_child_idx ON access_log (child_id, id DESC)`);
    await q.query(`CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
  }
}
