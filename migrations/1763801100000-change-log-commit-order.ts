import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the change feed safe to read while writers are in flight. A plain bigserial hands out numbers at insert
 * time, so a transaction holding seq 9 can commit after one holding seq 10: a reader that has seen 10 would skip
 * 9 for ever. This trigger takes a per-authority advisory lock (held to commit) before numbering each entry, so
 * within one authority's feed entries are numbered in commit order and what is visible is always a prefix.
 * Every writer (sync mutations, 903 import, DfE endpoint) gets this without having to remember it.
 */
export class ChangeLogCommitOrder1763801100000 implements MigrationInterface {
  name = 'ChangeLogCommitOrder1763801100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION change_log_number_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Re-entrant within a transaction; released at commit or rollback.
        PERFORM pg_advisory_xact_lock(hashtext('change_log'), hashtext(NEW.authority));
        NEW.seq := nextval('change_log_seq_seq');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER change_log_commit_order BEFORE INSERT ON change_log
      FOR EACH ROW EXECUTE FUNCTION change_log_number_in_commit_order()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS change_log_commit_order ON change_log`);
    await q.query(`DROP FUNCTION IF EXISTS change_log_number_in_commit_order()`);
  }
}
