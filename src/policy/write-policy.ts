// The write gate: who may write which records (docs/access-policy.md, "Operations"), one table for every write
// path: the GraphQL sync mutations, the SSDA903 import endpoint and the DfE children's social care endpoint.
// Default deny: an entity missing from the table cannot be written, and a path that writes calls the gate first,
// before it reads or stores anything.
import type { AuthorityKind } from '../../entities/authority.entity';
import type { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { forbidden } from './errors';

/** How one kind of record may be written: by which roles, for an owner of which kind (always the token's own). */
export interface WriteRule {
  roles: readonly Role[];
  /** The kind of organisation that owns these records; a token of another kind writes none of them. */
  ownerKind: AuthorityKind;
  /** The records in words, for refusals ("child records"). */
  noun: string;
}

/** Every writable entity. Only integration clients write, and only their own organisation's records. */
export const writePolicy = {
  /** An LA's children (syncChildren, the 903 import, the DfE endpoint). An RAA is not a 903 authority. */
  Child: { roles: ['integration'], ownerKind: 'LOCAL_AUTHORITY', noun: 'child records' },
  AdopterHousehold: { roles: ['integration'], ownerKind: 'REGIONAL_ADOPTION_AGENCY', noun: 'adopter households' },
  SupportCase: { roles: ['integration'], ownerKind: 'REGIONAL_ADOPTION_AGENCY', noun: 'support cases' },
  /** Links and matches between children and households, kept by the RAA (issue 11's syncLinks). */
  AdoptionLink: { roles: ['integration'], ownerKind: 'REGIONAL_ADOPTION_AGENCY', noun: 'links and matches' },
} as const satisfies Record<string, WriteRule>;

/** A kind of record some path writes. */
export type WritableEntity = keyof typeof writePolicy;

const KIND_WORDS: Record<AuthorityKind, string> = {
  LOCAL_AUTHORITY: 'a local authority',
  REGIONAL_ADOPTION_AGENCY: 'a regional adoption agency',
};

/**
 * Why `viewer` may not write `entity` records owned by `owner`, or null when it may. Checks, in order: the role,
 * that the owner is the token's own organisation, and that the organisation is of the kind that owns such records.
 * For the HTTP endpoints, which answer 403 with this message.
 */
export function writeRefusal(viewer: Viewer, entity: WritableEntity, owner: string): string | null {
  const rule: WriteRule | undefined = writePolicy[entity];
  if (!rule) return 'These records cannot be written.';
  if (!viewer.roles.some((r) => rule.roles.includes(r))) return `Only integration clients may write ${rule.noun}.`;
  if (owner !== viewer.org) return `A token writes only its own authority's ${rule.noun}: this one is for ${viewer.org}, not ${owner}.`;
  if (viewer.orgKind !== rule.ownerKind) {
    return `${cap(rule.noun)} are owned by ${KIND_WORDS[rule.ownerKind]}; ${viewer.org} is ${KIND_WORDS[viewer.orgKind]} and may not write them.`;
  }
  return null;
}

/** The same gate for GraphQL mutations: throws FORBIDDEN, before anything is read. */
export function assertMayWrite(viewer: Viewer, entity: WritableEntity, owner: string): void {
  const refusal = writeRefusal(viewer, entity, owner);
  if (refusal) throw forbidden(refusal);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
