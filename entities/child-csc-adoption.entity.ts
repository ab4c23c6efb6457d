import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The adoption block of one social care episode, as the DfE children's social care API payload sent it. */
@Entity({ name: 'child_csc_adoption' })
export class ChildCscAdoptionEntity {
  @PrimaryColumn({ name: 'child_id', type: 'uuid' }) childId!: string;
  @PrimaryColumn({ name: 'csc_episode_id', type: 'text' }) cscEpisodeId!: string;
  @Column({ name: 'decision_on', type: 'date', nullable: true }) decisionOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'placed_on', type: 'date', nullable: true }) placedOn!: string | null;
}
