import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One upsert or deletion, for the change feed; `seq` comes from a sequence so cursors only grow. */
@Entity({ name: 'change_log' })
export class ChangeLogEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq!: string;
  @Column({ type: 'text' }) authority!: string;
  @Column({ type: 'text' }) entity!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ type: 'text' }) operation!: 'UPSERT' | 'DELETE';
  @Column({ type: 'timestamptz' }) at!: Date;
  /** A child's stage as the UPSERT wrote it (filled by a trigger): who could see the child then. */
  @Column({ name: 'child_stage', type: 'text', nullable: true }) childStage!: string | null;
}
