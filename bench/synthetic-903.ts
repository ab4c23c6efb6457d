// A synthetic 903 return the size of a large LA, written as the CSVs an LA would export (for the import benchmark).
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';

const PLACES = ['U1', 'U3', 'U4', 'U6', 'R1', 'K2', 'P1'];
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

/** A deterministic pseudo-random sequence, so every run imports the same data. */
function rng(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
}

/** Writes header, episodes, AD1 and PlacedAdoption CSVs for `children` children of `episodesEach` episodes each. */
export function writeSyntheticReturn(dir: string, children: number, episodesEach: number): { children: number; episodes: number } {
  mkdirSync(dir, { recursive: true });
  const rand = rng(903);
  const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
  const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
  const ad1 = ['CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR'];
  const placed = ['CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED'];
  const yearEnd = Date.UTC(2021, 2, 31);
  for (let c = 0; c < children; c += 1) {
    const id = `S${String(c).padStart(6, '0')}`;
    const dob = new Date(Date.UTC(2008 + Math.floor(rand() * 12), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    header.push(`${id},${rand() < 0.5 ? 'M' : 'F'},${fmt(dob)},WBRI,UN1,,`);
    const adopted = c % 10 === 0;
    const span = yearEnd - Date.UTC(2014, 0, 1);
    let day = Date.UTC(2014, 0, 1) + Math.floor(rand() * span * 0.3);
    const step = Math.floor((yearEnd - day) / (episodesEach + 1));
    for (let e = 0; e < episodesEach; e += 1) {
      const start = new Date(day);
      const last = e === episodesEach - 1;
      day += step;
      const end = new Date(day);
      const rne = e === 0 ? 'S' : e % 3 === 0 ? 'P' : 'L';
      const ls = adopted && e >= episodesEach / 2 ? 'E1' : 'C2';
      const place = adopted && last ? 'A6' : PLACES[Math.floor(rand() * PLACES.length)];
      const dec = last ? (adopted ? fmt(end) : '') : fmt(end);
      const rec = last ? (adopted ? 'E11' : '') : 'X1';
      episodes.push(`${id},${fmt(start)},${rne},${ls},N1,${place},PR1,${dec},${rec},,E1 6AN,E15 2PQ,SC123456`);
    }
    if (adopted) {
      ad1.push(`${id},${fmt(dob)},01/06/2016,01/06/2017,0,2,MF,L11`);
      placed.push(`${id},${fmt(dob)},01/06/2016,,`);
    }
  }
  const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join('\r\n')}\r\n`);
  write('header.csv', header);
  write('episodes.csv', episodes);
  write('ad1.csv', ad1);
  write('placed_for_adoption.csv', placed);
  return { children, episodes: children * episodesEach };
}
