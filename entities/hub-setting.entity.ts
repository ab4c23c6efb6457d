import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A small key/value setting of the hub itself (e.g. when the demo partnership was loaded). */
@Entity({ name: 'hub_setting' })
export class HubSettingEntity {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) value!: string;
}
