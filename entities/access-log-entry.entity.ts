import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One child record served (or refused) to one viewer in one request. Append-only in the database. */
@Entity({ name: 'access_log' })
export class AccessLogEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'request_id', type: 'text' }) requestId!: string;
  @Column({ name: 'viewer_sub', type: 'text' }) viewerSub!: string;
  @Column({ name: 'viewer_org', type: 'text' }) viewerOrg!: string;
  @Column({ name: 'viewer_roles', type: 'text', array: true }) viewerRoles!: string[];
  @Column({ name: 'child_id', type: 'uuid', nullable: true }) childId!: string | null;
  @Column({ name: 'owner_authority', type: 'text', nullable: true }) ownerAuthority!: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) fields!: string[];
  @Column({ name: 'refused_fields', type: 'text', array: true, default: '{}' }) refusedFields!: string[];
  @Column({ name: 'operation_name', type: 'text', nullable: true }) operationName!: string | null;
  @Column({ name: 'cross_organisation', type: 'boolean' }) crossOrganisation!: boolean;
}
