import { type MailboxKey, type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import type { ParsedAddress } from '../address/parse-address.js';
import { editDistance } from '../matching/edit-distance.js';
import { foldTransliterations } from '../matching/fold-transliterations.js';
import { transliterationDistance } from '../matching/transliteration-distance.js';
import { displayDomain } from '../spelling/display-domain.js';
import type { DirectoryAddressMatch } from './create-directory.js';

/** A customer's record as a directory holds it: addresses parsed on the way in, or marked unparsed. */
export interface MatchableRecord {
  readonly id: string;
  readonly name?: string | null;
  readonly emails: readonly string[];
  /** ISO 8601 calendar date; empty or null when unknown. */
  readonly birthDate?: string | null;
  /** In E.164 where they parsed, as the directory stores them. */
  readonly phones?: readonly string[];
}

/** One `findAddress` after its candidates are found: see {@link createAddressMatcher}. */
export interface AddressMatcher<Slot> {
  /** The entered address's mailbox key. */
  readonly key: MailboxKey;
  /** Adds the record's addresses on the entered mailbox or one slip from it in the local part. */
  matchCandidate(record: MatchableRecord, slotOf: (index: number) => Slot): void;
  /** Whether a directory's domain is one slip from the entered one (`gmial.com`, `gmail.com`). */
  isNearDomain(domain: string): boolean;
  /** The exact keys of the entered local part at each near domain, as each domain's rules read it. */
  rekey(domains: Iterable<string>): Set<string>;
  /** Adds the record's addresses whose key is one of `rekeyed`, at distance 1. */
  matchRekeyed(record: MatchableRecord, rekeyed: ReadonlySet<string>, slotOf: (index: number) => Slot): void;
  /** The matches, nearest first, then by customer id. */
  matches(): DirectoryAddressMatch[];
}

/**
 * The matching step of `findAddress` that the in-memory directory and the PostgreSQL directory
 * share, so both answer alike: each finds candidate records by its own index of deletion variants
 * (symmetric deletion, Garbe, "SymSpell", 2012), then hands them here to be compared exactly.
 * `unparsed` is the mark a directory puts before an address that did not parse (kept, matching
 * nothing); `Slot` names one address of one record (the same address of the same customer found
 * twice counts once, at its nearest distance).
 *
 * @example
 * ```ts
 * const matcher = createAddressMatcher<string>(parsed, rules, { maxDistance: 1, unparsed: '\u0000' });
 * matcher.matchCandidate({ id: 'C-1', emails: ['anna@gmail.com'] }, (index) => `C-1 ${index}`);
 * matcher.matches(); // [{ customerId: 'C-1', address: 'anna@gmail.com', key: 'anna@gmail.com', distance: 1 }]
 * ```
 */
export function createAddressMatcher<Slot>(
  entered: ParsedAddress,
  rules: MailboxRuleIndex,
  options: {
    readonly maxDistance: 0 | 1;
    readonly unparsed: string;
    readonly excludeCustomerId?: string | undefined;
  },
): AddressMatcher<Slot> {
  const key = mailboxKey(entered, rules);
  const { maxDistance, unparsed, excludeCustomerId } = options;
  const found = new Map<Slot, DirectoryAddressMatch>();
  // Keys of the stored addresses met in this lookup: many customers may share one address.
  const keys = new Map<string, MailboxKey>();
  const shown = displayDomain(key.domain);
  const bound = { maxDistance };

  function match(
    record: MatchableRecord,
    slotOf: (index: number) => Slot,
    distanceTo: (known: MailboxKey) => number | undefined,
  ): void {
    if (record.id === excludeCustomerId) return;
    // A loop, not forEach: no closure made per candidate on every check.
    for (let index = 0; index < record.emails.length; index++) {
      const address = record.emails[index] as string;
      if (address.startsWith(unparsed)) continue;
      let known = keys.get(address);
      if (known === undefined) {
        known = mailboxKey(storedAddress(address), rules);
        keys.set(address, known);
      }
      const distance = distanceTo(known);
      if (distance === undefined || distance > 1) continue;
      const slot = slotOf(index);
      const previous = found.get(slot);
      if (previous && previous.distance <= distance) continue;
      found.set(slot, {
        customerId: record.id,
        ...(record.name ? { name: record.name } : {}),
        address,
        key: known.key,
        distance,
        // What tells two people of one name apart (recordsContradict), carried here so that the
        // check needs no second question of the directory, which a database cannot answer in a
        // synchronous check.
        ...(record.birthDate ? { birthDate: record.birthDate } : {}),
        ...(record.phones !== undefined && record.phones.length > 0 ? { phones: [...record.phones] } : {}),
      });
    }
  }

  /** How far a stored key is from the entered one, by the entered domain: made once, not per candidate. */
  function distanceAtDomain(known: MailboxKey): number | undefined {
    if (known.domain !== key.domain) return undefined;
    if (known.local === key.local) return 0;
    // editDistance reports "beyond the bound" as maxDistance + 1: not a match.
    const distance = editDistance(known.local, key.local, bound);
    if (distance <= maxDistance) return distance;
    // Å, ä, ö written another way (`aasa.oeberg` for `asa.oberg`) count as one slip, however
    // many letters, as checkRecipient counts them (transliterationDistance).
    return maxDistance === 1 &&
      foldTransliterations(known.local) === foldTransliterations(key.local) &&
      transliterationDistance(known.local, key.local, { maxDistance: 1 }) <= 1
      ? 1
      : undefined;
  }

  return {
    key,
    matchCandidate(record, slotOf) {
      match(record, slotOf, distanceAtDomain);
    },
    isNearDomain(domain) {
      // Compared as typed: one slip in `åkeri.se` changes much of its Punycode form.
      return domain !== key.domain && editDistance(displayDomain(domain), shown, { maxDistance: 1 }) === 1;
    },
    rekey(domains) {
      const rekeyed = new Set<string>();
      for (const domain of domains) rekeyed.add(mailboxKey({ ...entered, domain }, rules).key);
      return rekeyed;
    },
    matchRekeyed(record, rekeyed, slotOf) {
      match(record, slotOf, (known) => (rekeyed.has(known.key) ? 1 : undefined));
    },
    matches() {
      return [...found.values()].sort(
        (a, b) =>
          a.distance - b.distance || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
      );
    },
  };
}

/** A stored address (`local@domain`, parsed on the way in, domain in lower-case ASCII) as `mailboxKey` reads it. */
export function storedAddress(address: string): ParsedAddress {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return {
    input: address,
    address,
    local: address.slice(0, at),
    domain,
    unicodeDomain: domain,
    trimmed: false,
  };
}
