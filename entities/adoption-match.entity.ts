import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type MatchStatus = 'LINKED' | 'MATCHED' | 'PLACED' | 'ADOPTED' | 'ENDED';

/** A link or match between a child (or sibling group) and a household; the RAA's record. */
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
  @Column({ name: 'linked_on', type: 'date', nullable: true }) linkedOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'placed_on', type: 'date', nullable: true }) placedOn!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
}
