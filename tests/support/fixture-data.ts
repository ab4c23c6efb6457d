import * as path from 'path';

/**
 * The test data the suite reads, kept in the repository (tests/fixtures/, sources and licences in SOURCES.md there)
 * so that a fresh clone passes its tests with nothing beside it.
 */
export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');

/** The SSDA903 returns: d2i-fake-2017-18, cs-demand-model-2021, liia-dirty-samples and adoption-journeys. */
export const SSDA903_DATA = path.join(FIXTURES_DIR, 'ssda903');

/** The nine annual returns of one synthetic LA, with expected.json. */
export const JOURNEYS_DIR = path.join(SSDA903_DATA, 'adoption-journeys');
