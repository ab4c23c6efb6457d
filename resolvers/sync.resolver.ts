import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { assertMayWrite } from '../src/policy/write-policy';
import { syncChildren } from '../src/sync/children/sync-children';
import { syncAdopterHouseholds } from '../src/sync/households/sync-households';
import { checkBatchSize, type SyncResult as SyncOutcome } from '../src/sync/sync-batch';
import { syncSupportCases } from '../src/sync/support-cases/sync-support-cases';
import { ChildRecordInput } from '../schema/inputs/child-record.input';
import { HouseholdRecordInput } from '../schema/inputs/household-record.input';
import { SupportCaseRecordInput } from '../schema/inputs/support-case-record.input';
import { SyncResult } from '../schema/types/sync-result.type';
import { loggedSync } from '../src/server/import-events';

/**
 * The sync mutations: an integration client pushes its own authority's records. The operation gate admits only
 * the integration role; each mutation then passes the write gate (src/policy/write-policy.ts) before any read.
 */
@Resolver()
export class SyncResolver {
  @Mutation(() => SyncResult, { description: "Upserts (or erases) an LA's child records; at most 1,000 per call" })
  async syncChildren(
    @Arg('authority', () => String, { description: "The LA's code; must be the token's own" }) authority: string,
    @Arg('records', () => [ChildRecordInput], { description: 'Up to 1,000 child records; a bad one is rejected with its index, field and reason while the others are stored' }) records: ChildRecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SyncOutcome> {
    assertMayWrite(ctx.viewer, 'Child', authority);
    checkBatchSize(records);
    return loggedSync('sync.children', ctx.requestId, authority, records.length, await syncChildren(ctx.system.for('sync'), authority, records));
  }

  @Mutation(() => SyncResult, { description: "Upserts (or erases) an RAA's adopter households; at most 1,000 per call" })
  async syncAdopterHouseholds(
    @Arg('agency', () => String, { description: "The RAA's code; must be the token's own" }) agency: string,
    @Arg('records', () => [HouseholdRecordInput], { description: 'Up to 1,000 households; a bad one is rejected with its index, field and reason while the others are stored' }) records: HouseholdRecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SyncOutcome> {
    assertMayWrite(ctx.viewer, 'AdopterHousehold', agency);
    checkBatchSize(records);
    return loggedSync('sync.households', ctx.requestId, agency, records.length, await syncAdopterHouseholds(ctx.system.for('sync'), agency, records));
  }

  @Mutation(() => SyncResult, { description: "Upserts (or erases) an RAA's adoption support cases; at most 1,000 per call" })
  async syncSupportCases(
    @Arg('agency', () => String, { description: "The RAA's code; must be the token's own" }) agency: string,
    @Arg('records', () => [SupportCaseRecordInput], { description: 'Up to 1,000 support cases; a bad one is rejected with its index, field and reason while the others are stored' }) records: SupportCaseRecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SyncOutcome> {
    assertMayWrite(ctx.viewer, 'SupportCase', agency);
    checkBatchSize(records);
    return loggedSync('sync.support-cases', ctx.requestId, agency, records.length, await syncSupportCases(ctx.system.for('sync'), agency, records));
  }
}
