import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Low / Medium / High: how far a household could meet a need (as family-finding platforms record it). */
export type NeedLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/** A household of one or two adopters, owned by the RAA that assesses it. */
@Entity({ name: 'adopter_household' })
@Unique(['agency', 'reference'])
export class AdopterHouseholdEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'household_type', type: 'text', nullable: true }) householdType!: string | null;
  @Column({ type: 'text', nullable: true }) ethnicity!: string | null;
  @Column({ type: 'text', nullable: true }) religion!: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) languages!: string[];
  @Column({ name: 'children_in_home', type: 'integer', default: 0 }) childrenInHome!: number;
  @Column({ name: 'social_worker', type: 'text', nullable: true }) socialWorker!: string | null;
  @Column({ name: 'lives_in', type: 'text', nullable: true }) livesIn!: string | null;
  @Column({ name: 'enquiry_on', type: 'date', nullable: true }) enquiryOn!: string | null;
  @Column({ name: 'stage1_started_on', type: 'date', nullable: true }) stage1StartedOn!: string | null;
  @Column({ name: 'stage1_ended_on', type: 'date', nullable: true }) stage1EndedOn!: string | null;
  @Column({ name: 'stage2_started_on', type: 'date', nullable: true }) stage2StartedOn!: string | null;
  @Column({ name: 'stage2_ended_on', type: 'date', nullable: true }) stage2EndedOn!: string | null;
  @Column({ name: 'application_on', type: 'date', nullable: true }) applicationOn!: string | null;
  @Column({ name: 'approved_on', type: 'date', nullable: true }) approvedOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'placed_on', type: 'date', nullable: true }) placedOn!: string | null;
  @Column({ name: 'adoption_order_on', type: 'date', nullable: true }) adoptionOrderOn!: string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn!: string | null;
  @Column({ name: 'left_reason', type: 'text', nullable: true }) leftReason!: string | null;
  @Column({ name: 'left_reason_code', type: 'text', nullable: true }) leftReasonCode!: string | null;
  @Column({ name: 'approved_min_age_months', type: 'integer', nullable: true }) approvedMinAgeMonths!: number | null;
  @Column({ name: 'approved_max_age_months', type: 'integer', nullable: true }) approvedMaxAgeMonths!: number | null;
  @Column({ name: 'age_tolerance_months', type: 'integer', default: 0 }) ageToleranceMonths!: number;
  @Column({ name: 'approved_max_children', type: 'integer', nullable: true }) approvedMaxChildren!: number | null;
  @Column({ name: 'approved_siblings', type: 'boolean', default: false }) approvedSiblings!: boolean;
  @Column({ name: 'early_permanence', type: 'boolean', default: false }) earlyPermanence!: boolean;
  @Column({ name: 'needs_capacity', type: 'jsonb', default: {} }) needsCapacity!: Record<string, NeedLevel>;
  @Column({ name: 'sexual_orientation', type: 'text', nullable: true }) sexualOrientation!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) postcode!: string | null;
  @Column({ name: 'health_notes', type: 'text', nullable: true }) healthNotes!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
