import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accessLog period filter's index becomes a btree on `at` (it was BRIN, migration 1763810400000): a BRIN index
 * leaves the newest, not yet summarised block ranges to every scan, and PostgreSQL then preferred walking the whole
 * table back from the newest read to an old period (EXPLAIN ANALYZE over 200,000 read statements: 120-160 ms for one
 * old day, 23-37 ms with the btree; docs/read-compiler.md). Still one index entry per read statement, not per child.
 */
export class AccessReadAtBtree1763810500000 implements MigrationInterface {
  name = 'AccessReadAtBtree1763810500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX access_read_at_idx`);
    await q.query(`CREATE INDEX access_read_at_idx ON access_read (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX access_read_at_idx`);
    await q.query(`CREATE INDEX access_read_at_idx ON access_read USING brin (at)`);
  }
}
