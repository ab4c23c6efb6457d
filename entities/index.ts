import { AccessReadEntity } from './access-read.entity';
import { AdopterHouseholdEntity } from './adopter-household.entity';
import { AdopterEntity } from './adopter.entity';
import { AdoptionMatchEntity } from './adoption-match.entity';
import { AuthorityEntity } from './authority.entity';
import { CareEpisodeEntity } from './care-episode.entity';
import { ChangeLogEntryEntity } from './change-log-entry.entity';
import { ChildEntity } from './child.entity';
import { ChildAdoptionDecisionEntity } from './child-adoption-decision.entity';
import { ChildAdoptionEntity } from './child-adoption.entity';
import { ChildCscAdoptionEntity } from './child-csc-adoption.entity';
import { HubSettingEntity } from './hub-setting.entity';
import { IntegrationClientEntity } from './integration-client.entity';
import { SiblingGroupEntity } from './sibling-group.entity';
import { SupportCaseEntity } from './support-case.entity';
import { SavedSearchEntity } from './saved-search.entity';

/** Every TypeORM entity; the tables themselves are made by `migrations/`. */
export const entities = [
  AuthorityEntity, SiblingGroupEntity, ChildEntity, CareEpisodeEntity, AdopterHouseholdEntity, AdopterEntity,
  AdoptionMatchEntity, SupportCaseEntity, AccessReadEntity, ChangeLogEntryEntity, IntegrationClientEntity,
  HubSettingEntity,
  ChildAdoptionEntity, ChildAdoptionDecisionEntity,
  ChildCscAdoptionEntity,
  SavedSearchEntity,
];
