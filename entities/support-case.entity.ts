import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** An adoption support case of an adoptive family, counted by the LA where the family lives. */
@Entity({ name: 'support_case' })
@Unique(['agency', 'sourceId'])
export class SupportCaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) agency!: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ name: 'lives_in', type: 'text' }) livesIn!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId!: string | null;
  @Column({ name: 'opened_on', type: 'date', nullable: true }) openedOn!: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
