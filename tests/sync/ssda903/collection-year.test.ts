import * as path from 'path';
import { inferCollectionYear, yearEndingOn } from '../../../src/sync/ssda903/collection-year';
import { readReturn } from '../../../src/sync/ssda903/read-return';
import { SSDA903_DATA, JOURNEYS_DIR } from '../../support/fixture-data';

const JOURNEYS = JOURNEYS_DIR;

describe('collection year', () => {
  it('is the year ending 31 March on or after a date', () => {
    expect(yearEndingOn('2021-03-31')).toBe(2021);
    expect(yearEndingOn('2021-04-01')).toBe(2022);
    expect(yearEndingOn('2020-12-31')).toBe(2021);
  });

  it('is inferred right for every adoption-journeys return (folder name = year ending), null for the empty one', async () => {
    for (let year = 2013; year <= 2021; year += 1) {
      const extract = await readReturn(`${JOURNEYS}/${year}`);
      expect({ year, inferred: extract.collectionYear }).toEqual({ year, inferred: year === 2013 ? null : year });
    }
    expect(inferCollectionYear([])).toBeNull();
  });

  it('can be given explicitly when the dates are misleading', async () => {
    const extract = await readReturn(path.join(SSDA903_DATA, 'd2i-fake-2017-18'), { collectionYear: 2018 });
    expect(extract.collectionYear).toBe(2018);
  });
});
