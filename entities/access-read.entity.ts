import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The children one read statement served to one viewer, with the fields served and refused of each (parallel
 * arrays), written by the read itself. Append-only in the database; the `access_log` view has one row per child.
 */
@Entity({ name: 'access_read' })
export class AccessReadEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'request_id', type: 'text' }) requestId!: string;
  @Column({ name: 'viewer_sub', type: 'text' }) viewerSub!: string;
  @Column({ name: 'viewer_org', type: 'text' }) viewerOrg!: string;
  @Column({ name: 'viewer_roles', type: 'text', array: true }) viewerRoles!: string[];
  @Column({ name: 'operation_name', type: 'text', nullable: true }) operationName!: string | null;
  @Column({ type: 'uuid', array: true }) children!: string[];
  @Column({ type: 'text', array: true }) owners!: string[];
  @Column({ type: 'text', array: true, comment: 'per child: the fields served, comma-separated' }) fields!: string[];
  @Column({ type: 'text', array: true, comment: 'per child: the fields refused, comma-separated' }) refused!: string[];
}
