import { partnershipChunks } from '../../src/demo/generate-partnership';
import { CURRENT_DAY } from './demo-at';

// Generation only (no database): the national scale's shape, for the real today as the benches generate it.
// bench/load-national.ts measures loading it.
describe('the national scale', () => {
  it('has 152 LAs in 31 RAAs, 100,000 children, about a million episodes and 20,000 households, none dated after today', () => {
    const counts = { raas: 0, las: 0, children: 0, episodes: 0, households: 0, matches: 0, supportCases: 0 };
    const laNumbers = new Set<number>();
    const childIds = new Set<string>();
    let late = 0;
    for (const chunk of partnershipChunks({ scale: 'national', today: CURRENT_DAY })) {
      late += chunk.episodes.filter((e) => e.decom > CURRENT_DAY || (e.dec !== null && e.dec > CURRENT_DAY)).length;
      late += chunk.children.filter((c) => [c.enteredCareOn, c.placementOrderOn, c.matchedOn, c.placedOn, c.adoptionOrderOn]
        .some((d) => d !== null && d > CURRENT_DAY)).length;
      for (const a of chunk.authorities) {
        if (a.kind === 'REGIONAL_ADOPTION_AGENCY') counts.raas += 1;
        else { counts.las += 1; laNumbers.add(a.laNumber!); }
      }
      for (const c of chunk.children) childIds.add(c.id);
      counts.children += chunk.children.length;
      counts.episodes += chunk.episodes.length;
      counts.households += chunk.households.length;
      counts.matches += chunk.matches.length;
      counts.supportCases += chunk.supportCases.length;
    }
    expect(counts).toMatchObject({ raas: 31, las: 152, children: 100_000, households: 20_000 });
    expect(late).toBe(0);
    expect(laNumbers.size).toBe(152);
    expect(childIds.size).toBe(100_000);
    expect(counts.episodes).toBeGreaterThan(900_000);
    expect(counts.episodes).toBeLessThan(1_100_000);
    expect(counts.matches).toBeGreaterThan(10_000);
    expect(counts.supportCases).toBeGreaterThan(5_000);
  });

  it('generates each RAA the same way every time', () => {
    const first = (n: number) => { let i = 0; for (const c of partnershipChunks({ scale: 'national', seed: 7, today: CURRENT_DAY })) if (i++ === n) return c; return undefined; };
    expect(JSON.stringify(first(2))).toBe(JSON.stringify(first(2)));
  });
});
