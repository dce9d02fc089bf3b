/**
 * A generated CRM export (CSV, `;` as Excel writes in Swedish) of clean customers with one row of
 * each problem `email-guard customers check` must find planted among them. Seeded: the same rows
 * every run.
 */

const firstNames = [
  'Anna',
  'Erik',
  'Karin',
  'Lars',
  'Maria',
  'Johan',
  'Eva',
  'Per',
  'Sara',
  'Mikael',
  'Lena',
  'Anders',
  'Ingrid',
  'Nils',
  'Sofia',
  'Olof',
  'Helena',
  'Gustav',
  'Emma',
  'Oskar',
];
const lastNames = [
  'Svensson',
  'Lind',
  'Berg',
  'Holm',
  'Nyberg',
  'Ek',
  'Sjöberg',
  'Lundqvist',
  'Wallin',
  'Falk',
  'Björk',
  'Hedlund',
  'Forsberg',
  'Sandberg',
  'Åkesson',
  'Öberg',
  'Strand',
  'Dahl',
  'Norén',
  'Blom',
];
const providers = [
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'telia.com',
  'yahoo.com',
  'icloud.com',
  'live.se',
  'bredband.net',
];

/** A small seeded generator (mulberry32): the same export every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** One planted problem: the row's customer id (or line) and the finding it must produce. */
export interface PlantedProblem {
  readonly kind: string;
  readonly line: number;
  readonly customerId?: string;
}

export interface CrmExport {
  readonly csv: string;
  readonly planted: readonly PlantedProblem[];
  /** Ids of the clean customers. */
  readonly clean: readonly string[];
  /** Every customer row with its address, for building sent mail. */
  readonly customers: readonly { id: string; name: string; email: string }[];
}

export function crmExport(cleanRows: number, seed = 13): CrmExport {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const code = () =>
    Array.from({ length: 4 }, () => 'abcdefghjkmnpqrstuvwxyz'[Math.floor(random() * 23)]).join('');
  const lines = ['Kundnummer;Namn;E-post;Födelsedatum'];
  const planted: PlantedProblem[] = [];
  const clean: string[] = [];
  const customers: { id: string; name: string; email: string }[] = [];
  const row = (id: string, name: string, email: string, birthDate = '') => {
    lines.push([id, name, email, birthDate].join(';'));
    customers.push({ id, name, email });
    return lines.length;
  };
  const plant = (kind: string, id: string, name: string, email: string, birthDate = '') => {
    planted.push({ kind, line: row(id, name, email, birthDate), customerId: id });
  };
  const every = Math.max(1, Math.floor(cleanRows / 10));
  for (let i = 0; i < cleanRows; i++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const year = 1940 + Math.floor(random() * 65);
    const id = `K-${100000 + i}`;
    row(
      id,
      `${first} ${last}`,
      `${ascii(first)}.${ascii(last)}.${code()}@${pick(providers)}`,
      `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    );
    clean.push(id);
    if (i % every === every - 1) {
      const n = i;
      // One of each problem, spread through the file.
      const which = Math.floor(i / every) % 8;
      if (which === 0) {
        lines.push(`P-${n};Fel Antal;fel@antal.se;1980-01-01;extra`);
        planted.push({ kind: 'unreadable-row', line: lines.length });
      } else if (which === 1) {
        lines.push(`P-${n};Erik Olsson;erik.olsson(at)telia.com;1970-05-05`);
        planted.push({ kind: 'invalid-address', line: lines.length });
      } else if (which === 2) {
        plant('domain-typo', `P-${n}`, 'Per Hotmial', `per.strom.${code()}@hotmial.se`);
      } else if (which === 3) {
        plant('number-mismatch', `P-${n}`, 'Anna Karlsson', 'anna.karlsson1958@gmail.com', '1985-04-12');
      } else if (which === 4) {
        const address = `familjen.${code()}@telia.com`;
        plant('belongs-to-other-customer', `P-${n}a`, 'Olle Holmgren', address);
        plant('belongs-to-other-customer', `P-${n}b`, 'Stina Persson', address);
      } else if (which === 5) {
        plant('near-miss-other-customer', `P-${n}a`, 'Gunnar Vik', 'gunnar.vik1961@gmail.com');
        plant('near-miss-other-customer', `P-${n}b`, 'Vik, Gunnar', 'gunnar.vik961@gmail.com');
      } else if (which === 6) {
        plant('role-address', `P-${n}`, 'Byggfirman AB', 'info@byggfirman-norr.se');
      } else {
        plant('disposable-domain', `P-${n}`, 'Temp Person', `temp.${code()}@mailinator.com`);
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, planted, clean, customers };
}
