import { Column, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Brothers and sisters the LA plans to place together (or apart), owned by the LA. */
@Entity({ name: 'sibling_group' })
@Unique(['authority', 'sourceId'])
export class SiblingGroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) authority!: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ name: 'place_together', type: 'boolean', default: true }) placeTogether!: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
