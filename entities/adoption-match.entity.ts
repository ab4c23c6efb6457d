import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** The steps of a link's journey, in order, then ENDED (src/domain/links.ts holds the lists). */
export type MatchStatus = 'EXPRESSION_OF_INTEREST' | 'LINKED' | 'MATCHING_PANEL' | 'MATCHED' | 'PLACED' | 'ADOPTION_ORDER' | 'ENDED';

/** A link (through expression of interest, matching panel, match, placement and order, or its end) between a child
 * (or sibling group) and a household; the RAA's record, synced by syncLinks. */
@Entity({ name: 'adoption_match' })
@Unique(['authority', 'sourceId'])
export class AdoptionMatchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) authority!: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId!: string;
  @Column({ name: 'child_id', type: 'uuid', nullable: true }) childId!: string | null;
  @Column({ name: 'sibling_group_id', type: 'uuid', nullable: true }) siblingGroupId!: string | null;
  @Column({ type: 'text' }) status!: MatchStatus;
  @Column({ name: 'interest_on', type: 'date', nullable: true }) interestOn!: string | null;
  @Column({ name: 'linked_on', type: 'date', nullable: true }) linkedOn!: string | null;
  @Column({ name: 'matching_panel_on', type: 'date', nullable: true }) matchingPanelOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'placed_on', type: 'date', nullable: true }) placedOn!: string | null;
  @Column({ name: 'adoption_order_on', type: 'date', nullable: true }) adoptionOrderOn!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ name: 'initiated_by', type: 'text', nullable: true }) initiatedBy!: string | null;
  @Column({ name: 'placing_agency', type: 'text', nullable: true }) placingAgency!: string | null;
  @Column({ name: 'inter_agency', type: 'boolean', nullable: true }) interAgency!: boolean | null;
  @Column({ name: 'ended_at_step', type: 'text', nullable: true }) endedAtStep!: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
