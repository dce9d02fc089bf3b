/**
 * Seeded synthetic customers with realistic Swedish and English names, addresses and phone
 * numbers, shared by the directory and phone evaluation cases and by the directory benchmark.
 * Nothing here is a real person: names are common given names and surnames combined at random
 * (Statistics Sweden's and the UK Office for National Statistics' most frequent names).
 */
import { createRandom } from '../random.js';

/** A seeded generator of floats in [0, 1) (eval/random.ts): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  return createRandom(seed).next;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export const swedishGivenNames = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Sara',
  'Kristina',
  'Lena',
  'Emma',
  'Kerstin',
  'Ingrid',
  'Marie',
  'Malin',
  'Jenny',
  'Hanna',
  'Linda',
  'Elin',
  'Annika',
  'Susanne',
  'Johanna',
  'Sofia',
  'Åsa',
  'Ida',
  'Maja',
  'Elsa',
  'Astrid',
  'Ebba',
  'Agnes',
  'Märta',
  'Lars',
  'Mikael',
  'Anders',
  'Johan',
  'Erik',
  'Per',
  'Karl',
  'Peter',
  'Thomas',
  'Jan',
  'Daniel',
  'Fredrik',
  'Hans',
  'Andreas',
  'Stefan',
  'Mohammed',
  'Mats',
  'Magnus',
  'Jonas',
  'Oskar',
  'Björn',
  'Göran',
  'Nils',
  'Gustav',
  'Sven',
  'Linnéa',
  'Tove',
  'Håkan',
  'Jörgen',
  'Ulf',
  'Åke',
  'Olof',
  'Saga',
  'Alva',
  'Vera',
  'Wilma',
  'Hugo',
  'Elias',
  'Liam',
];
export const swedishSurnames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Olofsson',
  'Lindström',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Lundgren',
  'Lundqvist',
  'Mattsson',
  'Berglund',
  'Fredriksson',
  'Sandberg',
  'Henriksson',
  'Forsberg',
  'Sjöberg',
  'Wallin',
  'Ali',
  'Engström',
  'Mohamed',
  'Eklund',
  'Danielsson',
  'Lundin',
  'Håkansson',
  'Björk',
  'Bergman',
  'Gunnarsson',
  'Holm',
  'Wikström',
  'Samuelsson',
  'Isaksson',
  'Fransson',
  'Bergqvist',
  'Nyström',
  'Holmberg',
  'Arvidsson',
  'Löfgren',
  'Söderberg',
  'Nyberg',
  'Blomqvist',
  'Claesson',
  'Nordström',
  'Åberg',
  'Öberg',
];
export const englishGivenNames = [
  'Oliver',
  'George',
  'Harry',
  'Jack',
  'Jacob',
  'Noah',
  'Charlie',
  'Thomas',
  'Oscar',
  'William',
  'James',
  'Henry',
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Emily',
  'Sophie',
  'Grace',
  'Lily',
  'Freya',
  'Chloe',
  'Ella',
  'Charlotte',
  'Sarah',
  'Rebecca',
  'Claire',
  'Laura',
  'David',
  'Paul',
  'Mark',
  'Richard',
  'Simon',
  'Helen',
  'Catherine',
  'Elizabeth',
  'Margaret',
  'Joanne',
  'Michael',
  'Robert',
];
export const englishSurnames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Patel',
  'Khan',
  'Lewis',
  'James',
  'Phillips',
  'Mason',
  'Mitchell',
  'Rose',
  'Davis',
  'Rodriguez',
  "O'Brien",
  'Cox',
  'Alexander',
  'Morgan',
  'Moore',
  'Martin',
  'Price',
  'Bell',
  'Harris',
  'Cooper',
];

/** Consumer mailbox domains, weighted roughly by how often Swedish and British customers use them. */
export const personalDomains = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'hotmail.com',
  'hotmail.com',
  'hotmail.se',
  'outlook.com',
  'outlook.com',
  'live.se',
  'yahoo.com',
  'yahoo.se',
  'icloud.com',
  'telia.com',
  'telia.com',
  'bredband.net',
  'comhem.se',
  'spray.se',
  'tele2.se',
  'bahnhof.se',
  'btinternet.com',
  'yahoo.co.uk',
  'protonmail.com',
  'me.com',
];

/** Folds a name into the letters people use in an address (`Åsa Öberg` -> `asa`, `oberg`). */
export function asciiName(name: string): string {
  let folded = asciiNames.get(name);
  if (folded === undefined) {
    folded = foldName(name);
    asciiNames.set(name, folded);
  }
  return folded;
}

// The names come from short lists: fold each once (a million customers fold them millions of times).
const asciiNames = new Map<string, string>();

function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export interface SyntheticPerson {
  readonly id: string;
  readonly given: string;
  readonly surname: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly country: 'SE' | 'GB';
}

/** A person with an address built the ways people build theirs (`anna.svensson85`, `asvensson`). */
export function syntheticPerson(random: () => number, id: string): SyntheticPerson {
  const english = random() < 0.25;
  const given = pick(random, english ? englishGivenNames : swedishGivenNames);
  const surname = pick(random, english ? englishSurnames : swedishSurnames);
  const g = asciiName(given);
  const s = asciiName(surname);
  const year = String(1940 + Math.floor(random() * 66));
  const number = String(Math.floor(random() * 1000));
  const pattern = Math.floor(random() * 8);
  const local =
    pattern === 0
      ? `${g}.${s}`
      : pattern === 1
        ? `${g}.${s}${year}`
        : pattern === 2
          ? `${g}${s}${year.slice(2)}`
          : pattern === 3
            ? `${g[0]}.${s}${number}`
            : pattern === 4
              ? `${g}_${s}${number}`
              : pattern === 5
                ? `${g}.${s}.${number}`
                : pattern === 6
                  ? `${s}.${g}${year.slice(2)}`
                  : `${g}${s[0]}${number}`;
  const domain =
    random() < 0.85
      ? pick(random, personalDomains)
      : `${s}${pick(random, ['bygg', 'konsult', 'data', 'design', 'ab'])}.se`;
  const country = english ? 'GB' : 'SE';
  // Swedish mobiles 070/072/073/076/079 (PTS number plan); UK mobiles 07xxx (Ofcom).
  const digits = String(Math.floor(random() * 10_000_000)).padStart(7, '0');
  const phone = english
    ? `+447${pick(random, ['4', '5', '7', '8', '9'])}${digits}${Math.floor(random() * 100)
        .toString()
        .padStart(2, '0')}`
    : `+467${pick(random, ['0', '2', '3', '6', '9'])}${digits}`;
  return { id, given, surname, name: `${given} ${surname}`, email: `${local}@${domain}`, phone, country };
}

/** `count` customers from `seed`, as a generator so a million of them never sit in memory at once. */
export function* syntheticCustomers(
  count: number,
  seed = 1,
): Generator<{ id: string; name: string; emails: string[]; phones: string[]; country: string }> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const person = syntheticPerson(random, `C${String(i + 1).padStart(7, '0')}`);
    yield {
      id: person.id,
      name: person.name,
      emails: [person.email],
      phones: [person.phone],
      country: person.country,
    };
  }
}
