import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 903 adoption rows a child's milestones are derived from, kept per child so that returns imported in separate
 * runs, in any order, merge: AD1 (one per child, the latest collection year wins) and PlacedAdoption decisions
 * (one per decision date). `source_year` is the collection year (ending 31 March) of the return that wrote the row.
 */
export class Ssda903AdoptionRows1763800903000 implements MigrationInterface {
  name = 'Ssda903AdoptionRows1763800903000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE child_adoption (
        child_id                 uuid PRIMARY KEY REFERENCES child(id) ON DELETE CASCADE,
        decision_on              date,
        matched_on               date,
        adopted_by_foster_carer  boolean,
        number_of_adopters       integer CHECK (number_of_adopters IN (1, 2)),
        adopter_sex              text,
        adopter_legal_status     text,
        source_year              integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE child_adoption_decision (
        child_id        uuid NOT NULL REFERENCES child(id) ON DELETE CASCADE,
        decided_on      date NOT NULL,
        reversed_on     date,
        reversal_reason text,
        source_year     integer NOT NULL,
        PRIMARY KEY (child_id, decided_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS child_adoption_decision`);
    await q.query(`DROP TABLE IF EXISTS child_adoption`);
  }
}
