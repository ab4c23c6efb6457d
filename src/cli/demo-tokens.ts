import { mintToken } from '../auth/mint-token';
import { Role } from '../auth/roles';
import { VerificationKey } from '../auth/signing-keys';

/** The demo partnership's people, one per role, as `npm start` prints them. */
export const DEMO_PEOPLE: { role: Role; org: string; sub: string; name: string }[] = [
  { role: 'family_finder', org: 'ALE', sub: 'ff.ale.1', name: 'Farah Finder (ALE family finder)' },
  { role: 'raa_manager', org: 'ALE', sub: 'rm.ale.1', name: 'Rosa Manager (ALE manager)' },
  { role: 'social_worker', org: 'BDG', sub: 'sw.bdg.1', name: 'Sam Worker (Barking and Dagenham)' },
  { role: 'la_analyst', org: 'BDG', sub: 'an.bdg.1', name: 'Ana Lyst (Barking and Dagenham)' },
  { role: 'auditor', org: 'BDG', sub: 'au.bdg.1', name: 'Ida Governance (Barking and Dagenham)' },
  { role: 'integration', org: 'BDG', sub: 'int.bdg.lcs', name: 'BDG Liquidlogic sync' },
  { role: 'integration', org: 'ALE', sub: 'int.ale.crm', name: 'ALE adopter system sync' },
];

/** A token for each demo person (valid for `ttl`), signed with the development key; none in production. */
export function demoTokens(key: VerificationKey, ttlSeconds = 8 * 3600): { person: (typeof DEMO_PEOPLE)[number]; token: string }[] {
  // Never longer than the hub accepts (JWT_MAX_LIFETIME).
  const ttl = Math.min(ttlSeconds, key.maxLifetimeSeconds);
  const demoKey = key.demoKey;
  if (!demoKey) return [];
  return DEMO_PEOPLE.map((person) => ({
    person,
    token: mintToken({ sub: person.sub, org: person.org, roles: [person.role], name: person.name }, demoKey,
      { issuer: key.issuer, audience: key.audience, ttl }),
  }));
}
