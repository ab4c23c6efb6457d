import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A 903 PlacedAdoption row: the ADM decision that the child should be placed for adoption, and its reversal. */
@Entity({ name: 'child_adoption_decision' })
export class ChildAdoptionDecisionEntity {
  @PrimaryColumn({ name: 'child_id', type: 'uuid' }) childId!: string;
  @PrimaryColumn({ name: 'decided_on', type: 'date' }) decidedOn!: string;
  @Column({ name: 'reversed_on', type: 'date', nullable: true }) reversedOn!: string | null;
  @Column({ name: 'reversal_reason', type: 'text', nullable: true }) reversalReason!: string | null;
  @Column({ name: 'source_year', type: 'integer' }) sourceYear!: number;
}
