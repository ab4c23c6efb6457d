import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/services/cursor';

// Option objects for the paging arguments every connection takes, so each says the same thing in the explorer.

/** `first`: the page size. */
export const FIRST_ARG = { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` };

/** `after`: the keyset cursor to continue from. */
export const AFTER_ARG = { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor of the previous page)' };

/** `first` of a suggestion list. */
export const SUGGESTIONS_FIRST_ARG = { nullable: true, description: `How many suggestions, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` };

/** `orderBy` of a children list. */
export const CHILD_ORDER_ARG = { nullable: true, description: 'Sort order; default DAYS_WAITING (longest waiting first)' };
