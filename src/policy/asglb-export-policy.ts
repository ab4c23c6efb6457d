// Who may download which table of the ASGLB return (asglb.md): it goes to the collector unsuppressed, so it is
// restricted to the roles that send it. Default deny: a role or table absent here downloads nothing.
import type { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';

/** The return's tables: the child tab and SGO table are per LA, the adopter tab per agency; validation either. */
export type AsglbTable = 'children' | 'sgo' | 'adopters' | 'enquiries' | 'validation';

/** Whose records a role exports: its own LA's, its RAA's member LAs', or its own RAA's. */
type Reach = 'ownLa' | 'raaMemberLas' | 'ownRaa';

export const asglbExportPolicy: Record<AsglbTable, { la?: Partial<Record<Role, Reach>>; agency?: Partial<Record<Role, Reach>> }> = {
  // The child tab: the RAA manager sends it for every member LA; an LA's social workers and analysts for their LA.
  children: { la: { raa_manager: 'raaMemberLas', social_worker: 'ownLa', la_analyst: 'ownLa' } },
  sgo: { la: { raa_manager: 'raaMemberLas', social_worker: 'ownLa', la_analyst: 'ownLa' } },
  // The adopter tab: the agency's, for its manager only.
  adopters: { agency: { raa_manager: 'ownRaa' } },
  // Section D of the adopter tab (enquiries per quarter): with the adopter tab.
  enquiries: { agency: { raa_manager: 'ownRaa' } },
  // What is missing for the return: for an LA's children as the child tab, for the agency's records as the adopter tab.
  validation: { la: { raa_manager: 'raaMemberLas', social_worker: 'ownLa', la_analyst: 'ownLa' }, agency: { raa_manager: 'ownRaa' } },
};

/** Each table as a sentence names it (refusals are read by people: no table code). */
const TABLE_WORDS: Record<AsglbTable, string> = {
  children: 'the child tab', sgo: 'the SGO table', adopters: 'the adopter tab', enquiries: 'the enquiries (Section D)',
  validation: 'the validation report',
};

/** Null when `viewer` may export `table` for `owner` (an LA when `kind` is 'la', an agency otherwise), else why not. */
export function asglbExportRefusal(viewer: Viewer, table: AsglbTable, kind: 'la' | 'agency', owner: string): string | null {
  const rules = asglbExportPolicy[table][kind];
  if (!rules) return `${TABLE_WORDS[table].replace(/^t/, 'T')} of the ASGLB return is exported per ${kind === 'la' ? 'agency' : 'local authority'}.`;
  for (const role of viewer.roles) {
    const reach = rules[role];
    if (reach === 'ownLa' && viewer.orgKind === 'LOCAL_AUTHORITY' && owner === viewer.org) return null;
    if (reach === 'raaMemberLas' && viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' && viewer.raaMembers.includes(owner)) return null;
    if (reach === 'ownRaa' && viewer.orgKind === 'REGIONAL_ADOPTION_AGENCY' && owner === viewer.org) return null;
  }
  return `Your role may not download ${TABLE_WORDS[table]} of the ASGLB return for ${owner}.`;
}
