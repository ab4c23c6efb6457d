import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the DfE children's social care API path keeps beyond the 903's columns: a child's expected date of birth,
 * which social care episode a placement came from (null for 903 episodes, so the two sources can be told apart),
 * and the adoption block of each social care episode (its dates feed the milestone derivation).
 */
export class DfeCscSync1763801000000 implements MigrationInterface {
  name = 'DfeCscSync1763801000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE child ADD COLUMN expected_date_of_birth date`);
    await q.query(`ALTER TABLE care_episode ADD COLUMN csc_episode_id text`);
    await q.query(`
      CREATE TABLE child_csc_adoption (
        child_id        uuid NOT NULL REFERENCES child(id) ON DELETE CASCADE,
        csc_episode_id  text NOT NULL,
        decision_on     date,
        matched_on      date,
        placed_on       date,
        PRIMARY KEY (child_id, csc_episode_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS child_csc_adoption`);
    await q.query(`ALTER TABLE care_episode DROP COLUMN IF EXISTS csc_episode_id`);
    await q.query(`ALTER TABLE child DROP COLUMN IF EXISTS expected_date_of_birth`);
  }
}
