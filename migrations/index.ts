import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { Ssda903AdoptionRows1763800903000 } from './1763800903000-ssda903-adoption-rows';
import { DfeCscSync1763801000000 } from './1763801000000-dfe-csc-sync';
import { ChangeLogCommitOrder1763801100000 } from './1763801100000-change-log-commit-order';
import { SavedSearch1763805500000 } from './1763805500000-saved-search';
import { ChildSentMilestones1763806000000 } from './1763806000000-child-sent-milestones';
import { AdoptionLinks1763807000000 } from './1763807000000-adoption-links';
import { ChildOwnerIsLa1763808400000 } from './1763808400000-child-owner-is-la';
import { AuthorityChangeNotify1763808500000 } from './1763808500000-authority-change-notify';
import { RateLimitBucket1763808600000 } from './1763808600000-rate-limit-bucket';
import { AccessRead1763810000000 } from './1763810000000-access-read';
import { ChangeLogChildStage1763810100000 } from './1763810100000-change-log-child-stage';
import { AccessLogPerRequest1763810400000 } from './1763810400000-access-log-per-request';
import { AccessReadAtBtree1763810500000 } from './1763810500000-access-read-at-btree';

/** Every migration, oldest first. The schema changes only through these (never `synchronize`). */
export const migrations = [
  InitialSchema1763800000000,
  Ssda903AdoptionRows1763800903000,
  DfeCscSync1763801000000,
  ChangeLogCommitOrder1763801100000,
  SavedSearch1763805500000,
  ChildSentMilestones1763806000000,
  AdoptionLinks1763807000000,
  ChildOwnerIsLa1763808400000,
  AuthorityChangeNotify1763808500000,
  RateLimitBucket1763808600000,
  AccessRead1763810000000,
  ChangeLogChildStage1763810100000,
  AccessLogPerRequest1763810400000,
  AccessReadAtBtree1763810500000,
];
