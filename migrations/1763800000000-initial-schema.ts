import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's data model: authorities, the LA-owned child records with their 903 episodes, the RAA-owned
 * adopter households, matches and support cases, and the two logs (access and change).
 * Every owned record carries `authority` (its owner) and `source_id`, unique within that owner.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE authority (
        code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,12}$'),
        name        text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('LOCAL_AUTHORITY', 'REGIONAL_ADOPTION_AGENCY')),
        la_number   integer UNIQUE,
        raa_code    text REFERENCES authority(code),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'LOCAL_AUTHORITY' OR raa_code IS NULL)
      )`);
    await q.query(`CREATE INDEX authority_raa_idx ON authority (raa_code)`);

    await q.query(`
      CREATE TABLE sibling_group (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority      text NOT NULL REFERENCES authority(code),
        source_id      text NOT NULL,
        place_together boolean NOT NULL DEFAULT true,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (authority, source_id)
      )`);

    await q.query(`
      CREATE TABLE child (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority                text NOT NULL REFERENCES authority(code),
        source_id                text NOT NULL,
        first_name               text,
        last_name                text,
        date_of_birth            date,
        sex                      text CHECK (sex IN ('MALE', 'FEMALE', 'UNKNOWN')),
        ethnicity                text,
        upn                      text,
        nhs_number               text,
        placement_postcode       text,
        needs                    text[] NOT NULL DEFAULT '{}',
        health_summary           text,
        birth_family_background  text,
        contact_plan             text,
        social_worker            text,
        sibling_group_id         uuid REFERENCES sibling_group(id) ON DELETE SET NULL,
        stage                    text CHECK (stage IN ('UNBORN','EARLY_MONITORING','PARALLEL_PLANNING','ADM_DECISION',
                                   'FAMILY_FINDING','PROGRESS_TO_MATCH','MATCHED_PLACED','ADOPTED','PLAN_CHANGED')),
        stage_explicit           boolean NOT NULL DEFAULT false,
        entered_care_on          date,
        decision_on              date,
        placement_order_on       date,
        fostering_for_adoption_on date,
        matched_on               date,
        placed_on                date,
        moved_in_on              date,
        adoption_order_on        date,
        plan_changed_on          date,
        plan_changed_reason      text,
        source_year              integer,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        UNIQUE (authority, source_id)
      )`);
    // Family finders list by owner and stage, longest waiting first.
    await q.query(`CREATE INDEX child_authority_stage_idx ON child (authority, stage, entered_care_on)`);
    await q.query(`CREATE INDEX child_sibling_group_idx ON child (sibling_group_id)`);
    await q.query(`CREATE INDEX child_adoption_order_idx ON child (authority, adoption_order_on) WHERE adoption_order_on IS NOT NULL`);
    await q.query(`CREATE INDEX child_needs_idx ON child USING gin (needs)`);

    await q.query(`
      CREATE TABLE care_episode (
        id                   bigserial PRIMARY KEY,
        child_id             uuid NOT NULL REFERENCES child(id) ON DELETE CASCADE,
        authority            text NOT NULL REFERENCES authority(code),
        source_id            text NOT NULL,
        decom                date NOT NULL,
        rne                  text NOT NULL,
        legal_status         text,
        cin                  text,
        place                text,
        place_provider       text,
        dec                  date,
        rec                  text,
        reason_place_change  text,
        home_postcode        text,
        placement_postcode   text,
        urn                  text,
        source_year          integer,
        UNIQUE (child_id, decom),
        UNIQUE (authority, source_id)
      )`);

    await q.query(`
      CREATE TABLE adopter_household (
        id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency                   text NOT NULL REFERENCES authority(code),
        reference                text NOT NULL,
        stage                    text NOT NULL CHECK (stage IN ('ENQUIRY','STAGE_ONE','STAGE_TWO','APPROVED','MATCHED',
                                   'PLACED','ADOPTION_ORDER','WITHDRAWN')),
        household_type           text,
        ethnicity                text,
        religion                 text,
        languages                text[] NOT NULL DEFAULT '{}',
        children_in_home         integer NOT NULL DEFAULT 0,
        social_worker            text,
        lives_in                 text REFERENCES authority(code),
        enquiry_on               date,
        stage1_started_on        date,
        stage1_ended_on          date,
        stage2_started_on        date,
        stage2_ended_on          date,
        application_on           date,
        approved_on              date,
        matched_on               date,
        placed_on                date,
        adoption_order_on        date,
        left_on                  date,
        left_reason              text,
        approved_min_age_months  integer,
        approved_max_age_months  integer,
        age_tolerance_months     integer NOT NULL DEFAULT 0,
        approved_max_children    integer,
        approved_siblings        boolean NOT NULL DEFAULT false,
        early_permanence         boolean NOT NULL DEFAULT false,
        needs_capacity           jsonb NOT NULL DEFAULT '{}',
        sexual_orientation       text,
        address                  text,
        postcode                 text,
        health_notes             text,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency, reference)
      )`);
    await q.query(`CREATE INDEX adopter_household_agency_stage_idx ON adopter_household (agency, stage, approved_on)`);

    await q.query(`
      CREATE TABLE adopter (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id   uuid NOT NULL REFERENCES adopter_household(id) ON DELETE CASCADE,
        position       integer NOT NULL,
        first_name     text,
        last_name      text,
        date_of_birth  date,
        sex            text,
        ethnicity      text,
        disability     text,
        UNIQUE (household_id, position)
      )`);

    // A link (being progressed) or a match between a child or sibling group and a household; owned by the RAA.
    await q.query(`
      CREATE TABLE adoption_match (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority         text NOT NULL REFERENCES authority(code),
        source_id         text NOT NULL,
        household_id      uuid NOT NULL REFERENCES adopter_household(id) ON DELETE CASCADE,
        child_id          uuid REFERENCES child(id) ON DELETE CASCADE,
        sibling_group_id  uuid REFERENCES sibling_group(id) ON DELETE CASCADE,
        status            text NOT NULL CHECK (status IN ('LINKED', 'MATCHED', 'PLACED', 'ADOPTED', 'ENDED')),
        linked_on         date,
        matched_on        date,
        placed_on         date,
        ended_on          date,
        UNIQUE (authority, source_id),
        CHECK (child_id IS NOT NULL OR sibling_group_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX adoption_match_household_idx ON adoption_match (household_id)`);
    await q.query(`CREATE INDEX adoption_match_child_idx ON adoption_match (child_id)`);
    await q.query(`CREATE INDEX adoption_match_sibling_group_idx ON adoption_match (sibling_group_id)`);

    await q.query(`
      CREATE TABLE support_case (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency        text NOT NULL REFERENCES authority(code),
        source_id     text NOT NULL,
        lives_in      text NOT NULL REFERENCES authority(code),
        type          text NOT NULL CHECK (type IN ('ASSESSMENT','UNASSESSED_SUPPORT','DIRECT_CONTACT','LETTERBOX_CONTACT')),
        household_id  uuid REFERENCES adopter_household(id) ON DELETE SET NULL,
        opened_on     date,
        closed_on     date,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency, source_id)
      )`);
    await q.query(`CREATE INDEX support_case_agency_idx ON support_case (agency, lives_in, type)`);

    // Append-only: who read which child, when, under which roles. Holds identifiers only, so erasure keeps it.
    await q.query(`
      CREATE TABLE access_log (
        id                  bigserial PRIMARY KEY,
        at                  timestamptz NOT NULL DEFAULT clock_timestamp(),
        request_id          text NOT NULL,
        viewer_sub          text NOT NULL,
        viewer_org          text NOT NULL,
        viewer_roles        text[] NOT NULL,
        child_id            uuid,
        owner_authority     text,
        fields              text[] NOT NULL DEFAULT '{}',
        refused_fields      text[] NOT NULL DEFAULT '{}',
        operation_name      text,
        cross_organisation  boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX access_log_viewer_org_idx ON access_log (viewer_org, id DESC)`);
    await q.query(`CREATE INDEX access_log_owner_idx ON access_log (owner_authority, id DESC)`);
    await q.query(`CREATE INDEX access_log_child_idx ON access_log (child_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);

    // The change feed: a sequence gives cursors that only grow, in commit order within each writer's transaction.
    await q.query(`
      CREATE TABLE change_log (
        seq        bigserial PRIMARY KEY,
        authority  text NOT NULL,
        entity     text NOT NULL,
        entity_id  uuid NOT NULL,
        source_id  text NOT NULL,
        operation  text NOT NULL CHECK (operation IN ('UPSERT', 'DELETE')),
        at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX change_log_authority_seq_idx ON change_log (authority, seq)`);

    await q.query(`
      CREATE TABLE integration_client (
        client_id    text PRIMARY KEY,
        secret_hash  text NOT NULL,
        org          text NOT NULL REFERENCES authority(code),
        name         text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE hub_setting (
        key    text PRIMARY KEY,
        value  text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['hub_setting', 'integration_client', 'change_log', 'access_log', 'support_case', 'adoption_match',
      'adopter', 'adopter_household', 'care_episode', 'child', 'sibling_group', 'authority']) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS access_log_append_only()`);
  }
}
