import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One adopter of a household (a household has one or two). */
@Entity({ name: 'adopter' })
@Unique(['householdId', 'position'])
export class AdopterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ name: 'first_name', type: 'text', nullable: true }) firstName!: string | null;
  @Column({ name: 'last_name', type: 'text', nullable: true }) lastName!: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'text', nullable: true }) sex!: string | null;
  @Column({ type: 'text', nullable: true }) ethnicity!: string | null;
  @Column({ type: 'text', nullable: true }) disability!: string | null;
}
