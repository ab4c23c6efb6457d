import { DataSource } from 'typeorm';
import { AuthorityDirectory } from '../auth/authority-directory';
import { VerificationKey } from '../auth/signing-keys';
import { Environment } from '../config/environment';
import { Database } from '../db/sql';
import { HubMetrics } from './metrics';

/** What the running hub is made of; routes and the GraphQL context are built from it. */
export interface HubDeps {
  env: Environment;
  dataSource: DataSource;
  db: Database;
  authorities: AuthorityDirectory;
  key: VerificationKey;
  metrics: HubMetrics;
}
