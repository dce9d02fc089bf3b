/**
 * The generated evaluation set of the recipient check: realistic Swedish and English customers,
 * their known addresses, and what a salesperson types. Every case says what a right verdict is.
 */
import { mailboxKey } from '../src/address/mailbox-key.js';
import { parseAddress } from '../src/address/parse-address.js';
import type { Customer } from '../src/contacts/customer.js';
import type { Action, FindingCode } from '../src/guard/verdict.js';
import { defaultMailboxProviders } from '../src/matching/data/mailbox-providers.js';
import { editDistance } from '../src/matching/edit-distance.js';
import {
  englishGivenNames,
  englishSurnames,
  privateProviders,
  realLessCommonDomains,
  swedishGivenNames,
  swedishSurnames,
  webmailCountryDomains,
} from './names.js';
import { createRandom, type Random } from './random.js';

/** What a right verdict is for one case. Every stated expectation must hold. */
export interface Expectation {
  readonly action?: Action;
  readonly notAction?: Action;
  readonly code?: FindingCode;
  readonly notCode?: FindingCode;
  /** The suggestion that must be given; `null`: none may be given. */
  readonly suggestion?: string | null;
  /** The address a finding of `code` must name (to staff: `revealOtherCustomers`). */
  readonly known?: string;
}

export interface AddressCase {
  readonly kind: string;
  readonly input: { readonly entered: string; readonly customer: Customer };
  readonly expect: Expectation;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbourKey(random: Random, character: string): string {
  for (let row = 0; row < KEYBOARD_ROWS.length; row++) {
    const keys = KEYBOARD_ROWS[row] as string;
    const column = keys.indexOf(character);
    if (column === -1) continue;
    const options = [keys[column - 1], keys[column + 1]].filter((key): key is string => Boolean(key));
    return random.pick(options);
  }
  return character;
}

type Slip = 'missing' | 'extra' | 'neighbour' | 'swap';

/** One typing slip somewhere in `text` (never on the first character of a local part, rarely slipped). */
function slip(
  random: Random,
  text: string,
  kind: Slip,
  where?: (index: number) => boolean,
): string | undefined {
  const positions = [...text]
    .map((_, index) => index)
    .filter((index) => index > 0 && (where?.(index) ?? true));
  if (positions.length === 0) return undefined;
  const at = random.pick(positions);
  const character = text[at] as string;
  switch (kind) {
    case 'missing':
      return text.slice(0, at) + text.slice(at + 1);
    case 'extra':
      return (
        text.slice(0, at) +
        (random.chance(0.5) ? character : neighbourKey(random, character)) +
        text.slice(at)
      );
    case 'neighbour': {
      const replacement = neighbourKey(random, character);
      return replacement === character ? undefined : text.slice(0, at) + replacement + text.slice(at + 1);
    }
    case 'swap':
      return at + 1 < text.length && text[at + 1] !== character
        ? text.slice(0, at) + text[at + 1] + character + text.slice(at + 2)
        : undefined;
  }
}

interface Person {
  readonly given: string;
  readonly surname: string;
  readonly birthDate: string;
  readonly english: boolean;
}

function person(random: Random): Person {
  const english = random.chance(0.3);
  const year = 1940 + random.int(66);
  const month = String(1 + random.int(12)).padStart(2, '0');
  const day = String(1 + random.int(28)).padStart(2, '0');
  return {
    given: random.pick(english ? englishGivenNames : swedishGivenNames),
    surname: random.pick(english ? englishSurnames : swedishSurnames),
    birthDate: `${year}-${month}-${day}`,
    english,
  };
}

/** How people build their private address from their name (and often their birth year). */
function privateLocal(random: Random, who: Person): string {
  const year = who.birthDate.slice(0, 4);
  const patterns = [
    `${who.given}.${who.surname}`,
    `${who.given}.${who.surname}${year}`,
    `${who.given}${who.surname}${year.slice(2)}`,
    `${who.given}_${who.surname}`,
    `${who.given}.${who.surname}${random.int(90) + 10}`,
    `${who.given}${year}`,
    `${who.given[0]}.${who.surname}${year}`,
    `${who.surname}.${who.given}`,
  ];
  return random.pick(patterns);
}

/** Another pattern, at another domain: a work address or a second private one. */
function otherLocal(random: Random, who: Person, avoid: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = random.pick([
      `${who.given[0]}${who.surname}`,
      `${who.given}.${who.surname[0]}`,
      `${who.surname}${who.given[0]}`,
      `${who.given[0]}.${who.surname}`,
      `${who.given}`,
      `${who.surname}.${who.given}.${random.int(900) + 100}`,
      `${who.given}${who.surname}.work`,
    ]);
    if (editDistance(candidate, avoid) >= 3) return candidate;
  }
  return `${who.surname}.${who.given}.private`;
}

function customerOf(id: number, who: Person, emails: string[]): Customer {
  return {
    id: `C-${100000 + id}`,
    name: `${who.given} ${who.surname}`,
    emails,
    birthDate: who.birthDate,
    ...(who.english ? { country: 'GB' } : {}),
  };
}

const providerDomains = new Set(defaultMailboxProviders.flatMap((provider) => provider.domains));
const slipKinds: readonly Slip[] = ['missing', 'extra', 'neighbour', 'swap'];
const lookalikes: Readonly<Record<string, string>> = {
  a: '\u0430',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  c: '\u0441',
  i: '\u0456',
  x: '\u0445',
  y: '\u0443',
};

/**
 * Generates the evaluation set: `perKind` cases of each kind, the same for the same seed.
 */
export function generateAddressCases(options: { seed?: number; perKind?: number } = {}): AddressCase[] {
  const random = createRandom(options.seed ?? 20180223);
  const perKind = options.perKind ?? 200;
  const cases: AddressCase[] = [];
  let id = 0;
  const knownCustomer = () => {
    const who = person(random);
    const address = `${privateLocal(random, who)}@${random.pick(privateProviders)}`;
    return { who, address, customer: customerOf(id++, who, [address]) };
  };
  const keyOf = (address: string) => {
    const parsed = parseAddress(address);
    return parsed.ok ? mailboxKey(parsed.address).key : undefined;
  };
  const repeat = (make: () => AddressCase | undefined) => {
    let made = 0;
    for (let attempt = 0; made < perKind && attempt < perKind * 20; attempt++) {
      const item = make();
      if (item) {
        cases.push(item);
        made++;
      }
    }
  };

  // A known address with a digit missing: the case this library exists for.
  repeat(() => {
    const { who, customer } = knownCustomer();
    const local = `${who.given}.${who.surname}${who.birthDate.slice(0, 4)}`;
    const known = `${local}@${random.pick(privateProviders)}`;
    const typed = slip(random, local, 'missing', (index) => /\d/.test(local[index] as string));
    if (!typed) return undefined;
    return {
      kind: 'typo: digit missing from a known address',
      input: { entered: `${typed}@${known.split('@')[1]}`, customer: { ...customer, emails: [known] } },
      expect: { action: 'block', code: 'near-miss', suggestion: known },
    };
  });

  // Any one slip in the local part of a known address.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const typed = slip(random, local, random.pick(slipKinds));
    if (!typed || !/^[a-z0-9]/.test(typed) || /\.\.|\.$|_$/.test(typed)) return undefined;
    const entered = `${typed}@${domain}`;
    if (keyOf(entered) === keyOf(address)) return undefined;
    return {
      kind: 'typo: one slip in a known address',
      input: { entered, customer },
      expect: { action: 'block', code: 'near-miss', suggestion: address },
    };
  });

  // A slip in the very first character, and two slips in a long address typed from dictation.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const first = local[0] as string;
    const typed = random.chance(0.5) ? neighbourKey(random, first) + local.slice(1) : local.slice(1);
    if (typed === local || !/^[a-z0-9]/.test(typed)) return undefined;
    const entered = `${typed}@${domain}`;
    if (keyOf(entered) === keyOf(address)) return undefined;
    return {
      kind: 'typo: a slip in the first character',
      input: { entered, customer },
      expect: { action: 'block', code: 'near-miss', suggestion: address },
    };
  });
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    if (local.length < 10) return undefined;
    const once = slip(random, local, random.pick(slipKinds));
    const twice = once && slip(random, once, random.pick(slipKinds));
    if (!twice || !/^[a-z0-9]/.test(twice) || /\.\.|\.$|_$/.test(twice)) return undefined;
    const entered = `${twice}@${domain}`;
    if (keyOf(entered) === keyOf(address) || editDistance(twice, local) !== 2) return undefined;
    return {
      kind: 'two slips in a long known address',
      input: { entered, customer },
      expect: { action: 'block', code: 'near-miss', suggestion: address },
    };
  });

  // A mistyped ending of a known address.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const ending = domain.slice(domain.indexOf('.') + 1);
    const typos: Record<string, string[]> = {
      com: ['con', 'cm', 'co', 'comm', 'cpm', 'vom', 'ocm'],
      se: ['sw', 'sr', 'es', 'see', 'de'],
    };
    const options = typos[ending];
    if (!options) return undefined;
    const typedDomain = `${domain.slice(0, domain.indexOf('.'))}.${random.pick(options)}`;
    if (providerDomains.has(typedDomain)) return undefined;
    return {
      kind: 'typo: mistyped ending of a known address',
      input: { entered: `${local}@${typedDomain}`, customer },
      expect: { action: 'block', code: 'near-miss', suggestion: address },
    };
  });

  // One slip in the provider domain of a known address.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const name = domain.split('.')[0] as string;
    if (name.length < 5) return undefined;
    const typedName = slip(random, name, random.pick(slipKinds));
    if (!typedName) return undefined;
    const typedDomain = typedName + domain.slice(name.length);
    if (providerDomains.has(typedDomain)) return undefined;
    return {
      kind: 'typo: one slip in the domain of a known address',
      input: { entered: `${local}@${typedDomain}`, customer },
      expect: { action: 'block', suggestion: address },
    };
  });

  // A new customer's address at a mistyped provider domain or ending.
  repeat(() => {
    const who = person(random);
    const local = privateLocal(random, who);
    const domain = random.pick(privateProviders);
    const name = domain.split('.')[0] as string;
    let typedDomain: string | undefined;
    if (random.chance(0.3)) {
      const ending = domain.slice(name.length + 1);
      const typos: Record<string, string[]> = {
        com: ['con', 'cm', 'comm', 'cpm', 'vom', 'ocm'],
        se: ['sw', 'sr', 'es', 'see'],
      };
      const options = typos[ending];
      if (!options) return undefined;
      typedDomain = `${name}.${random.pick(options)}`;
    } else {
      if (name.length < 5) return undefined;
      const typedName = slip(random, name, random.pick(slipKinds));
      typedDomain = typedName ? typedName + domain.slice(name.length) : undefined;
    }
    if (!typedDomain || providerDomains.has(typedDomain)) return undefined;
    return {
      kind: 'domain typo: new customer at a mistyped provider',
      input: { entered: `${local}@${typedDomain}`, customer: customerOf(id++, who, []) },
      expect: { action: 'block', code: 'domain-typo', suggestion: `${local}@${domain}` },
    };
  });

  // The known address itself, and the same mailbox spelt differently.
  repeat(() => {
    const { address, customer } = knownCustomer();
    return {
      kind: 'exact: the known address',
      input: { entered: address, customer },
      expect: { action: 'send', code: 'exact-match' },
    };
  });
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const variants = [
      ` ${address} `,
      address.toUpperCase(),
      `${local[0]?.toUpperCase()}${local.slice(1)}@${domain}`,
    ];
    if (domain === 'gmail.com') {
      variants.push(
        `${local.replaceAll('.', '')}@gmail.com`,
        `${local}+order@gmail.com`,
        `${local}@googlemail.com`,
      );
    }
    if (/^(hotmail|outlook|live)\./.test(domain)) variants.push(`${local}+shop@${domain}`);
    const entered = random.pick(variants.filter((variant) => variant !== address));
    if (!entered) return undefined;
    return {
      kind: 'same mailbox: case, spaces, dots, +tag, alias domain',
      input: { entered, customer },
      expect: { action: 'send', code: 'same-mailbox' },
    };
  });

  // A genuinely new address of a known customer: another pattern at another domain.
  repeat(() => {
    const { who, address, customer } = knownCustomer();
    const [local] = address.split('@') as [string];
    const domain = random.chance(0.5) ? random.pick(realLessCommonDomains) : random.pick(privateProviders);
    if (address.endsWith(`@${domain}`)) return undefined;
    return {
      kind: 'new address: known customer, another pattern elsewhere',
      input: { entered: `${otherLocal(random, who, local)}@${domain}`, customer },
      expect: { notAction: 'block' },
    };
  });

  // A second mailbox at the same provider: the same name with a number added. Two edits away, like
  // a double typo, but a whole number is added on purpose: it is to be confirmed, not blocked.
  repeat(() => {
    const { who, customer } = knownCustomer();
    const domain = random.pick(['gmail.com', 'hotmail.se', 'outlook.com']);
    const known = `${who.given}.${who.surname}@${domain}`;
    const second = `${who.given}.${who.surname}${random.int(90) + 10}@${domain}`;
    return {
      kind: 'new address: same name and provider, a number added',
      input: { entered: second, customer: { ...customer, emails: [known] } },
      expect: { notAction: 'block' },
    };
  });

  // A new customer with any realistic address, at a real less common domain or a provider.
  repeat(() => {
    const who = person(random);
    const domain = random.chance(0.6) ? random.pick(realLessCommonDomains) : random.pick(privateProviders);
    return {
      kind: 'new address: new customer',
      input: { entered: `${privateLocal(random, who)}@${domain}`, customer: customerOf(id++, who, []) },
      expect: { notAction: 'block', notCode: 'domain-typo' },
    };
  });

  // Every real less common domain, never flagged.
  for (const domain of realLessCommonDomains) {
    const who = person(random);
    cases.push({
      kind: 'real domain: never corrected',
      input: { entered: `${who.given}.${who.surname}@${domain}`, customer: customerOf(id++, who, []) },
      expect: { action: 'confirm', notCode: 'domain-typo', suggestion: null },
    });
  }
  // A webmail brand's own country domains, never moved to another country (a fixed name, so the
  // seeded cases of every other kind stay the same).
  for (const domain of webmailCountryDomains) {
    cases.push({
      kind: 'real domain: never corrected',
      input: {
        entered: `sara.ahmed@${domain}`,
        customer: { id: `C-${100000 + id++}`, name: 'Sara Ahmed', emails: [] },
      },
      expect: { action: 'confirm', notCode: 'domain-typo', suggestion: null },
    });
  }

  // The same local part at another provider: most likely someone else's mailbox.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const other = random.pick(privateProviders);
    if (other === domain || (other === 'gmail.com' && local.includes('.'))) return undefined;
    return {
      kind: 'sibling domain: same name at another provider',
      input: { entered: `${local}@${other}`, customer },
      expect: { action: 'confirm', code: 'sibling-domain', suggestion: address },
    };
  });

  // Look-alike characters from another script.
  repeat(() => {
    const who = person(random);
    const local = privateLocal(random, who);
    const domain = random.pick(privateProviders);
    const address = `${local}@${domain}`;
    const positions = [...address]
      .map((c, index) => (lookalikes[c] ? index : -1))
      .filter((index) => index >= 0);
    if (positions.length === 0) return undefined;
    const at = random.pick(positions);
    const entered = address.slice(0, at) + lookalikes[address[at] as string] + address.slice(at + 1);
    return {
      kind: 'confusable: a letter from another script',
      input: { entered, customer: customerOf(id++, who, []) },
      expect: { action: 'block', code: 'confusable-characters', suggestion: address },
    };
  });

  // Strings that are not one usable address.
  repeat(() => {
    const { address, customer } = knownCustomer();
    const [local, domain] = address.split('@') as [string, string];
    const broken = random.pick([
      `${local}${domain}`,
      `${local}@@${domain}`,
      `${local} @${domain}`,
      `${local}@${domain}.`,
      `.${local}@${domain}`,
      `${local}@${domain}\r\nBcc: list@example.com`,
      `${customer.name} <${address}>`,
      `${address}, ${address}`,
      `${local}@${domain.split('.')[0]}`,
      `${local}@`,
    ]);
    return {
      kind: 'invalid: not one usable address',
      input: { entered: broken, customer },
      expect: { action: 'block', code: 'invalid-address' },
    };
  });

  // Digits that are a slip of the customer's birth year, and the right ones.
  repeat(() => {
    const who = person(random);
    const year = who.birthDate.slice(0, 4);
    const typed = random.pick([
      slip(random, year, 'missing'),
      slip(random, year, 'swap'),
      year.slice(0, 2) + year[2] + year[2] + year.slice(3),
    ]);
    if (!typed || typed === year || typed.length < 3) return undefined;
    return {
      kind: 'number mismatch: birth year mistyped',
      input: {
        entered: `${who.given}.${who.surname}${typed}@${random.pick(privateProviders)}`,
        customer: customerOf(id++, who, []),
      },
      expect: { action: 'confirm', code: 'number-mismatch' },
    };
  });
  repeat(() => {
    const who = person(random);
    const year = who.birthDate.slice(0, 4);
    const digits = random.pick([year, year.slice(2)]);
    return {
      kind: 'number: the right birth year raises nothing',
      input: {
        entered: `${who.given}.${who.surname}${digits}@${random.pick(privateProviders)}`,
        customer: customerOf(id++, who, []),
      },
      expect: { action: 'confirm', notCode: 'number-mismatch' },
    };
  });

  return cases;
}
