import { collectionYearOf, Day, isoOf } from './demo-dates';
import { EpisodeRecord } from './demo-records';
import { postcodeIn } from './demo-people';
import { SeededRandom } from './seeded-random';

/** One change in a period of care (903 Episodes): the day it starts and the codes from then on. */
export interface EpisodeStep {
  start: Day;
  /** Reason for new episode: S (started care), L (legal status), P (placement and carer), T (placement, same carer), B, U. */
  rne: string;
  legalStatus: string;
  place: string;
}

/** A period of care: its episodes' starts, and how it ended (null while the child is still looked after). */
export interface CarePeriod {
  steps: EpisodeStep[];
  end: Day | null;
  rec: string | null;
}

/** Postcode districts placements are in: the LA's own, or elsewhere (most children are placed out of borough). */
export interface PlacementArea {
  home: string[];
  elsewhere: string[];
}

const OUT_OF_AREA = ['RM13', 'RM15', 'IG1', 'IG3', 'E4', 'E10', 'E17', 'SS14', 'CM1', 'DA1', 'ME4', 'CB1', 'LU1', 'CO1', 'N9'];

/** Placement districts for an LA whose children live in `home`. */
export function placementArea(home: string[]): PlacementArea {
  return { home, elsewhere: OUT_OF_AREA };
}

function providerFor(rng: SeededRandom, place: string): string | null {
  if (place === 'P1') return 'PR0';
  if (/^T|^Z/.test(place)) return null;
  if (/^U[123]$/.test(place)) return rng.chance(0.8) ? 'PR1' : 'PR2';
  if (/^A/.test(place)) return rng.chance(0.75) ? 'PR1' : 'PR2';
  if (/^U/.test(place)) return rng.weighted({ PR1: 5, PR4: 3, PR5: 1 });
  return rng.weighted({ PR4: 4, PR5: 1, PR1: 1 });
}

const REASONS_PLACE_CHANGE = { CARPL: 12, CREQB: 3, CREQO: 3, LAREQ: 2, CHILD: 1, STAND: 1, CLOSE: 1, OTHER: 1 };

/**
 * The 903 episode rows of a child's periods of care. Consecutive episodes join with X1 on the day the next begins;
 * the placement postcode changes only when the carer does (RNE S, P or B).
 */
export function episodesOf(rng: SeededRandom, child: { id: string; authority: string; sourceId: string }, homePostcode: string,
  area: PlacementArea, periods: CarePeriod[], today: Day): EpisodeRecord[] {
  const rows: EpisodeRecord[] = [];
  for (const period of periods) {
    let postcode = '';
    period.steps.forEach((step, i) => {
      if (step.rne === 'S' || step.rne === 'P' || step.rne === 'B') {
        postcode = postcodeIn(rng, rng.chance(0.45) ? area.home : area.elsewhere);
      }
      const next = period.steps[i + 1];
      const dec = next ? next.start : period.end;
      const carerChanges = next ? next.rne === 'P' || next.rne === 'B' || next.rne === 'T' || next.rne === 'U' : false;
      const provider = providerFor(rng, step.place);
      rows.push({
        childId: child.id, authority: child.authority, sourceId: `${child.sourceId}-${rows.length + 1}`,
        decom: isoOf(step.start), rne: step.rne, legalStatus: step.legalStatus, cin: i === 0 ? rng.weighted({ N1: 6, N4: 1, N5: 1, N8: 1, N2: 0.3, N3: 0.5 }) : '',
        place: step.place, placeProvider: provider,
        dec: dec === null ? null : isoOf(dec), rec: next ? 'X1' : period.rec,
        reasonPlaceChange: carerChanges && !/^A/.test(step.place) ? rng.weighted(REASONS_PLACE_CHANGE) : null,
        homePostcode, placementPostcode: step.place === 'P1' ? homePostcode : postcode,
        urn: provider === 'PR4' || provider === 'PR5' || /^K|^R/.test(step.place) ? `SC${rng.digits(6)}` : null,
        sourceYear: collectionYearOf(dec ?? today),
      });
    });
  }
  // CIN is recorded on every episode; it is the category of need when care began.
  let cin = '';
  for (const r of rows) {
    if (r.rne === 'S') cin = r.cin;
    r.cin = cin;
  }
  return rows;
}

/** `count` distinct days strictly between `after` and `before`, ascending (fewer if the gap is too small). */
export function daysBetween(rng: SeededRandom, after: Day, before: Day, count: number): Day[] {
  const room = before - after - 1;
  if (room <= 0) return [];
  const picked = new Set<Day>();
  const n = Math.min(count, room);
  while (picked.size < n) picked.add(after + rng.int(1, room));
  return [...picked].sort((a, b) => a - b);
}

/** A placement move to a new foster carer (RNE P), kept in foster care. */
export function fosterMove(start: Day, legalStatus: string, place = 'U6'): EpisodeStep {
  return { start, rne: 'P', legalStatus, place };
}
