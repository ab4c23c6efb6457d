import { SeededRandom } from './seeded-random';

/** Name pools by heritage, so a child's or adopter's name fits their recorded ethnicity. */
type Heritage = 'BRITISH' | 'EUROPEAN' | 'AFRICAN' | 'CARIBBEAN' | 'SOUTH_ASIAN' | 'EAST_ASIAN';

const NAMES: Record<Heritage, { male: string[]; female: string[]; last: string[] }> = {
  BRITISH: {
    male: ['Oliver', 'Harry', 'George', 'Jack', 'Charlie', 'Alfie', 'Freddie', 'Archie', 'Leo', 'Tommy', 'Riley', 'Mason', 'Theo', 'Noah', 'Finley', 'Lewis', 'Daniel', 'Mark', 'James', 'Paul'],
    female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Lily', 'Poppy', 'Ruby', 'Grace', 'Evie', 'Sophie', 'Ellie', 'Freya', 'Millie', 'Rosie', 'Emma', 'Claire', 'Sarah', 'Louise', 'Hannah'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker', 'White', 'Harris', 'Clarke', 'Turner', 'Hill', 'Cooper', 'Ward', 'Baker', 'Palmer', 'Murphy', 'Kelly', 'Reid', 'Hughes'],
  },
  EUROPEAN: {
    male: ['Jakub', 'Filip', 'Mateusz', 'Andrei', 'Luca', 'Matei', 'Dawid', 'Tomas', 'Lukas', 'Marko'],
    female: ['Zuzanna', 'Maja', 'Ioana', 'Elena', 'Amelia', 'Natalia', 'Laura', 'Ana', 'Emilia', 'Sofia'],
    last: ['Nowak', 'Kowalski', 'Popescu', 'Ionescu', 'Kazlauskas', 'Horvat', 'Novak', 'Wisniewski', 'Petrov', 'Dumitru'],
  },
  AFRICAN: {
    male: ['Ayodele', 'Chidi', 'Kwame', 'Tobi', 'Emmanuel', 'David', 'Samuel', 'Kofi', 'Daniel', 'Ife', 'Joshua', 'Nathaniel'],
    female: ['Amara', 'Chioma', 'Adaeze', 'Esther', 'Grace', 'Abena', 'Precious', 'Blessing', 'Favour', 'Zara', 'Ruth', 'Deborah'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Okonkwo', 'Balogun', 'Asante', 'Mohamed', 'Abdi', 'Eze', 'Boateng', 'Adebayo'],
  },
  CARIBBEAN: {
    male: ['Jayden', 'Tyrese', 'Marcus', 'Kai', 'Andre', 'Malachi', 'Elijah', 'Reuben', 'Isaiah', 'Dwayne'],
    female: ['Aaliyah', 'Nia', 'Shanice', 'Keisha', 'Jada', 'Tia', 'Imani', 'Kayla', 'Simone', 'Maya'],
    last: ['Campbell', 'Williams', 'Johnson', 'Francis', 'Thomas', 'Grant', 'Bailey', 'Henry', 'Robinson', 'Lewis'],
  },
  SOUTH_ASIAN: {
    male: ['Mohammed', 'Ayaan', 'Rayyan', 'Ibrahim', 'Zayn', 'Arjun', 'Aarav', 'Yusuf', 'Hamza', 'Rohan', 'Imran', 'Tariq'],
    female: ['Aisha', 'Maryam', 'Zara', 'Fatima', 'Anaya', 'Inaya', 'Priya', 'Sana', 'Hafsa', 'Noor', 'Ruksana', 'Nadia'],
    last: ['Ahmed', 'Begum', 'Khan', 'Miah', 'Uddin', 'Rahman', 'Hussain', 'Islam', 'Ali', 'Patel', 'Singh', 'Chowdhury'],
  },
  EAST_ASIAN: {
    male: ['Wei', 'Jun', 'Hao', 'Ethan', 'Ryan'],
    female: ['Mei', 'Lin', 'Xin', 'Chloe', 'Grace'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu'],
  },
};

const HERITAGE_OF: Record<string, Heritage[]> = {
  WBRI: ['BRITISH'], WIRI: ['BRITISH'], WOTH: ['EUROPEAN'], WIRT: ['BRITISH'], WROM: ['EUROPEAN'],
  MWBC: ['BRITISH', 'CARIBBEAN'], MWBA: ['BRITISH', 'AFRICAN'], MWAS: ['BRITISH', 'SOUTH_ASIAN'],
  MOTH: ['BRITISH', 'AFRICAN', 'EUROPEAN'], AIND: ['SOUTH_ASIAN'], APKN: ['SOUTH_ASIAN'], ABAN: ['SOUTH_ASIAN'],
  AOTH: ['SOUTH_ASIAN'], BCRB: ['CARIBBEAN'], BAFR: ['AFRICAN'], BOTH: ['AFRICAN', 'CARIBBEAN'], CHNE: ['EAST_ASIAN'],
  OOTH: ['EUROPEAN', 'SOUTH_ASIAN'], REFU: ['BRITISH'], NOBT: ['BRITISH'],
};

/** East London's children in care: White about half (many Eastern European), Black a third, Asian a seventh. */
export const CHILD_ETHNICITY_MIX: Readonly<Record<string, number>> = {
  WBRI: 28, WOTH: 12, WIRI: 1, WROM: 2, WIRT: 0.5, MWBC: 5, MWBA: 4, MWAS: 2, MOTH: 5, AIND: 1.5, APKN: 2, ABAN: 6,
  AOTH: 2, BCRB: 5, BAFR: 15, BOTH: 4, CHNE: 0.5, OOTH: 3, NOBT: 1,
};

/** Prospective adopters: the vast majority White British (ALE annual report), a few Black and Asian applicants. */
export const ADOPTER_ETHNICITY_MIX: Readonly<Record<string, number>> = {
  WBRI: 70, WIRI: 3, WOTH: 6, MWBC: 2, MOTH: 2, AIND: 2, APKN: 1, ABAN: 1, BCRB: 4, BAFR: 5, BOTH: 1, CHNE: 1, OOTH: 2,
};

/** A name pool fitting `ethnicity` (one of its heritages, at random for mixed heritage). */
function poolFor(rng: SeededRandom, ethnicity: string) {
  return NAMES[rng.pick(HERITAGE_OF[ethnicity] ?? ['BRITISH'])];
}

/** A first name for someone of this sex and ethnicity. */
export function firstNameFor(rng: SeededRandom, sex: 'MALE' | 'FEMALE', ethnicity: string): string {
  const pool = poolFor(rng, ethnicity);
  return rng.pick(sex === 'MALE' ? pool.male : pool.female);
}

/** A surname for someone of this ethnicity. */
export function lastNameFor(rng: SeededRandom, ethnicity: string): string {
  return rng.pick(poolFor(rng, ethnicity).last);
}

/** A person's full name of any heritage (social workers, family-finding contacts). */
export function staffName(rng: SeededRandom): string {
  const h = rng.pick(['BRITISH', 'BRITISH', 'AFRICAN', 'CARIBBEAN', 'SOUTH_ASIAN', 'EUROPEAN'] as Heritage[]);
  const sex = rng.chance(0.8) ? 'female' : 'male';
  return `${rng.pick(NAMES[h][sex])} ${rng.pick(NAMES[h].last)}`;
}

/** A 13-character UPN shaped like the DfE's: a check letter, the LA number, then nine digits. */
export function upnFor(rng: SeededRandom, laNumber: number): string {
  return `${String.fromCharCode(65 + rng.int(0, 25))}${String(laNumber).padStart(3, '0').slice(-3)}${rng.digits(9)}`;
}

/** A 10-digit NHS number with a valid modulus-11 check digit. */
export function nhsNumberFor(rng: SeededRandom): string {
  for (;;) {
    const body = String(rng.int(4, 6)) + rng.digits(8);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return body + String(check === 11 ? 0 : check);
  }
}

/** A full postcode in one of `districts`. */
export function postcodeIn(rng: SeededRandom, districts: readonly string[]): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${rng.pick(districts)} ${rng.int(1, 9)}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`;
}

const STREETS = ['Church Road', 'High Street', 'Station Road', 'Victoria Road', 'Green Lane', 'Park Avenue', 'Mill Lane', 'The Drive', 'Manor Road', 'Kings Road'];

/** A street address (house number and street). */
export function streetAddress(rng: SeededRandom): string {
  return `${rng.int(1, 180)} ${rng.pick(STREETS)}`;
}
