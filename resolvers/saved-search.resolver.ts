import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { compiledPage, CompiledResults, compileSavedSearchResults } from '../src/compiler/compiled-reads';
import { RequestContext } from '../src/context/request-context';
import { checkId } from '../src/services/cursor';
import { deleteSavedSearch, saveSearch, SavedSearchRow, savedSearchesOf } from '../src/services/saved-search-store';
import { ChildFilter } from '../schema/inputs/child-filter.input';
import { AFTER_ARG, CHILD_ORDER_ARG, FIRST_ARG } from '../schema/inputs/page-args';
import { ChildConnection } from '../schema/types/child.type';
import { ChildOrderEnum } from '../schema/types/enums';
import { SavedSearch } from '../schema/types/saved-search.type';

/** Saved children searches, per person (token `sub` at `org`). They hold filters only, never child data. */
@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Query(() => [SavedSearch], { description: 'Your saved children searches, by name' })
  async savedSearches(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<SavedSearchRow[]> {
    return compileSavedSearchResults(ctx, info, await savedSearchesOf(ctx.sql, ctx.viewer));
  }

  @Mutation(() => SavedSearch, { description: 'Saves a children search under a name (replacing one of the same name); a filter you may not use is FORBIDDEN' })
  saveSearch(
    @Arg('name', () => String, { description: 'The name to save it under; saving again under the same name replaces it' }) name: string,
    @Arg('filter', () => ChildFilter, { description: 'The children filter to save' }) filter: ChildFilter,
    @Ctx() ctx: RequestContext,
  ): Promise<SavedSearchRow> {
    return saveSearch(ctx.system.for('saved-search'), ctx.viewer, name, filter);
  }

  @Mutation(() => Boolean, { description: 'Deletes one of your saved searches; false when you have none with that id' })
  deleteSavedSearch(@Arg('id', () => ID, { description: "The saved search's id" }) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteSavedSearch(ctx.system.for('saved-search'), ctx.viewer, checkId(id));
  }

  @FieldResolver(() => String)
  createdAt(@Root() s: SavedSearchRow): string {
    return new Date(s.createdAt).toISOString();
  }

  @FieldResolver(() => String)
  updatedAt(@Root() s: SavedSearchRow): string {
    return new Date(s.updatedAt).toISOString();
  }

  @FieldResolver(() => ChildConnection, { description: 'Runs the search now, under your current access (as `children(filter:)`)' })
  async results(
    @Root() s: SavedSearchRow,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, FIRST_ARG) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
    @Arg('orderBy', () => ChildOrderEnum, CHILD_ORDER_ARG) orderBy?: string,
  ) {
    // Compiled with the list by `savedSearches`; a search returned by a mutation runs its own statement.
    const compiled = (s as SavedSearchRow & { $results?: CompiledResults }).$results?.get(String(info.path.key));
    if (compiled) {
      if ('error' in compiled) throw compiled.error;
      return compiled.value;
    }
    return compiledPage(ctx, info, { filter: s.filter, orderBy, first, after });
  }
}
