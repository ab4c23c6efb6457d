import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links, matches and their ends, as the RAA's integration client syncs them (syncLinks), and the coded reasons the
 * ASGLB return needs. A link stays in `adoption_match` (one table for a link through its whole journey, so the row
 * scopes, match suggestions and matchesPerMonth that already read it see synced links without change):
 * - the journey gains its steps: EXPRESSION_OF_INTEREST, LINKED, MATCHING_PANEL, MATCHED, PLACED, ADOPTION_ORDER
 *   (the old ADOPTED, renamed to the ASGLB's word), ENDED; with a date for each step;
 * - which side initiated it, the placing agency and whether the placement is inter-agency;
 * - for an ended link, the step it ended at and a coded reason;
 * - `updated_at`, as every synced table has.
 * A household's leaving reason becomes coded (`left_reason_code`; `left_reason` stays as the free-text detail).
 */
export class AdoptionLinks1763807000000 implements MigrationInterface {
  name = 'AdoptionLinks1763807000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE adoption_match DROP CONSTRAINT IF EXISTS adoption_match_status_check`);
    await q.query(`UPDATE adoption_match SET status = 'ADOPTION_ORDER' WHERE status = 'ADOPTED'`);
    await q.query(`
      ALTER TABLE adoption_match
        ADD CONSTRAINT adoption_match_status_check CHECK (status IN ('EXPRESSION_OF_INTEREST', 'LINKED', 'MATCHING_PANEL',
          'MATCHED', 'PLACED', 'ADOPTION_ORDER', 'ENDED')),
        ADD COLUMN interest_on        date,
        ADD COLUMN matching_panel_on  date,
        ADD COLUMN adoption_order_on  date,
        ADD COLUMN initiated_by       text CHECK (initiated_by IN ('CHILD_SIDE', 'HOUSEHOLD_SIDE')),
        ADD COLUMN placing_agency     text,
        ADD COLUMN inter_agency       boolean,
        ADD COLUMN ended_at_step      text CHECK (ended_at_step IN ('EXPRESSION_OF_INTEREST', 'LINKED', 'MATCHING_PANEL',
          'MATCHED', 'PLACED', 'ADOPTION_ORDER')),
        ADD COLUMN end_reason         text CHECK (end_reason IN ('DECLINED_BY_HOUSEHOLD', 'DECLINED_BY_CHILD_SOCIAL_WORKER',
          'DISRUPTION_BEFORE_ORDER', 'DISRUPTION_AFTER_ORDER', 'OTHER')),
        ADD COLUMN created_at         timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now()`);
    // The ASGLB return and the funnel read links by agency and date.
    await q.query(`CREATE INDEX adoption_match_authority_matched_idx ON adoption_match (authority, matched_on)`);

    await q.query(`
      ALTER TABLE adopter_household ADD COLUMN left_reason_code text
        CHECK (left_reason_code IN ('WITHDREW', 'ON_HOLD', 'APPLICATION_REFUSED', 'APPROVAL_RESCINDED', 'OTHER'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE adopter_household DROP COLUMN IF EXISTS left_reason_code`);
    await q.query(`DROP INDEX IF EXISTS adoption_match_authority_matched_idx`);
    await q.query(`ALTER TABLE adoption_match DROP CONSTRAINT IF EXISTS adoption_match_status_check`);
    await q.query(`UPDATE adoption_match SET status = 'ADOPTED' WHERE status = 'ADOPTION_ORDER'`);
    await q.query(`DELETE FROM adoption_match WHERE status IN ('EXPRESSION_OF_INTEREST', 'MATCHING_PANEL')`);
    await q.query(`
      ALTER TABLE adoption_match
        ADD CONSTRAINT adoption_match_status_check CHECK (status IN ('LINKED', 'MATCHED', 'PLACED', 'ADOPTED', 'ENDED')),
        DROP COLUMN interest_on, DROP COLUMN matching_panel_on, DROP COLUMN adoption_order_on, DROP COLUMN initiated_by,
        DROP COLUMN placing_agency, DROP COLUMN inter_agency, DROP COLUMN ended_at_step, DROP COLUMN end_reason,
        DROP COLUMN created_at, DROP COLUMN updated_at`);
  }
}
