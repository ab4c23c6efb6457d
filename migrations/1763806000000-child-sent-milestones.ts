import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The milestone dates an LA sent through syncChildren, by column, kept apart from the date columns that the 903 and
 * DfE paths re-derive from episodes: a date those facts cannot establish (e.g. a placement order for a child synced
 * only through the DfE API, which has no legal status) falls back to what was sent instead of being cleared.
 */
export class ChildSentMilestones1763806000000 implements MigrationInterface {
  name = 'ChildSentMilestones1763806000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE child ADD COLUMN sent_milestones jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE child DROP COLUMN sent_milestones`);
  }
}
