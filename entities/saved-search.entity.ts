import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person's named children search (a ChildFilter as JSON); see migrations/1763805500000-saved-search.ts. */
@Entity({ name: 'saved_search' })
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'viewer_sub', type: 'text' }) viewerSub!: string;
  @Column({ name: 'viewer_org', type: 'text' }) viewerOrg!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) filter!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
