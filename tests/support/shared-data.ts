import * as path from 'path';

/**
 * The project's shared folder (docs and data), which sits beside the repository: `../shared` from its root, in a
 * developer's checkout and in CI's fresh clone alike. HUB_SHARED_DIR overrides it.
 */
export const SHARED_DIR = process.env.HUB_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared');

/** The shared SSDA903 test data (`../shared/data/ssda903`). */
export const SSDA903_DATA = path.join(SHARED_DIR, 'data', 'ssda903');

/** The nine annual returns of one synthetic LA, with expected.json. */
export const JOURNEYS_DIR = path.join(SSDA903_DATA, 'adoption-journeys');
