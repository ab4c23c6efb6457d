/** The roles a token may carry (docs/interface.md); anything else is refused at sign-in. */
export const ROLES = ['family_finder', 'raa_manager', 'social_worker', 'la_analyst', 'integration', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` is one of the hub's roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
