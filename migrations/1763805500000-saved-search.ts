import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Family finders' saved children searches: one person's (token `sub` at `org`) named ChildFilter. Holds no child
 * data, only the filter, which is re-checked against the access policy each time it is run.
 */
export class SavedSearch1763805500000 implements MigrationInterface {
  name = 'SavedSearch1763805500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_search (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        viewer_sub  text NOT NULL,
        viewer_org  text NOT NULL REFERENCES authority(code),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        filter      jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (viewer_org, viewer_sub, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS saved_search`);
  }
}
