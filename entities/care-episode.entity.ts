import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One 903 episode of care (a new row whenever legal status, placement or carer changes). */
@Entity({ name: 'care_episode' })
@Unique(['childId', 'decom'])
@Unique(['authority', 'sourceId'])
export class CareEpisodeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'child_id', type: 'uuid' }) childId!: string;
  @Column({ type: 'text' }) authority!: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId!: string;
  @Column({ type: 'date' }) decom!: string;
  @Column({ type: 'text' }) rne!: string;
  @Column({ name: 'legal_status', type: 'text', nullable: true }) legalStatus!: string | null;
  @Column({ type: 'text', nullable: true }) cin!: string | null;
  @Column({ type: 'text', nullable: true }) place!: string | null;
  @Column({ name: 'place_provider', type: 'text', nullable: true }) placeProvider!: string | null;
  @Column({ type: 'date', nullable: true }) dec!: string | null;
  @Column({ type: 'text', nullable: true }) rec!: string | null;
  @Column({ name: 'reason_place_change', type: 'text', nullable: true }) reasonPlaceChange!: string | null;
  @Column({ name: 'home_postcode', type: 'text', nullable: true }) homePostcode!: string | null;
  @Column({ name: 'placement_postcode', type: 'text', nullable: true }) placementPostcode!: string | null;
  @Column({ type: 'text', nullable: true }) urn!: string | null;
  @Column({ name: 'source_year', type: 'integer', nullable: true }) sourceYear!: number | null;
  /** The DfE social care episode a placement came from; null for an episode from a 903 return. */
  @Column({ name: 'csc_episode_id', type: 'text', nullable: true }) cscEpisodeId!: string | null;
}
