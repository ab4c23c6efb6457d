// How the hub's values read on the family-finding pages: stage and need names, ages, dates, and the sentences that
// replace a refusal (a person sees what their role may not do, never a GraphQL field or operation name).

export const STAGE_NAMES = {
  UNBORN: 'Unborn baby', EARLY_MONITORING: 'Early monitoring', PARALLEL_PLANNING: 'Parallel planning',
  ADM_DECISION: 'ADM decision to place', FAMILY_FINDING: 'Family finding', PROGRESS_TO_MATCH: 'Progressing to match',
  MATCHED_PLACED: 'Matched or placed', ADOPTED: 'Adopted', PLAN_CHANGED: 'Plan changed',
};
export const STAGES = Object.keys(STAGE_NAMES);

/** The needs vocabulary of src/domain/codes.ts (NEEDS), as a family finder reads it. */
export const NEED_NAMES = {
  GLOBAL_DEVELOPMENTAL_DELAY: 'Global developmental delay', FASD: 'Fetal alcohol spectrum disorder (FASD)',
  PHYSICAL_DISABILITY: 'Physical disability', LEARNING_DISABILITY: 'Learning disability',
  ATTACHMENT_DIFFICULTIES: 'Attachment difficulties', EMOTIONAL_BEHAVIOURAL: 'Emotional or behavioural needs',
  MEDICAL_CONDITION: 'Medical condition', UNCERTAIN_DEVELOPMENT: 'Uncertain development',
  PARENTAL_MENTAL_HEALTH_HISTORY: 'Parental mental health history', PARENTAL_SUBSTANCE_MISUSE: 'Parental substance misuse',
};
export const NEEDS = Object.keys(NEED_NAMES);

export const ROLE_NAMES = {
  family_finder: 'family finder', raa_manager: 'RAA manager', social_worker: 'social worker',
  la_analyst: 'LA performance analyst', integration: 'integration client', auditor: 'auditor',
};

/** DfE ethnicity codes (903 ETHNIC), as src/domain/codes.ts names them. */
export const ETHNICITY_NAMES = {
  WBRI: 'White British', WIRI: 'White Irish', WOTH: 'Any other White background', WIRT: 'Traveller of Irish heritage',
  WROM: 'Gypsy/Roma', MWBC: 'White and Black Caribbean', MWBA: 'White and Black African', MWAS: 'White and Asian',
  MOTH: 'Any other Mixed background', AIND: 'Indian', APKN: 'Pakistani', ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background', BCRB: 'Caribbean', BAFR: 'African', BOTH: 'Any other Black background',
  CHNE: 'Chinese', OOTH: 'Any other ethnic group', REFU: 'Refused', NOBT: 'Information not yet obtained',
};
export const ethnicityName = (code) => (ETHNICITY_NAMES[code] ? `${ETHNICITY_NAMES[code]} (${code})` : code);

export const SEX_NAMES = { MALE: 'Male', FEMALE: 'Female', UNKNOWN: 'Not known' };

/** The words shown where a field the viewer's role may not read would be. */
export const NOT_AVAILABLE = 'Not available to your role';

export const stageName = (s) => (s ? STAGE_NAMES[s] || s : 'Not on an adoption pathway');
export const needName = (n) => NEED_NAMES[n] || n.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
export const roleNames = (roles) => roles.map((r) => ROLE_NAMES[r] || r).join(', ');

/** "2 years 3 months", "8 months", "Not recorded". */
export function ageText(months) {
  if (months === null || months === undefined) return 'Not recorded';
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [];
  if (y) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m || !y) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** "12 Mar 2024" from YYYY-MM-DD (or an ISO instant); "Not recorded" when empty. */
export function dateText(iso) {
  if (!iso) return 'Not recorded';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const daysText = (d) => (d === null || d === undefined ? 'Not recorded' : `${d.toLocaleString('en-GB')} day${d === 1 ? '' : 's'}`);

/** What each operation the pages use is for, said as a refusal sentence. */
const REFUSALS = {
  children: 'Your role does not give access to children’s records. Figures for your authority, with small numbers suppressed, are on the dashboard.',
  child: 'Your role does not give access to children’s records. Figures for your authority, with small numbers suppressed, are on the dashboard.',
  matchSuggestions: 'Suggesting households for a child is for family finders, RAA managers and social workers.',
  childSuggestions: 'Suggesting children for a household is for the regional adoption agency’s family finders and managers.',
  adopterHouseholds: 'Your role does not give access to adopter households.',
  adopterHousehold: 'Your role does not give access to adopter households.',
  savedSearches: 'Saved searches are for family finders, RAA managers and social workers.',
  saveSearch: 'Saved searches are for family finders, RAA managers and social workers.',
  deleteSavedSearch: 'Saved searches are for family finders, RAA managers and social workers.',
};

/**
 * The sentence for an error the hub answered with. An operation refused to the role gets its REFUSALS sentence;
 * any other refusal a general one; the hub's own messages for bad input are written for people and shown as they are.
 */
export function errorSentence(error, roles = []) {
  const code = error.extensions && error.extensions.code;
  const op = error.path && error.path.length === 1 ? error.path[0] : null;
  const who = roles.length ? ` (${roleNames(roles)})` : '';
  if (code === 'FORBIDDEN') return ((op && REFUSALS[op]) || 'Your role does not allow this.').replace(/^Your role/, `Your role${who}`);
  if (code === 'UNAUTHENTICATED') return 'Your sign-in was not accepted (it may have expired). Please sign in again.';
  if (code === 'BAD_USER_INPUT') return error.message;
  if (code === 'TOO_COMPLEX') return 'That search asks for too much at once; ask for fewer results per page.';
  return `The hub could not answer (reference ${(error.extensions && error.extensions.requestId) || 'unknown'}). Please try again.`;
}

/** True when `error` refused the field at `path` (e.g. ['child', 'lastName']). */
export const refusedAt = (errors, path) => errors.some((e) => e.extensions && e.extensions.code === 'FORBIDDEN'
  && e.path && e.path.length === path.length && e.path.every((p, i) => p === path[i]));
