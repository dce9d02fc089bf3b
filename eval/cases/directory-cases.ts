/**
 * Directory cases for `npm run eval` (kind `directory`).
 *
 * Each case is `{ kind, name, input, expect }`: `input` is exactly what `checkRecipient` takes,
 * including a `directory` built once from seeded synthetic customers (Swedish and English names)
 * and shared by every case; `expect.action` is the verdict's action, `expect.code` a finding code
 * the verdict must contain, and `expect.suggestion`, when given, the verdict's suggestion.
 *
 * Covered: another customer's address typed as is or in another spelling of the same mailbox
 * (confirm, `belongs-to-other-customer`); a duplicate record (same name, reordered, capitalised,
 * without diacritics or with one slip) typing the existing record's address with one slip in the
 * local part or the domain (block, `near-miss-other-customer`, that address suggested); the same
 * slip by a differently named customer (confirm, `unverified-address`, no block); a customer's own
 * address, also when a household member shares it (send, `exact-match`); and new addresses nobody
 * has (confirm, `unverified-address`). Expectations are derived by a full scan with `editDistance`,
 * not by the index under test, and cases whose answer would be ambiguous are skipped.
 */
import { mailboxKey } from '../../src/address/mailbox-key.js';
import { parseAddress } from '../../src/address/parse-address.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { isSamePerson } from '../../src/contacts/is-same-person.js';
import type { CheckRecipientInput } from '../../src/guard/recipient-checker.js';
import type { Action } from '../../src/guard/verdict.js';
import { editDistance } from '../../src/matching/edit-distance.js';
import type { Expectation } from '../address-cases.js';
import { pick, seededRandom, syntheticPerson } from './synthetic-people.js';

/** One evaluation case of kind `directory`. */
export interface DirectoryCase {
  readonly kind: 'directory';
  /** The scenario, for per-scenario accuracy. */
  readonly name: string;
  readonly input: CheckRecipientInput;
  readonly expect: Pick<Expectation, 'code' | 'suggestion' | 'known'> & { readonly action: Action };
}

interface Known {
  readonly customer: Customer & { name: string; emails: string[] };
  readonly local: string;
  readonly domain: string;
  readonly key: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One slip (missing, extra, changed or swapped character) in the letters and digits of `local`. */
function slip(random: () => number, local: string): string {
  const positions = [...local].flatMap((character, i) => (/[a-z0-9]/.test(character) ? [i] : []));
  const at = pick(random, positions);
  const kind = Math.floor(random() * 4);
  const letter = pick(random, [...LETTERS]);
  if (kind === 0) return local.slice(0, at) + local.slice(at + 1);
  if (kind === 1) return local.slice(0, at) + letter + local.slice(at);
  if (kind === 2) return local.slice(0, at) + (local[at] === letter ? 'x' : letter) + local.slice(at + 1);
  const next = at + 1 < local.length ? at : at - 1;
  return (
    local.slice(0, next) +
    local.slice(next + 1, next + 2) +
    local.slice(next, next + 1) +
    local.slice(next + 2)
  );
}

/** The same person's name as another clerk would type it. */
function retype(random: () => number, given: string, surname: string): string {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
  const variants = [
    `${given} ${surname}`,
    `${surname}, ${given}`,
    `${given} ${surname}`.toUpperCase(),
    fold(`${given} ${surname}`),
    `${given} ${surname.slice(0, -1)}`,
  ];
  return pick(random, variants);
}

function keyOf(address: string): { local: string; domain: string; key: string } | undefined {
  const parsed = parseAddress(address);
  return parsed.ok ? mailboxKey(parsed.address) : undefined;
}

/**
 * At least `count` (default 360) deterministic directory cases from `seed`, over a directory of
 * `customers` (default 3000) synthetic customers.
 *
 * @example
 * ```ts
 * for (const c of directoryCases()) {
 *   const verdict = checkRecipient(c.input);
 *   const ok = verdict.action === c.expect.action;
 * }
 * ```
 */
export function directoryCases(
  options: { seed?: number; count?: number; customers?: number } = {},
): DirectoryCase[] {
  const random = seededRandom(options.seed ?? 2024);
  const target = options.count ?? 360;
  const known: Known[] = [];
  const byKey = new Map<string, Known[]>();
  for (let i = 0; known.length < (options.customers ?? 3000); i++) {
    const person = syntheticPerson(random, `K${i}`);
    const key = keyOf(person.email);
    if (!key) continue;
    const entry: Known = {
      customer: { id: person.id, name: person.name, emails: [person.email] },
      ...key,
    };
    known.push(entry);
    byKey.set(key.key, [...(byKey.get(key.key) ?? []), entry]);
  }
  // A few households: a second customer on the first one's mailbox.
  for (let i = 0; i < 40; i++) {
    const first = known[i * 7] as Known;
    const partner = syntheticPerson(random, `H${i}`);
    const entry: Known = {
      ...first,
      customer: { id: partner.id, name: partner.name, emails: first.customer.emails },
    };
    known.push(entry);
    byKey.set(first.key, [...(byKey.get(first.key) ?? []), entry]);
  }
  const directory = createDirectory(known.map((entry) => entry.customer));

  /** Known addresses one slip from `key` (same domain), found by scanning every one. */
  const near = (key: { local: string; domain: string; key: string }) =>
    known.filter(
      (entry) =>
        entry.key !== key.key &&
        ((entry.domain === key.domain && editDistance(entry.local, key.local, { maxDistance: 1 }) === 1) ||
          (entry.local === key.local && editDistance(entry.domain, key.domain, { maxDistance: 1 }) === 1)),
    );

  const cases: DirectoryCase[] = [];
  const add = (name: string, input: DirectoryCase['input'], expect: DirectoryCase['expect']) =>
    cases.push({ kind: 'directory', name, input, expect });
  let n = 0;
  const scenarios = [
    'other-customers-address',
    'other-customers-mailbox-spelling',
    'duplicate-with-typo',
    'duplicate-with-domain-typo',
    'typo-of-stranger',
    'own-address',
    'own-household-address',
    'new-address',
  ] as const;
  for (let attempt = 0; cases.length < target && attempt < target * 20; attempt++) {
    const scenario = scenarios[attempt % scenarios.length] as (typeof scenarios)[number];
    const owner = pick(random, known.slice(0, 3000));
    const newcomer = syntheticPerson(random, `NEW-${++n}`);
    const stranger = { id: newcomer.id, name: newcomer.name };
    switch (scenario) {
      case 'other-customers-address': {
        if (isSamePerson(newcomer.name, owner.customer.name)) continue;
        add(
          scenario,
          { entered: owner.customer.emails[0] as string, customer: stranger, directory },
          { action: 'confirm', code: 'belongs-to-other-customer' },
        );
        break;
      }
      case 'other-customers-mailbox-spelling': {
        const gmail = known.slice(0, 3000).filter((entry) => entry.domain === 'gmail.com');
        const holder = pick(random, gmail);
        // Gmail ignores dots and +tags, and case is folded everywhere.
        const spelled = `${holder.local.slice(0, 2).toUpperCase()}.${holder.local.slice(2)}+order@googlemail.com`;
        if (isSamePerson(newcomer.name, holder.customer.name)) continue;
        add(
          scenario,
          { entered: spelled, customer: stranger, directory },
          { action: 'confirm', code: 'belongs-to-other-customer' },
        );
        break;
      }
      case 'duplicate-with-typo':
      case 'duplicate-with-domain-typo': {
        const [given, ...rest] = (owner.customer.name as string).split(' ');
        const name = retype(random, given as string, rest.join(' '));
        const local = owner.customer.emails[0]?.split('@')[0] as string;
        const typed =
          scenario === 'duplicate-with-typo'
            ? `${slip(random, local)}@${owner.domain}`
            : `${local}@${slip(random, owner.domain.split('.')[0] as string)}.${owner.domain.split('.').slice(1).join('.')}`;
        const key = keyOf(typed);
        if (!key || byKey.has(key.key)) continue;
        // Exactly one same-named customer one slip away, so the suggestion is unambiguous.
        const namesakes = near(key).filter((entry) => isSamePerson(name, entry.customer.name));
        if (namesakes.length !== 1 || namesakes[0]?.customer.id !== owner.customer.id) continue;
        if (scenario === 'duplicate-with-domain-typo' && key.domain === owner.domain) continue;
        cases.push({
          kind: 'directory',
          name: scenario,
          input: { entered: typed, customer: { id: newcomer.id, name }, directory },
          // Another customer's address is never the suggestion (docs/directory.md): staff see it
          // named in the finding, and the salesperson asks the customer.
          expect: {
            action: 'block',
            code: 'near-miss-other-customer',
            suggestion: null,
            known: owner.customer.emails[0] as string,
          },
        });
        break;
      }
      case 'typo-of-stranger': {
        const local = owner.customer.emails[0]?.split('@')[0] as string;
        const typed = `${slip(random, local)}@${owner.domain}`;
        const key = keyOf(typed);
        if (!key || byKey.has(key.key)) continue;
        if (near(key).some((entry) => isSamePerson(newcomer.name, entry.customer.name))) continue;
        add(
          scenario,
          { entered: typed, customer: stranger, directory },
          { action: 'confirm', code: 'unverified-address' },
        );
        break;
      }
      case 'own-address': {
        add(
          scenario,
          { entered: owner.customer.emails[0] as string, customer: owner.customer, directory },
          { action: 'send', code: 'exact-match' },
        );
        break;
      }
      case 'own-household-address': {
        const partner = known[3000 + (attempt % 40)] as Known;
        add(
          scenario,
          { entered: partner.customer.emails[0] as string, customer: partner.customer, directory },
          { action: 'send', code: 'exact-match' },
        );
        break;
      }
      case 'new-address': {
        const key = keyOf(newcomer.email);
        if (!key || byKey.has(key.key) || near(key).length > 0) continue;
        add(
          scenario,
          { entered: newcomer.email, customer: stranger, directory },
          { action: 'confirm', code: 'unverified-address' },
        );
        break;
      }
    }
  }
  return cases;
}
