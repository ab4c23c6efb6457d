import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records, on each UPSERT of a child in the change feed, the child's stage as written (`change_log.child_stage`): a
 * fact, so the policy can later tell who could see the child at that time (src/policy/change-feed-policy.ts). An RAA
 * reading a member LA's feed then gets a DELETE only for a child it could once see, and no DELETE of a child that was
 * never in its family-finding scope. A trigger fills it, so every writer (sync, 903 import, DfE endpoint, demo) does.
 * Earlier entries get the stage of the child as it is now where it still exists (deleted ones stay unknown: their
 * deletions are then shown to no RAA, the safe side). The index serves the policy's lookup of a child's entries.
 */
export class ChangeLogChildStage1763810100000 implements MigrationInterface {
  name = 'ChangeLogChildStage1763810100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE change_log ADD COLUMN child_stage text`);
    await q.query(`
      CREATE FUNCTION change_log_child_stage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.entity = 'Child' AND NEW.operation = 'UPSERT' AND NEW.child_stage IS NULL THEN
          NEW.child_stage := (SELECT stage FROM child WHERE id = NEW.entity_id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER change_log_child_stage BEFORE INSERT ON change_log
      FOR EACH ROW EXECUTE FUNCTION change_log_child_stage()`);
    await q.query(`
      UPDATE change_log cl SET child_stage = c.stage FROM child c
      WHERE cl.entity = 'Child' AND cl.operation = 'UPSERT' AND c.id = cl.entity_id`);
    await q.query(`CREATE INDEX change_log_entity_id_idx ON change_log (entity_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS change_log_entity_id_idx`);
    await q.query(`DROP TRIGGER IF EXISTS change_log_child_stage ON change_log`);
    await q.query(`DROP FUNCTION IF EXISTS change_log_child_stage()`);
    await q.query(`ALTER TABLE change_log DROP COLUMN IF EXISTS child_stage`);
  }
}
