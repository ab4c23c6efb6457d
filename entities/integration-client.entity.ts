import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An OAuth2 client-credentials client of one authority; only a hash of its secret is kept. */
@Entity({ name: 'integration_client' })
export class IntegrationClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text' }) clientId!: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash!: string;
  @Column({ type: 'text' }) org!: string;
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
