import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A child's 903 AD1 row (the adoption: match date, adopters), the latest collection year's. */
@Entity({ name: 'child_adoption' })
export class ChildAdoptionEntity {
  @PrimaryColumn({ name: 'child_id', type: 'uuid' }) childId!: string;
  @Column({ name: 'decision_on', type: 'date', nullable: true }) decisionOn!: string | null;
  @Column({ name: 'matched_on', type: 'date', nullable: true }) matchedOn!: string | null;
  @Column({ name: 'adopted_by_foster_carer', type: 'boolean', nullable: true }) adoptedByFosterCarer!: boolean | null;
  @Column({ name: 'number_of_adopters', type: 'integer', nullable: true }) numberOfAdopters!: number | null;
  @Column({ name: 'adopter_sex', type: 'text', nullable: true }) adopterSex!: string | null;
  @Column({ name: 'adopter_legal_status', type: 'text', nullable: true }) adopterLegalStatus!: string | null;
  @Column({ name: 'source_year', type: 'integer' }) sourceYear!: number;
}
