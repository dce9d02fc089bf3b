import type { MailboxKey, MailboxRuleIndex } from '../address/mailbox-key.js';
import { mailboxKey } from '../address/mailbox-key.js';
import { type InvalidAddressReason, type ParsedAddress, parseAddress } from '../address/parse-address.js';
import type { Customer } from '../contacts/customer.js';
import { type KnownNumber, knownNumbers } from '../matching/find-number-mismatches.js';
import { type ParsedPhone, parsePhone } from '../phone/parse-phone.js';
import { displayAddress } from '../spelling/display-domain.js';

/** A known address of the customer, parsed and keyed, with the forms the check compares. */
export interface KnownAddress {
  /** The address as on file, white space around it dropped: what findings name. */
  readonly given: string;
  /** The address exactly as on file: an entered string equal to it parses to {@link parsed}. */
  readonly onFile: string;
  readonly parsed: ParsedAddress;
  readonly key: MailboxKey;
  /** The whole address as a person reads it (domain in Unicode), lower case. */
  readonly typed: string;
  /** The local part as on file, lower case. */
  readonly local: string;
}

/** What a check needs to know of a customer, worked out from the record alone. */
export interface CustomerFacts {
  /** The known addresses that parse, in the record's order. */
  readonly known: readonly KnownAddress[];
  /** The known addresses that do not parse, in the record's order, and why. */
  readonly invalid: readonly {
    readonly given: string;
    readonly reason: InvalidAddressReason;
    readonly detail: string;
  }[];
  /**
   * The customer's birth date and phone numbers as they may appear in an address (read on first
   * use), those longer than `longest` digits left out: an address holds no slip of a number much
   * longer than its own digits (`longestNumberWithin`), and a phone number costs a read with
   * libphonenumber-js, which is most of a check's time when made for every address.
   * @default Infinity
   */
  numbers(longest?: number): readonly KnownNumber[];
}

/** Options of {@link createCustomerFacts}. */
export interface CustomerFactsOptions {
  readonly rules: MailboxRuleIndex;
  /** Region for phone numbers of a customer without a `country`. */
  readonly defaultCountry: string;
  /**
   * Remember each customer's facts for the next check of the same record, as long as the fields
   * they come from are unchanged. `false` works them out on every check: the plain reading, which
   * test/guard/recipient-fast-paths.test.ts compares with the remembered one.
   * @default true
   */
  readonly remember?: boolean;
}

/** The fields the facts were read from, to tell whether a remembered record has changed since. */
interface Remembered {
  readonly facts: CustomerFacts;
  readonly emails: readonly string[] | undefined;
  readonly phones: readonly string[] | undefined;
  readonly birthDate: string | undefined;
  readonly country: string | undefined;
}

// Phone numbers are read with libphonenumber-js, which is slow next to the rest of a check; a
// customer's numbers recur across checks, so their readings are remembered.
const PHONE_CACHE_SIZE = 2048;
const KNOWN_ADDRESS_CACHE_SIZE = 8192;
// The customer records whose facts are kept: the 64 read most recently, first in first out (a
// record found again unchanged keeps its place; one read again because it changed goes last). A
// record kept in a WeakMap lived as long as its key, and the key is often a record made for one
// check (a database row, a lookup's answer, the schema's copy of the input): V8's scavenger treats
// a WeakMap's values as alive until a full mark-compact finds the key dead, so each check's facts
// survived the young generation and were promoted, 1.2 MB per scavenge at 20,000 checks with a
// fresh record each (bench/guard-allocation.ts). Kept here, a record's facts are dropped once this
// many others were read after it, however often it was found again meanwhile: long before the next
// scavenge, while an order form checking one customer again still finds them.
const RECENT_CUSTOMERS = 64;

function sameList(remembered: readonly string[] | undefined, now: readonly string[] | undefined): boolean {
  if (remembered === undefined || now === undefined) return remembered === now;
  if (remembered.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (remembered[i] !== now[i]) return false;
  return true;
}

/**
 * Reads a customer's record into what the check compares an entered address with: its known
 * addresses parsed and keyed, its numbers. An order form checks the same customer again and again
 * (each address typed, then the order sent), so the facts are kept per record object and reused
 * while its emails, phones, birth date and country are the very values they were read from.
 *
 * @example
 * ```ts
 * const factsOf = createCustomerFacts({ rules: indexMailboxRules(), defaultCountry: 'SE' });
 * factsOf({ id: 'C-1', emails: ['Anna@Example.se'] }).known[0]?.key.key; // 'anna@example.se'
 * ```
 */
export function createCustomerFacts(options: CustomerFactsOptions): (customer: Customer) => CustomerFacts {
  const { rules, defaultCountry } = options;
  const parsedPhones = new Map<string, ParsedPhone | null>();
  const knownAddresses = new Map<string, KnownAddress | null>();
  const remembered = new Map<Customer, Remembered>();

  // A known address recurs on every check of its customer, and across customers of a household.
  const readKnownAddress = (given: string): KnownAddress | undefined => {
    let knownAddress = knownAddresses.get(given);
    if (knownAddress === undefined) {
      const parsed = parseAddress(given);
      knownAddress = parsed.ok
        ? {
            given: given.trim(),
            onFile: given,
            parsed: parsed.address,
            key: mailboxKey(parsed.address, rules),
            typed: displayAddress(parsed.address.address).toLowerCase(),
            local: parsed.address.local.toLowerCase(),
          }
        : null;
      if (knownAddresses.size >= KNOWN_ADDRESS_CACHE_SIZE) {
        knownAddresses.delete(knownAddresses.keys().next().value as string);
      }
      knownAddresses.set(given, knownAddress);
    }
    return knownAddress ?? undefined;
  };

  // What the number checks need of a phone number: the national significant number, and the
  // digits as dialled nationally, which only formatting gives (libphonenumber-js walks its format
  // rules again) and so are read only when a check can reach them.
  const readPhones = (given: readonly string[], region: string | undefined): ParsedPhone[] => {
    const phones: ParsedPhone[] = [];
    for (const phone of given) {
      const cacheKey = `${region}:${phone}`;
      let parsed = parsedPhones.get(cacheKey);
      if (parsed === undefined) {
        parsed = parsePhone(phone, region) ?? null;
        if (parsedPhones.size >= PHONE_CACHE_SIZE)
          parsedPhones.delete(parsedPhones.keys().next().value as string);
        parsedPhones.set(cacheKey, parsed);
      }
      if (parsed) phones.push(parsed);
    }
    return phones;
  };

  const read = (customer: Customer): CustomerFacts => {
    const known: KnownAddress[] = [];
    const invalid: { given: string; reason: InvalidAddressReason; detail: string }[] = [];
    for (const given of customer.emails ?? []) {
      const knownAddress = readKnownAddress(given);
      if (knownAddress) known.push(knownAddress);
      else {
        const parsed = parseAddress(given);
        if (!parsed.ok) invalid.push({ given, reason: parsed.reason, detail: parsed.detail });
      }
    }
    // `numbers` keeps only the fields it reads, not the record: facts outlive their record's place
    // among the remembered ones (a caller may hold them), and would keep every field of it alive.
    const givenPhones = customer.phones ?? [];
    const region = customer.country ?? defaultCountry;
    const birthDate = customer.birthDate;
    let phones: ParsedPhone[] | undefined;
    // Every number, once no phone number was left out; until then, the answer for each length asked
    // (an order form checks the same customer many times, with addresses of few digits).
    let all: readonly KnownNumber[] | undefined;
    const within = new Map<number, readonly KnownNumber[]>();
    return {
      known,
      invalid,
      numbers: (longest = Number.POSITIVE_INFINITY) => {
        if (all !== undefined) return all;
        const answered = within.get(longest);
        if (answered !== undefined) return answered;
        phones ??= readPhones(givenPhones, region);
        const phoneDigits: string[] = [];
        let leftOut = false;
        for (const phone of phones) {
          // The digits as dialled nationally are never fewer than the national number's: every
          // national format of the numbering data keeps them all, or adds more than it leaves out
          // (Argentina's `15`; test/phone/parse-phone.test.ts checks each format).
          if (phone.nationalNumber.length > longest) {
            leftOut = true;
            continue;
          }
          for (const digits of new Set([phone.nationalDigits, phone.nationalNumber])) {
            if (digits.length <= longest) phoneDigits.push(digits);
            else leftOut = true;
          }
        }
        const numbers = knownNumbers({
          ...(birthDate ? { birthDate } : {}),
          phoneDigits,
        });
        // With every number in it, it is the answer for any length: a longer number than asked for
        // changes nothing findNumberMismatches finds (`longestNumberWithin`).
        if (!leftOut) all = numbers;
        else within.set(longest, numbers);
        return numbers;
      },
    };
  };

  if (options.remember === false) return read;
  return (customer) => {
    const before = remembered.get(customer);
    if (
      before &&
      sameList(before.emails, customer.emails) &&
      sameList(before.phones, customer.phones) &&
      before.birthDate === customer.birthDate &&
      before.country === customer.country
    )
      return before.facts;
    const facts = read(customer);
    if (before) remembered.delete(customer);
    else if (remembered.size >= RECENT_CUSTOMERS)
      remembered.delete(remembered.keys().next().value as Customer);
    remembered.set(customer, {
      facts,
      emails: customer.emails && [...customer.emails],
      phones: customer.phones && [...customer.phones],
      birthDate: customer.birthDate,
      country: customer.country,
    });
    return facts;
  };
}
