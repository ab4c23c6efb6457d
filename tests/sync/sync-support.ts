// Shared GraphQL documents and helpers for the sync tests.
import type { TestHub } from '../support/test-hub';

export const SYNC_CHILDREN = `mutation($authority: String!, $records: [ChildRecordInput!]!) {
  syncChildren(authority: $authority, records: $records) { accepted changed rejected { index sourceId field reason } } }`;
export const SYNC_HOUSEHOLDS = `mutation($agency: String!, $records: [HouseholdRecordInput!]!) {
  syncAdopterHouseholds(agency: $agency, records: $records) { accepted changed rejected { index sourceId field reason } } }`;
export const SYNC_SUPPORT_CASES = `mutation($agency: String!, $records: [SupportCaseRecordInput!]!) {
  syncSupportCases(agency: $agency, records: $records) { accepted changed rejected { index sourceId field reason } } }`;
export const CHANGES = `query($authority: String!, $after: String, $first: Int) {
  changes(authority: $authority, after: $after, first: $first) {
    edges { cursor node { entity id sourceId operation at } } nodes { entity id sourceId operation }
    pageInfo { hasNextPage endCursor } } }`;

/** The first error code of a response, or undefined. */
export const codeOf = (body: any): string | undefined => body.errors?.[0]?.extensions?.code;

/** Every change-feed entry of an authority as stored (seq order). */
export async function feedRows(hub: TestHub, authority: string) {
  return hub.t.db.query<{ seq: string; entity: string; entity_id: string; source_id: string; operation: string }>(
    `SELECT seq::text, entity, entity_id, source_id, operation FROM change_log cl WHERE authority = $1 ORDER BY cl.seq`, [authority]);
}

/** A full child record with distinctive values, overridable. */
export function childRecord(sourceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceId, firstName: `First${sourceId}`, lastName: `Last${sourceId}`, dateOfBirth: '2021-03-04', sex: 'FEMALE',
    ethnicity: 'WBRI', upn: 'A123456789012', nhsNumber: '943 476 5919', placementPostcode: 'ig11 7lu', stage: 'FAMILY_FINDING',
    needs: ['FASD'], healthSummary: 'Healthy', birthFamilyBackground: 'Background text', socialWorker: 'Sam Worker',
    enteredCareOn: '2022-01-10', decisionOn: '2022-06-01', placementOrderOn: '2022-09-01', ...extra,
  };
}
