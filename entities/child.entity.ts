import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A child's record: the LA's, synced from its case system. `stage` is null off the adoption pathway. */
@Entity({ name: 'child' })
@Unique(['authority', 'sourceId'])
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) authority!: string;
  /** Always LOCAL_AUTHORITY: with `authority` a foreign key to the authority's (code, kind), so an RAA owns no child. */
  @Column({ name: 'owner_kind', type: 'text', default: 'LOCAL_AUTHORITY' }) ownerKind!: 'LOCAL_AUTHORITY';
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ name: 'first_name', type: 'text', nullable: true }) firstName!: string | null;
  @Column({ name: 'last_name', type: 'text', nullable: true }) lastName!: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ name: 'expected_date_of_birth', type: 'date', nullable: true }) expectedDateOfBirth!: string | null;
  @Column({ type: 'text', nullable: true }) sex!: string | null;
  @Column({ type: 'text', nullable: true }) ethnicity!: string | null;
  @Column({ type: 'text', nullable: true }) upn!: string | null;
  @Column({ name: 'nhs_number', type: 'text', nullable: true }) nhsNumber!: string | null;
  @Column({ name: 'placement_postcode', type: 'text', nullable: true }) placementPostcode!: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) needs!: string[];
  @Column({ name: 'health_summary', type: 'text', nullable: true }) healthSummary!: string | null;
  @Column({ name: 'birth_family_background', type: 'text', nullable: true }) birthFamilyBackground!: string | null;
  @Column({ name: 'contact_plan', type: 'text', nullable: true }) contactPlan!: string | null;
  @Column({ name: 'social_worker', type: 'text', nullable: true }) socialWorker!: string | null;
  @Column({ name: 'sibling_group_id', type: 'uuid', nullable: true }) siblingGroupId!: string | null;
  @Column({ type: 'text', nullable: true }) stage!: string | null;
  @Column({ name: 'stage_explicit', type: 'boolean', default: false }) stageExplicit!: boolean;
  @Column({ name: 'entered_care_on', type: 'date', nullable: true }) enteredCareOn!: string | null;
  @Column({ name: 'decision_on', type: 'date', nullable: true }) decisionOn!: string | null;
  @Column({ name: 'placement_order_on', type: 'date', nullable: true }) placementOrderOn!: string | null;
  @Column({ name: 'fostering_for_adoption_on', type: 'date', nullable: true }) fosteringForAdoptionOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'placed_on', type: 'date', nullable: true }) placedOn!: string | null;
  @Column({ name: 'moved_in_on', type: 'date', nullable: true }) movedInOn!: string | null;
  @Column({ name: 'adoption_order_on', type: 'date', nullable: true }) adoptionOrderOn!: string | null;
  @Column({ name: 'plan_changed_on', type: 'date', nullable: true }) planChangedOn!: string | null;
  @Column({ name: 'plan_changed_reason', type: 'text', nullable: true }) planChangedReason!: string | null;
  @Column({ name: 'source_year', type: 'integer', nullable: true }) sourceYear!: number | null;
  /** Milestone dates as the LA sent them through syncChildren (column name to date), the fallback when re-deriving. */
  @Column({ name: 'sent_milestones', type: 'jsonb', default: {} }) sentMilestones!: Record<string, string>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
