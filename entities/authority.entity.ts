import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type AuthorityKind = 'LOCAL_AUTHORITY' | 'REGIONAL_ADOPTION_AGENCY';

/** A local authority, or a regional adoption agency whose members are LAs (`raaCode`). */
@Entity({ name: 'authority' })
export class AuthorityEntity {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: AuthorityKind;
  @Column({ name: 'la_number', type: 'integer', nullable: true }) laNumber!: number | null;
  @Column({ name: 'raa_code', type: 'text', nullable: true }) raaCode!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
