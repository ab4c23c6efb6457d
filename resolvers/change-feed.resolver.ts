import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../src/context/request-context';
import { changeCursor, changesPage } from '../src/services/change-feed-query';
import { ChangeConnection } from '../schema/types/change.type';

/** `changes`: the change feed an integration client polls, resuming from the last cursor it saw. */
@Resolver()
export class ChangeFeedResolver {
  @Query(() => ChangeConnection, { description: "An authority's upserts and deletions in commit order; resume with `after`" })
  async changes(
    @Arg('authority', () => String, { description: 'The authority whose records changed (your own, for an integration token)' }) authority: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor (the endCursor you last stored); omit to start from the beginning' }) after?: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 1,000 (default 100)' }) first?: number,
  ): Promise<ChangeConnection> {
    // A child's id is child-level data: the read records every child it serves in the access log, in the same statement.
    const page = await changesPage(ctx.sql, ctx.viewer, authority, { first, after },
      { requestId: ctx.requestId, operationName: info.operation.name?.value ?? null });
    const nodes = page.rows.map((r) => ({ entity: r.entity, id: r.id, sourceId: r.sourceId, operation: r.operation, at: new Date(r.at).toISOString() }));
    return {
      nodes,
      edges: nodes.map((node, i) => ({ cursor: changeCursor(page.rows[i].seq), node })),
      pageInfo: {
        hasNextPage: page.hasNextPage, endCursor: page.endCursor,
        hasPreviousPage: !!after, startCursor: page.rows.length ? changeCursor(page.rows[0].seq) : null,
      },
    };
  }
}
