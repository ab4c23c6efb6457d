import { AccessLogResolver } from './access-log.resolver';
import { AdopterFunnelResolver } from './adopter-funnel.resolver';
import { AdopterHouseholdResolver } from './adopter-household.resolver';
import { AuthorityResolver } from './authority.resolver';
import { ChangeFeedResolver } from './change-feed.resolver';
import { ChildResolver } from './child.resolver';
import { ChildLinksResolver, HouseholdLinksResolver, LinkResolver } from './link.resolver';
import { DashboardAggregatesResolver } from './dashboard-aggregates.resolver';
import { MatchSuggestionResolver } from './match-suggestion.resolver';
import { MeResolver } from './me.resolver';
import { SavedSearchResolver } from './saved-search.resolver';
import { ScorecardResolver } from './scorecard.resolver';
import { SiblingGroupResolver } from './sibling-group.resolver';
import { StageCountTrendResolver } from './stage-count-trend.resolver';
import { SyncResolver } from './sync.resolver';

/** Every resolver class of the schema. Each operation must also be listed in src/policy/operation-policy.ts. */
export const resolvers = [
  MeResolver, AuthorityResolver, ChildResolver, SiblingGroupResolver, AdopterHouseholdResolver, AccessLogResolver,
  MatchSuggestionResolver, SavedSearchResolver,
  DashboardAggregatesResolver, ScorecardResolver, AdopterFunnelResolver, StageCountTrendResolver,
  SyncResolver, ChangeFeedResolver,
  LinkResolver, ChildLinksResolver, HouseholdLinksResolver,
] as const;
