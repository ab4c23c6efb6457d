import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token buckets shared by every hub process (src/server/dfe-csc/rate-limiter.ts): one row per limiter and
 * client, updated in one atomic statement per request, so N replicas enforce one limit, not N.
 */
export class RateLimitBucket1763808600000 implements MigrationInterface {
  name = 'RateLimitBucket1763808600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_bucket (
        limiter  text NOT NULL,
        key      text NOT NULL,
        tokens   double precision NOT NULL,
        allowed  boolean NOT NULL,
        at       timestamptz NOT NULL,
        PRIMARY KEY (limiter, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit_bucket`);
  }
}
