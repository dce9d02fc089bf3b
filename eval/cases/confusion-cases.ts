/**
 * The evaluation cases of the everyday confusions (issue 9): nine families, and a second set of
 * genuinely new addresses that must not be blocked.
 *
 * How they were written: from how people dictate an address on the phone or at a shop counter and
 * how a salesperson types what they hear, in Sweden and in English, and from the verdict the issue
 * asks for; not from the check's rules or code. A customer leaves out the number of an address or
 * says their birth year in full; says the names in the other order; has å, ä and ö that a keyboard
 * or a mail provider turned into a, aa, ae, o or oe; spells a provider's name as it sounds
 * ("jimejl", "kommhemm"); pastes an address from a mail program or a sentence, or reads it out
 * ("snabel-a", "punkt"); gives a spouse's or a child's mailbox; and the salesperson slips on an
 * ending, on two keys of a short name, or types letters for the digits of a year. Each family has
 * its own fixed seed, so the same cases come out on every run and a change to one family leaves the
 * others as they are.
 */
import type { AddressCase, Expectation } from '../address-cases.js';
import {
  englishGivenNames,
  englishSurnames,
  firstNamePairs,
  realLessCommonDomains,
  swedishGivenNames,
  swedishLetterEmployers,
  swedishLetterGivenNames,
  swedishLetterSurnames,
  swedishSurnames,
} from '../names.js';
import { createRandom, type Random } from '../random.js';

/** About how many cases each family has. */
const PER_FAMILY = 200;

/** Where Swedish customers have their private mailboxes, the common ones more than once. */
const PROVIDERS = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'hotmail.com',
  'hotmail.se',
  'hotmail.se',
  'outlook.com',
  'outlook.se',
  'telia.com',
  'telia.com',
  'yahoo.com',
  'yahoo.se',
  'icloud.com',
  'live.se',
  'spray.se',
  'bredband.net',
  'comhem.se',
  'bahnhof.se',
] as const;

/** Employers' domains people give as their work address (real domains). */
const EMPLOYERS = realLessCommonDomains.filter(
  (domain) =>
    /\.(se|com)$/.test(domain) &&
    ![
      'hey.com',
      'mail.com',
      'email.com',
      'ymail.com',
      'tuta.com',
      'fastmail.com',
      'zoho.com',
      'aol.com',
      'sky.com',
      'hotmart.com',
    ].includes(domain),
);

// Gmail usernames are letters, digits and dots only, and dots do not count (Google Account Help,
// "Create a username"); a separator at Gmail is therefore a dot or nothing.
const isGmail = (domain: string) => domain === 'gmail.com';

interface Person {
  readonly given: string;
  readonly surname: string;
  readonly year: number;
  readonly birthDate: string;
  /** A Swedish mobile number as it is written in a customer record. */
  readonly phone: string;
  /** The same number's ten digits, as someone puts it in an address. */
  readonly phoneDigits: string;
  readonly english: boolean;
}

const capital = (name: string) =>
  name.replace(/(^|[\s-])(\p{L})/gu, (_, start, letter) => start + letter.toUpperCase());
/** The names of eval/names.ts that are written with å, ä or ö in a customer record. */
const WRITTEN: Readonly<Record<string, string>> = {
  asa: 'åsa',
  bjorn: 'björn',
  goran: 'göran',
  bjork: 'björk',
  sjoberg: 'sjöberg',
  lindstrom: 'lindström',
  bergstrom: 'bergström',
  engstrom: 'engström',
  hakansson: 'håkansson',
};
/** The name as a customer record has it: capitals, and å, ä and ö where the name has them. */
const displayName = (who: { given: string; surname: string }) =>
  `${capital(WRITTEN[who.given] ?? who.given)} ${capital(WRITTEN[who.surname] ?? who.surname)}`;

function person(
  random: Random,
  names?: { given?: readonly string[]; surname?: readonly string[]; english?: boolean },
): Person {
  const english = names?.english ?? random.chance(0.2);
  // Customers of a shop are grown-ups: born 1940 to 2004, most around 1970.
  const year = 1940 + random.int(33) + random.int(33);
  const month = String(1 + random.int(12)).padStart(2, '0');
  const day = String(1 + random.int(28)).padStart(2, '0');
  const mobile = random.pick(['070', '072', '073', '076', '079']);
  const rest = String(random.int(10_000_000)).padStart(7, '0');
  const phone = random.pick([
    `${mobile}-${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`,
    `${mobile}${rest}`,
    `+46 ${mobile.slice(1)} ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`,
    `+46${mobile.slice(1)}${rest}`,
  ]);
  return {
    given: random.pick(names?.given ?? (english ? englishGivenNames : swedishGivenNames)),
    surname: random.pick(names?.surname ?? (english ? englishSurnames : swedishSurnames)),
    year,
    birthDate: `${year}-${month}-${day}`,
    phone,
    phoneDigits: `${mobile}${rest}`,
    english,
  };
}

/** Optimal string alignment distance (Damerau 1964): missing, extra, changed, two swapped. */
function slips(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        (rows[0] as number[]).push(j);
        continue;
      }
      const row = rows[i] as number[];
      const up = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbourKey(random: Random, character: string): string | undefined {
  for (const keys of KEYBOARD_ROWS) {
    const column = keys.indexOf(character);
    if (column === -1) continue;
    const options = [keys[column - 1], keys[column + 1]].filter((key): key is string => Boolean(key));
    return random.pick(options);
  }
  return undefined;
}

type Slip = 'missing' | 'extra' | 'neighbour' | 'swap';

/** One typing slip in `text` on a letter or digit, never on the first character. */
function slip(random: Random, text: string, kind: Slip): string | undefined {
  const positions = [...text]
    .map((_, index) => index)
    .filter((index) => index > 0 && /[a-z0-9]/.test(text[index] as string));
  if (positions.length === 0) return undefined;
  const at = random.pick(positions);
  const character = text[at] as string;
  switch (kind) {
    case 'missing':
      return text.slice(0, at) + text.slice(at + 1);
    case 'extra': {
      const added = random.chance(0.5) ? character : neighbourKey(random, character);
      return added === undefined ? undefined : text.slice(0, at) + added + text.slice(at);
    }
    case 'neighbour': {
      const replacement = neighbourKey(random, character);
      return replacement === undefined ? undefined : text.slice(0, at) + replacement + text.slice(at + 1);
    }
    case 'swap': {
      const next = text[at + 1];
      return next === undefined || next === character || !/[a-z0-9]/.test(next)
        ? undefined
        : text.slice(0, at) + next + character + text.slice(at + 2);
    }
  }
}

/**
 * Whether the addresses a case holds for real (the customer's, the expected suggestion) can exist:
 * a Gmail username has 6 to 30 letters, digits and dots (Google Account Help, "Create a username").
 */
function realMailboxes(item: Omit<AddressCase, 'kind'>): boolean {
  const { suggestion } = item.expect;
  const addresses = [
    ...(item.input.customer.emails ?? []),
    ...(typeof suggestion === 'string' ? [suggestion] : []),
  ];
  return addresses.every((address) => {
    const [local = '', domain] = address.split('@');
    const letters = local.replaceAll('.', '');
    return (
      !isGmail(domain ?? '') || (letters.length >= 6 && letters.length <= 30 && /^[a-z0-9.]+$/.test(local))
    );
  });
}

/** Makes up to PER_FAMILY distinct cases of one family from its own seed. */
function family(
  seed: number,
  kind: string,
  make: (random: Random, index: number) => Omit<AddressCase, 'kind'> | undefined,
): AddressCase[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const cases: AddressCase[] = [];
  for (let attempt = 0; cases.length < PER_FAMILY && attempt < PER_FAMILY * 30; attempt++) {
    const item = make(random, cases.length);
    if (!item || !realMailboxes(item)) continue;
    const key = `${item.input.entered}|${(item.input.customer.emails ?? []).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ kind, ...item });
  }
  return cases;
}

const withoutSwedishLetters = (text: string) => text.replace(/[åä]/g, 'a').replace(/ö/g, 'o');

// 1. A whole number dropped or changed: the customer leaves the number out ("maria punkt lund på
// telia"), says the year in full ("nittonhundrasjuttionio") or in short, or the salesperson puts
// the birth year where the address has another number (or another year where it has the birth year).
function numberCases(): AddressCase[] {
  return family(9101, 'number: whole number dropped or changed', (random, index) => {
    const who = person(random);
    const domain = random.pick(PROVIDERS);
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const yy = String(who.year).slice(2);
    const yyyy = String(who.year);
    const base = random.pick([
      `${who.given}${sep}${who.surname}`,
      `${who.given}${sep}${who.surname}`,
      who.given,
      `${who.given[0]}${sep}${who.surname}`,
    ]);
    // The known number: the birth year in short or in full, or another number (a street number,
    // a lucky number, a count), written straight after the name or after a dot.
    const numberKind = random.pick(['yy', 'yy', 'yyyy', 'other'] as const);
    const other = String(
      random.chance(0.3)
        ? 1 + random.int(9)
        : random.chance(0.8)
          ? 10 + random.int(90)
          : 100 + random.int(900),
    );
    const known = numberKind === 'yy' ? yy : numberKind === 'yyyy' ? yyyy : other;
    const glue =
      base === who.given || random.chance(0.2)
        ? random.pick(isGmail(domain) ? ['', '.'] : ['', '.', '_'])
        : '';
    const knownLocal = `${base}${glue}${known}`;
    const change = random.pick(['drop', 'drop', 'length', 'other'] as const);
    let enteredLocal: string;
    if (change === 'drop') enteredLocal = base;
    else if (change === 'length') {
      if (numberKind === 'yy') enteredLocal = `${base}${glue}${yyyy}`;
      else if (numberKind === 'yyyy') enteredLocal = `${base}${glue}${yy}`;
      else return undefined;
    } else {
      // Another number: the birth year when the address has another, or another year (a
      // partner's, the year of a move) when it has the birth year; every digit different, so it
      // is a different number rather than a key slip.
      let entered: string;
      if (numberKind === 'other') entered = random.chance(0.5) ? yy : yyyy;
      else {
        const otherYear = who.year + random.pick([-9, -7, -5, -4, 3, 5, 6, 8, 11]);
        entered = numberKind === 'yy' ? String(otherYear).slice(2) : String(otherYear);
      }
      const last = (text: string) => text.slice(-2);
      if ([...last(entered)].some((digit, at) => last(known)[at] === digit)) return undefined;
      if (last(entered) === [...last(known)].reverse().join('')) return undefined;
      enteredLocal = `${base}${glue}${entered}`;
    }
    if (enteredLocal === knownLocal) return undefined;
    const knownAddress = `${knownLocal}@${domain}`;
    return {
      input: {
        entered: `${enteredLocal}@${domain}`,
        customer: {
          id: `C-91${index}`,
          name: displayName(who),
          emails: [knownAddress],
          birthDate: who.birthDate,
          ...(random.chance(0.5) ? { phones: [who.phone] } : {}),
        },
      },
      expect: { notAction: 'send', suggestion: knownAddress },
    };
  });
}

// 2. Name order or separator changed: "Lund, Maria" read from a form surname first, the names
// said in the order the customer is used to, or "punkt", "understreck" and "bindestreck" mixed up.
function nameOrderCases(): AddressCase[] {
  return family(9102, 'name order: order or separator changed', (random, index) => {
    const who = person(random);
    if (who.given === who.surname) return undefined;
    const domain = random.chance(0.15) ? random.pick(EMPLOYERS) : random.pick(PROVIDERS);
    const separators = isGmail(domain) ? ['.', ''] : ['.', '.', '', '_', '-'];
    const sep = random.pick(separators);
    const number = random.pick(['', '', '', String(who.year).slice(2), String(who.year)]);
    const first = random.chance(0.12) ? (who.given[0] as string) : who.given;
    if (first.length === 1 && sep === '') return undefined;
    const knownLocal = `${first}${sep}${who.surname}${number}`;
    const change = isGmail(domain)
      ? 'order'
      : random.pick(['order', 'order', 'order and separator', 'separator'] as const);
    const otherSep = random.pick(separators.filter((s) => s !== sep));
    let enteredLocal: string;
    if (change === 'order') enteredLocal = `${who.surname}${sep}${first}${number}`;
    else if (change === 'order and separator') enteredLocal = `${who.surname}${otherSep}${first}${number}`;
    else {
      if (otherSep === '' && first.length === 1) return undefined;
      enteredLocal = `${first}${otherSep}${who.surname}${number}`;
    }
    if (enteredLocal === knownLocal) return undefined;
    const knownAddress = `${knownLocal}@${domain}`;
    return {
      input: {
        entered: `${enteredLocal}@${domain}`,
        customer: { id: `C-92${index}`, name: displayName(who), emails: [knownAddress] },
      },
      expect: { notAction: 'send', suggestion: knownAddress },
    };
  });
}

type Spelling = 'plain' | 'double' | 'native';

/** å, ä and ö as a keyboard or provider without them has them: a/a/o, aa/ae/oe, or as they are. */
function spell(text: string, choose: (letter: string) => Spelling): string {
  return text.replace(/[åäö]/g, (letter) => {
    const spelling = choose(letter);
    if (spelling === 'native') return letter;
    if (spelling === 'plain') return letter === 'ö' ? 'o' : 'a';
    return letter === 'å' ? 'aa' : letter === 'ä' ? 'ae' : 'oe';
  });
}

// 3. Swedish letters written another way: the address was made on a keyboard or at a provider
// without å, ä and ö (ake.lofgren, or bjoern.soederberg), and the customer's name is typed as
// it is written (åke.löfgren) or as the salesperson was taught to write it (aake.loefgren).
function swedishLetterCases(): AddressCase[] {
  return family(9103, 'swedish letters: å ä ö written another way', (random, index) => {
    const who = person(random, {
      english: false,
      given: random.chance(0.5) ? swedishLetterGivenNames : swedishGivenNames,
      surname: random.chance(0.8) ? swedishLetterSurnames : swedishSurnames,
    });
    const atWork = random.chance(0.25);
    const domainName = atWork ? random.pick(swedishLetterEmployers) : random.pick(PROVIDERS);
    const sep = random.pick(isGmail(domainName) ? ['.', '', '.'] : ['.', '.', '', '_']);
    const number = atWork ? '' : random.pick(['', '', String(who.year).slice(2), String(who.year)]);
    const name = random.chance(0.15)
      ? `${who.given[0]}${sep}${who.surname}`
      : `${who.given}${sep}${who.surname}`;
    // At work the letters may be only in the domain; elsewhere they must be in the name.
    if (!atWork && !/[åäö]/.test(name)) return undefined;
    const knownScheme: Spelling = random.chance(0.75) ? 'plain' : 'double';
    const knownLocal = `${spell(name, () => knownScheme)}${number}`;
    const knownDomain = spell(domainName, () => 'plain');
    // The entered spelling: one way for the whole address most often, mixed now and then.
    const enteredScheme = random.pick(
      (['plain', 'double', 'native'] as const).filter((s) => s !== knownScheme),
    );
    const mixed = random.chance(0.2);
    const choose = () => (mixed ? random.pick(['plain', 'double', 'native'] as const) : enteredScheme);
    const inDomain = atWork && (!/[åäö]/.test(name) || random.chance(0.4));
    const enteredLocal =
      inDomain && /[åäö]/.test(name) && random.chance(0.5) ? knownLocal : `${spell(name, choose)}${number}`;
    const enteredDomain = inDomain ? spell(domainName, choose) : knownDomain;
    const entered = `${enteredLocal}@${enteredDomain}`;
    const knownAddress = `${knownLocal}@${knownDomain}`;
    if (entered === knownAddress) return undefined;
    return {
      input: {
        entered,
        customer: { id: `C-93${index}`, name: displayName(who), emails: [knownAddress] },
      },
      expect: { action: 'block', suggestion: knownAddress },
    };
  });
}

/**
 * Provider names as a Swedish or English speaker writes what they hear: "gee-mail" as jimejl,
 * "Comhem" as kommhemm, "iCloud" as ajkloud. Each is two or more slips from the real name,
 * except `aicloud` and `telja`, written as heard all the same.
 */
const HEARD: readonly (readonly [real: string, heard: readonly string[]])[] = [
  [
    'gmail.com',
    [
      'jimejl',
      'dschimejl',
      'gimejl',
      'jimail',
      'gmejl',
      'dzjimejl',
      'jiimejl',
      'geemail',
      'jeemail',
      'gemejl',
      'gmale',
    ],
  ],
  [
    'hotmail.com',
    ['hotmejl', 'houtmejl', 'hottmejl', 'hotmeijl', 'hatmejl', 'hotmeel', 'hotmale', 'håtmejl'],
  ],
  ['hotmail.se', ['hotmejl', 'houtmejl', 'hottmejl', 'hotmäjl', 'håtmejl']],
  ['outlook.com', ['outluk', 'autluk', 'autlok', 'outluck', 'aoutluk', 'autluck']],
  ['outlook.se', ['outluk', 'autluk', 'autlok']],
  ['yahoo.com', ['jaahoo', 'jahu', 'yahu', 'jaho', 'jaahu', 'yaahu']],
  ['yahoo.se', ['jaahoo', 'jahu', 'jaho']],
  ['icloud.com', ['aicloud', 'ajkloud', 'aikloud', 'ajcloud', 'aiclaud', 'eyecloud']],
  ['telia.com', ['telja', 'tellja', 'teelja', 'tiilia', 'thelja']],
  ['comhem.se', ['kommhemm', 'komhemm', 'kumhem', 'kommhem', 'kåmhem']],
  ['bredband.net', ['brebann', 'breedbann', 'brebbann', 'breddbann']],
  ['spray.se', ['sprej', 'sprei', 'spräj', 'sprejj']],
  ['bahnhof.se', ['banhoff', 'baanhov', 'banhov', 'baanhoff']],
  ['live.se', ['lajv', 'lajve', 'laiv']],
  ['protonmail.com', ['protonmejl', 'prottonmejl', 'protånmejl']],
];

// 4. Provider names spelled by ear, for a new customer (nothing on record) and a known one.
function providerByEarCases(): AddressCase[] {
  return family(9104, 'provider by ear: provider names spelled as heard', (random, index) => {
    const who = person(random);
    const [real, heard] = random.pick(HEARD);
    const spelling = random.pick(heard);
    const dot = real.indexOf('.');
    const local = random.pick([
      `${who.given}.${who.surname}`,
      `${who.given}${who.surname}`,
      `${who.given}.${who.surname}${String(who.year).slice(2)}`,
      `${who.given}${String(who.year)}`,
      `${who.given[0]}${who.surname}`,
    ]);
    const entered = `${local}@${spelling}${real.slice(dot)}`;
    const right = `${local}@${real}`;
    const record = random.pick(['new', 'new', 'same', 'other'] as const);
    const customer =
      record === 'new'
        ? { id: `C-94${index}` }
        : {
            id: `C-94${index}`,
            name: displayName(who),
            emails: [record === 'same' ? right : `${who.given}.${who.surname}@${random.pick(EMPLOYERS)}`],
          };
    return {
      input: { entered, customer },
      expect: { action: 'block', code: 'domain-typo', suggestion: right },
    };
  });
}

// 5. Pasted or dictated formats: from a mail program's address field, a mailto link, a web page
// that hides the @, a chat message, or typed as the customer said it.
function pastedCases(): AddressCase[] {
  return family(9105, 'pasted: pasted or dictated formats', (random, index) => {
    const who = person(random);
    const domain = random.chance(0.15) ? random.pick(EMPLOYERS) : random.pick(PROVIDERS);
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const number = random.pick(['', '', String(who.year).slice(2), String(who.year)]);
    const knownLocal = `${who.given}${sep}${who.surname}${number}`;
    const knownAddress = `${knownLocal}@${domain}`;
    const record = random.pick(['new', 'known', 'known', 'slip'] as const);
    // Where the text holds one slip of the known address, the known address is the right one.
    const local =
      record === 'slip'
        ? slip(random, knownLocal, random.pick(['missing', 'neighbour', 'swap'] as const))
        : knownLocal;
    if (local === undefined || (record === 'slip' && local === knownLocal)) return undefined;
    const held = `${local}@${domain}`;
    const [host, ...rest] = domain.split('.');
    const ending = rest.join('.');
    const spokenLocal = (word: string) => (random.chance(0.3) ? local.replaceAll('.', ` ${word} `) : local);
    // A mail program shows the name as the sender wrote it, with å, ä and ö.
    const [given, surname] = displayName(who).split(' ') as [string, string];
    const formats = [
      () => `mailto:${held}`,
      () => `mailto:${held}?subject=${random.pick(['Order', 'Best%C3%A4llning', 'Offert'])}`,
      () => `"${surname}, ${given}" <${held}>`,
      () => `${given} ${surname} <${held}>`,
      () => `"${given} ${surname}" <${held}>`,
      () => `<${held}>`,
      () => `${local}(at)${domain}`,
      () => `${local} (at) ${domain}`,
      () => `${local}[at]${domain}`,
      () => `${local} [at] ${host} [dot] ${ending}`,
      () => `${spokenLocal('dot')} at ${host} dot ${ending}`,
      () => `${spokenLocal('punkt')} snabel-a ${host} punkt ${ending}`,
      () => `${local} ${random.pick(['snabel-a', 'snabela'])} ${domain}`,
      () => `${given} ${surname} ${held}`,
      () => `${held} (${random.pick(['privat', 'jobb', 'home', 'work'])})`,
      () => `${local} @ ${domain}`,
      () => `${held}.`,
      () => `${held},`,
      () => `${held};`,
      () => `(${held})`,
      () => `${random.pick(['E-post: ', 'Mail: ', 'Email: ', 'e-post '])}${held}`,
    ];
    const entered = random.pick(formats)();
    return {
      input: {
        entered,
        customer:
          record === 'new'
            ? { id: `C-95${index}` }
            : { id: `C-95${index}`, name: displayName(who), emails: [knownAddress] },
      },
      expect: {
        action: 'block',
        code: 'invalid-address',
        suggestion: record === 'slip' ? knownAddress : held,
      },
    };
  });
}

// 6. Household members: the customer gives the spouse's or a child's mailbox, whose first name is
// one slip from the customer's own (Jan and Jana Nyberg, Lena and Lina Holm).
function householdCases(): AddressCase[] {
  const pairs = firstNamePairs.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]);
  return family(9106, 'household: another first name of the family', (random, index) => {
    const [own, other] = random.pick(pairs) as [string, string];
    const who = person(random, { given: [own], english: random.chance(0.15) });
    const domain = random.pick(PROVIDERS);
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const yy = String(who.year).slice(2);
    const pattern = random.pick(['name', 'name yy', 'name yy', 'name yyyy', 'given yy'] as const);
    const local = (given: string) =>
      pattern === 'name'
        ? `${given}${sep}${who.surname}`
        : pattern === 'name yy'
          ? `${given}${sep}${who.surname}${yy}`
          : pattern === 'name yyyy'
            ? `${given}${sep}${who.surname}${who.year}`
            : `${given}${yy}`;
    const knownAddress = `${local(own)}@${domain}`;
    const entered = `${local(other)}@${domain}`;
    if (slips(knownAddress, entered) !== 1) return undefined;
    return {
      input: {
        entered,
        customer: {
          id: `C-96${index}`,
          name: displayName(who),
          emails: [knownAddress],
          ...(random.chance(0.5) ? { birthDate: who.birthDate } : {}),
        },
      },
      expect: { action: 'confirm' },
    };
  });
}

/** Slips in an ending, as typed (keys swapped, missed, doubled, a neighbour) or misheard. */
const ENDING_SLIPS: Readonly<Record<string, readonly string[]>> = {
  se: ['es', 'es', 'nu', 'nu', 'sw', 's', 'see', 'ser'],
  com: ['co', 'cm', 'con', 'ocm', 'cpm', 'vom', 'xom', 'comm', 'om', 'cim', 'coom'],
  net: ['ne', 'nte', 'nett', 'bet', 'met'],
};

// 7. A slip in the ending of a known address (the customer's record has the right one).
function endingCases(): AddressCase[] {
  return family(9107, 'ending: slip in the ending of a known address', (random, index) => {
    const who = person(random);
    const domain = random.chance(0.25) ? random.pick(EMPLOYERS) : random.pick(PROVIDERS);
    const ending = domain.slice(domain.lastIndexOf('.') + 1);
    const choices = ENDING_SLIPS[ending];
    if (!choices) return undefined;
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const number = random.pick(['', '', String(who.year).slice(2), String(who.year)]);
    const knownAddress = `${who.given}${sep}${who.surname}${number}@${domain}`;
    const entered = `${knownAddress.slice(0, knownAddress.lastIndexOf('.') + 1)}${random.pick(choices)}`;
    const emails = random.chance(0.25)
      ? [knownAddress, `${who.given[0]}${who.surname}@${random.pick(EMPLOYERS)}`]
      : [knownAddress];
    return {
      input: { entered, customer: { id: `C-97${index}`, name: displayName(who), emails } },
      expect: { action: 'block', suggestion: knownAddress },
    };
  });
}

const ALL_NAMES = new Set([
  ...swedishGivenNames,
  ...swedishSurnames,
  ...englishGivenNames,
  ...englishSurnames,
]);

// 8. Two slips in a local part shorter than ten characters (lnilssno for lnilsson): typed fast
// from a note, two keys swapped and one missed, or two neighbours hit.
function twoSlipCases(): AddressCase[] {
  return family(9108, 'two slips: two slips in a short local part', (random, index) => {
    const who = person(random);
    const domain = random.pick(PROVIDERS);
    const yy = String(who.year).slice(2);
    const knownLocal = random.pick([
      `${who.given[0]}${who.surname}`,
      `${who.given[0]}${who.surname}`,
      `${who.given}${who.surname[0]}`,
      `${who.given}${yy}`,
      `${who.surname}${yy}`,
      `${who.given}${who.surname}`,
      `${who.given[0]}.${who.surname}`,
    ]);
    if (knownLocal.length < 5 || knownLocal.length >= 10) return undefined;
    const [firstSlip, secondSlip] = random.pick([
      ['swap', 'missing'],
      ['swap', 'missing'],
      ['neighbour', 'neighbour'],
      ['swap', 'neighbour'],
      ['missing', 'neighbour'],
      ['extra', 'swap'],
      ['missing', 'missing'],
      ['extra', 'neighbour'],
    ] as const);
    const once = slip(random, knownLocal, firstSlip);
    const twice = once === undefined ? undefined : slip(random, once, secondSlip);
    if (twice === undefined || slips(twice, knownLocal) !== 2) return undefined;
    // Leave out slips that make another real name: those may be someone else's address.
    const parts = twice.split(/[^a-z]+/).filter(Boolean);
    const knownParts = new Set(knownLocal.split(/[^a-z]+/));
    if (parts.some((part) => !knownParts.has(part) && ALL_NAMES.has(part))) return undefined;
    const knownAddress = `${knownLocal}@${domain}`;
    return {
      input: {
        entered: `${twice}@${domain}`,
        customer: { id: `C-98${index}`, name: displayName(who), emails: [knownAddress] },
      },
      expect: { action: 'confirm', suggestion: knownAddress },
    };
  });
}

/**
 * Letters typed for digits: one that looks like the digit (l or I for 1, o for 0, s for 5, B for
 * 8, g for 9, z for 2) or the letter key just under the digit key on a QWERTY keyboard (e under
 * 3, o under 9, i under 8).
 */
const LETTERS_FOR_DIGITS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o', 'o', 'O', 'p'],
  '1': ['l', 'l', 'I', 'i', 'q'],
  '2': ['z', 'w'],
  '3': ['e', 'e', 'E'],
  '4': ['r'],
  '5': ['s', 'S', 't'],
  '6': ['b', 'y'],
  '7': ['u'],
  '8': ['B', 'i'],
  '9': ['g', 'o', 'q'],
};

// 9. Letters for digits inside a number that is the customer's birth year, birth date or phone.
function lettersForDigitsCases(): AddressCase[] {
  return family(9109, 'letters for digits: letters typed for digits in a number', (random, index) => {
    const who = person(random, { english: random.chance(0.15) });
    const domain = random.pick(PROVIDERS);
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const source = random.pick(['yyyy', 'yyyy', 'yyyy', 'yy', 'date', 'phone'] as const);
    if (source === 'phone' && who.english) return undefined;
    const date = who.birthDate.replaceAll('-', '');
    const number =
      source === 'yyyy'
        ? String(who.year)
        : source === 'yy'
          ? String(who.year).slice(2)
          : source === 'date'
            ? date.slice(2)
            : who.phoneDigits;
    const name = random.pick([
      `${who.given}${sep}${who.surname}`,
      `${who.given}${sep}${who.surname}`,
      who.given,
    ]);
    const glue =
      source === 'phone' || random.chance(0.2)
        ? random.pick(isGmail(domain) ? ['.', ''] : ['.', '_', ''])
        : '';
    // One digit (sometimes two) becomes a letter; at least one digit stays.
    const digits = [...number];
    const positions = digits.map((_, at) => at).filter((at) => LETTERS_FOR_DIGITS[digits[at] as string]);
    const count = number.length > 2 && random.chance(0.2) ? 2 : 1;
    for (let n = 0; n < count; n++) {
      const at = random.pick(positions);
      const letters = LETTERS_FOR_DIGITS[digits[at] as string];
      if (letters) digits[at] = random.pick(letters);
    }
    if (!digits.some((c) => /[0-9]/.test(c))) return undefined;
    const typed = digits.join('');
    if (typed === number) return undefined;
    const entered = `${name}${glue}${typed}@${domain}`;
    const record = random.pick(['none', 'other', 'other'] as const);
    const emails =
      record === 'none'
        ? undefined
        : [
            random.pick([
              `${who.given[0]}${who.surname}@${random.pick(EMPLOYERS)}`,
              `${who.given}.${who.surname}@${random.pick(EMPLOYERS)}`,
            ]),
          ];
    const phones = source === 'phone' || random.chance(0.5) ? [who.phone] : undefined;
    return {
      input: {
        entered,
        customer: {
          id: `C-99${index}`,
          name: displayName(who),
          birthDate: who.birthDate,
          ...(emails ? { emails } : {}),
          ...(phones ? { phones } : {}),
        },
      },
      expect: { code: 'number-mismatch', notAction: 'send' },
    };
  });
}

/** Addresses that look nothing like a name: hobbies, pets, family and nicknames. */
const NICKNAMES = [
  'kattmamman',
  'fiskaren',
  'seglaren',
  'golfaren',
  'hastflickan',
  'fotbollsmamma',
  'skogsmulle',
  'trädgårdsnisse',
  'hundpappa',
  'bilnisse',
  'stugan',
  'sommarbarn',
  'norrlanningen',
  'vandraren',
  'musikdjur',
  'runner',
  'gardenlover',
  'bookworm',
  'blueeyes',
  'sunshine',
];

// 10. Genuinely new addresses of a known customer: a work address, another provider with another
// pattern, a family member's address with another name, a nickname address, a small provider.
function newAddressCases(): AddressCase[] {
  return family(9110, 'new address: genuinely new (second set)', (random, index) => {
    const who = person(random);
    const domain = random.pick(PROVIDERS);
    const yy = String(who.year).slice(2);
    const sep = random.pick(isGmail(domain) ? ['.', ''] : ['.', '.', '', '_']);
    const known = [`${who.given}${sep}${who.surname}${random.pick(['', yy])}@${domain}`];
    if (random.chance(0.3)) known.push(`${who.given[0]}${who.surname}@${random.pick(PROVIDERS)}`);
    const kind = random.pick([
      'work',
      'work',
      'provider',
      'provider',
      'family',
      'family',
      'nickname',
      'small',
    ] as const);
    let entered: string;
    if (kind === 'work') {
      const employer = random.chance(0.3)
        ? withoutSwedishLetters(random.pick(swedishLetterEmployers))
        : random.pick(EMPLOYERS);
      entered = `${random.pick([`${who.given}.${who.surname}`, `${who.given[0]}${who.surname}`, `${who.given}.${who.surname[0]}`, who.given])}@${employer}`;
    } else if (kind === 'provider') {
      const other = random.pick(PROVIDERS.filter((p) => p !== domain));
      entered = `${random.pick([`${who.surname}.${who.given[0]}`, `${who.given}${who.year}`, `${who.given[0]}${who.surname}${yy}`, `${who.surname}${who.given}`, `${who.given}.${who.surname}.${random.int(90) + 10}`])}@${other}`;
    } else if (kind === 'family') {
      const relative = random.pick(who.english ? englishGivenNames : swedishGivenNames);
      if (slips(relative, who.given) < 3) return undefined;
      entered = `${random.pick([`${relative}.${who.surname}`, `${relative}${who.surname}`, `${relative}.${who.surname}${random.int(90) + 10}`, who.english ? `the${who.surname}s` : `familjen${who.surname}`, `${who.surname}s`])}@${random.chance(0.5) ? domain : random.pick(PROVIDERS)}`;
    } else if (kind === 'nickname') {
      entered = `${withoutSwedishLetters(random.pick(NICKNAMES))}${random.pick(['', yy, String(random.int(90) + 10)])}@${random.pick(PROVIDERS)}`;
    } else {
      const small = random.pick([
        'me.com',
        'mac.com',
        'pm.me',
        'tele2.se',
        'telenor.se',
        'ownit.nu',
        'tyfon.se',
        'glocalnet.net',
        'ymail.com',
        'gmx.com',
        'mail.com',
        'email.com',
        'aol.com',
        'hotmail.co.uk',
        'yahoo.co.uk',
        'btinternet.com',
        'proton.me',
      ]);
      entered = `${random.pick([`${who.given}.${who.surname}`, `${who.given}${who.surname}`, `${who.given[0]}.${who.surname}`])}@${small}`;
    }
    if (isGmail(entered.slice(entered.indexOf('@') + 1)) && /[_-]/.test(entered)) return undefined;
    if (known.some((address) => slips(address, entered) < 3)) return undefined;
    return {
      input: {
        entered,
        customer: {
          id: `C-90${index}`,
          name: displayName(who),
          emails: known,
          ...(random.chance(0.5) ? { birthDate: who.birthDate } : {}),
          ...(random.chance(0.3) ? { phones: [who.phone] } : {}),
        },
      },
      expect: { notAction: 'block' } satisfies Expectation,
    };
  });
}

/** Every case of the nine confusion families and the second set of genuinely new addresses. */
export function confusionCases(): AddressCase[] {
  return [
    ...numberCases(),
    ...nameOrderCases(),
    ...swedishLetterCases(),
    ...providerByEarCases(),
    ...pastedCases(),
    ...householdCases(),
    ...endingCases(),
    ...twoSlipCases(),
    ...lettersForDigitsCases(),
    ...newAddressCases(),
  ];
}
