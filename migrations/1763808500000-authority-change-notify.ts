import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every hub process when the authority table changes: a statement trigger NOTIFYs `authority_changed`, which
 * PostgreSQL delivers at commit to each session LISTENing (one per hub process), so all of them drop their cached
 * authority directory together, whichever process or command made the change (docs/replicas.md).
 */
export class AuthorityChangeNotify1763808500000 implements MigrationInterface {
  name = 'AuthorityChangeNotify1763808500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION authority_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('authority_changed', TG_OP);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER authority_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authority
      FOR EACH STATEMENT EXECUTE FUNCTION authority_notify_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS authority_changed ON authority`);
    await q.query(`DROP FUNCTION IF EXISTS authority_notify_changed()`);
  }
}
