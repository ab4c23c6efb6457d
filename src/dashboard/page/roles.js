// What the page says to a viewer whose role has no figures here, or whose role does not include one section: a
// sentence about the role, never the hub's error text (which names GraphQL operations).
import { el } from './tables.js';

const ROLE_NAMES = {
  family_finder: 'family finder', raa_manager: 'RAA manager', social_worker: 'social worker', la_analyst: 'LA analyst',
  integration: 'integration account', auditor: 'auditor',
};

/** The role names as people say them ("LA analyst"), joined. */
export function roleNames(roles) {
  return roles.map((r) => ROLE_NAMES[r] || r).join(', ');
}

/**
 * The sentence for a viewer none of whose roles has dashboard figures, and where to go instead (a link or null).
 * Roles with figures (analysts, managers, family-finding staff) never get here.
 */
export function noFiguresSentence(roles) {
  if (roles.includes('auditor')) {
    return {
      text: 'As an auditor you see who read which child’s record, and when: the audit trail is on the audit page. '
        + 'The dashboard’s figures are for LA analysts, RAA managers, family finders and social workers.',
      link: { href: '/dashboard/audit', text: 'Open the audit trail' },
    };
  }
  if (roles.includes('integration')) {
    return {
      text: 'This is an integration account: it sends and fetches records for a case system and has no dashboard. '
        + 'Sign in as a person (an analyst, manager, family finder or social worker) to see the figures.',
      link: null,
    };
  }
  return { text: 'Your role has no dashboard figures. Ask your hub administrator for an analyst’s or manager’s access.', link: null };
}

/** The sentence for one section the viewer's role does not include. */
export function sectionRefusedSentence(what, roles) {
  return `Your role (${roleNames(roles)}) does not include ${what}.`;
}

/** Shows a section's failure in its place: a sentence about the role when refused, the reason otherwise. */
export function failed(container, err, what = 'these figures', roles = []) {
  const text = err && err.code === 'FORBIDDEN'
    ? sectionRefusedSentence(what, roles)
    : `Could not load ${what}: ${err && err.message ? err.message : 'the hub did not answer'}`;
  const p = el('p', 'unavailable', text);
  p.dataset.refused = String(Boolean(err && err.code === 'FORBIDDEN'));
  container.replaceChildren(p);
}
