import { Role } from '../auth/roles';
import { EntityPolicy, RowRule } from './policy-types';

/** Fields of an access-log entry (names fixed by docs/interface.md). */
export type AccessLogField =
  | 'id' | 'at' | 'viewerSub' | 'viewerOrg' | 'viewerRoles' | 'childId' | 'ownerAuthority' | 'fields'
  | 'refusedFields' | 'operationName' | 'crossOrganisation';

/** RAA managers oversee the reads their own staff made. */
const readsByOwnRaaStaff: RowRule = (v, p, a) =>
  (v.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? `${a}.viewer_org = ${p.add(v.org)}` : null);

/**
 * An auditor sees reads of the records its organisation owns; an RAA owns no child records, so an RAA's
 * auditor sees instead the reads its own staff made (the reading of the policy the README records).
 */
const auditorScope: RowRule = (v, p, a) =>
  (v.orgKind === 'LOCAL_AUTHORITY' ? `${a}.owner_authority = ${p.add(v.org)}` : `${a}.viewer_org = ${p.add(v.org)}`);

const readers = { raa_manager: 'allow', auditor: 'allow' } as const;

/** The data-sharing agreement for the audit trail (docs/access-policy.md, "Access log entries"). */
export const accessLogPolicy: EntityPolicy<AccessLogField> = {
  entity: 'AccessLogEntry',
  table: 'access_log',
  rows: { raa_manager: readsByOwnRaaStaff, auditor: auditorScope },
  columns: {
    id: (a) => `${a}.id::text`,
    at: (a) => `to_char(${a}.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    viewerSub: (a) => `${a}.viewer_sub`,
    viewerOrg: (a) => `${a}.viewer_org`,
    viewerRoles: (a) => `${a}.viewer_roles`,
    childId: (a) => `${a}.child_id`,
    ownerAuthority: (a) => `${a}.owner_authority`,
    fields: (a) => `${a}.fields`,
    refusedFields: (a) => `${a}.refused_fields`,
    operationName: (a) => `${a}.operation_name`,
    crossOrganisation: (a) => `${a}.cross_organisation`,
  },
  fields: {
    id: readers, at: readers, viewerSub: readers, viewerOrg: readers, viewerRoles: readers, childId: readers,
    ownerAuthority: readers, fields: readers, refusedFields: readers, operationName: readers, crossOrganisation: readers,
  },
};

/**
 * The same scope over an `access_read` row (one read statement, before its children are unnested into entries), so
 * the indexes find the reads: (viewer_org, id) for an RAA's readers, GIN(owners) for an LA auditor. It admits every
 * read holding an entry the row rules above admit (and possibly more): the compiled accessLog statement applies it
 * to the read AND the row rules to each entry (src/compiler/access-log-compiler.ts), so it only narrows the scan.
 */
export const accessReadScope: Partial<Record<Role, RowRule>> = {
  raa_manager: readsByOwnRaaStaff,
  auditor: (v, p, a) => (v.orgKind === 'LOCAL_AUTHORITY' ? `${a}.owners @> ARRAY[${p.add(v.org)}]::text[]` : `${a}.viewer_org = ${p.add(v.org)}`),
};
