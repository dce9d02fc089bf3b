import * as z from 'zod';
import { indexMailboxRules, type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { defaultMailboxRules, type MailboxRule } from '../address/mailbox-rules.js';
import { MailboxRulesSchema } from '../address/mailbox-rules-schema.js';
import { type ParsedAddress, parseAddress } from '../address/parse-address.js';
import { parseInput } from '../internal/parse-input.js';
import { editDistance } from '../matching/edit-distance.js';
import { isE164 } from '../phone/is-e164.js';
import { RegionSchema } from '../phone/region-schema.js';
import { toE164 } from '../phone/to-e164.js';
import { displayDomain } from '../spelling/display-domain.js';
import { isAsyncDirectory } from './async-directory.js';
import { type AddressMatcher, createAddressMatcher } from './create-address-matcher.js';
import { type Customer, CustomerSchema } from './customer.js';
import { type UncheckedLookups, uncheckedLookups } from './find-address-unchecked.js';
import { foldedMailboxKey } from './folded-mailbox-key.js';
import { deletionHashes, exactHash, FNV_OFFSET, HashIndex, hashDomain, hashSkipping } from './hash-index.js';
import { isDirectory } from './is-directory.js';
import { RecordPool, type StoredRecord } from './record-pool.js';

// Kept apart so that the check's hand-written input test reads it without loading zod.
export { findAddressUnchecked, findPhoneUnchecked } from './find-address-unchecked.js';
export { isDirectory } from './is-directory.js';

/** Options of {@link createDirectory}. */
export interface DirectoryOptions {
  /** Which spellings reach the same mailbox (Gmail dots, `+tags`, alias domains). @default defaultMailboxRules */
  readonly mailboxRules?: readonly MailboxRule[];
  /** ISO 3166-1 region for national phone numbers of customers without a `country`. @default 'SE' */
  readonly defaultCountry?: string;
}

/**
 * A customer as the directory keeps it: every field it was given, addresses as parsed (the domain
 * in lower case), phones in E.164 where they parse, the country in upper case. Each call builds a
 * fresh object, so it can be passed on as a `Customer` (the guard takes it from here when a check
 * names only the customer's id, birth date and all).
 */
export interface DirectoryCustomer {
  readonly id: string;
  readonly name?: string;
  readonly emails: string[];
  readonly phones: string[];
  /** ISO 8601 calendar date, for the number checks (`1958` typed for `1985`). */
  readonly birthDate?: string;
  readonly country?: string;
}

/** A known address of some customer that the entered address reaches or nearly reaches. */
export interface DirectoryAddressMatch {
  readonly customerId: string;
  readonly name?: string;
  /** The address as the directory holds it for that customer. */
  readonly address: string;
  /** Its mailbox key (`mailboxKey`): equal keys reach the same mailbox. */
  readonly key: string;
  /** 0: the same mailbox; 1: one slip (a character missing, extra, changed or two swapped). */
  readonly distance: number;
  /** That customer's birth date (ISO 8601), when known: with `phones`, it tells two people of one name apart. */
  readonly birthDate?: string;
  /** That customer's phone numbers, in E.164 where they parse, when there are any. */
  readonly phones?: readonly string[];
  /**
   * Known from an address verified for that customer (`createGuard({ verifiedAddresses })`), not
   * from their record, and their name could not be found: a slip of it is reported whatever the
   * names say, since the rule that tells a stranger's address from a duplicate record needs the name.
   */
  readonly verified?: true;
}

/** A known phone number of some customer that equals the entered one. */
export interface DirectoryPhoneMatch {
  readonly customerId: string;
  readonly name?: string;
  /** The number in E.164. */
  readonly phone: string;
}

/** An in-memory index of every customer's addresses (by mailbox) and phones (E.164). */
export interface Directory {
  /** Customers held. */
  readonly size: number;
  /** Bytes held in typed arrays by the index (the per-customer store and hash tables). */
  readonly byteLength: number;
  /** Adds a customer, or replaces the one with the same id. Throws `InvalidInputError` on a bad record. */
  add(customer: Customer): void;
  /**
   * Adds many customers at once, sorted into the index in one merge: far faster than `add` one at
   * a time for thousands. A repeated id keeps the last record. A customer that breaks the schema
   * throws an `InvalidInputError` naming it (`customers.41.id`); those before it stay added. So
   * does `customers` that is not iterable (`customers`).
   */
  addAll(customers: Iterable<Customer>): void;
  /** Removes a customer; `false` when none has that id. Throws `InvalidInputError` when the id is not a string. */
  remove(customerId: string): boolean;
  /** Whether a customer has that id. Throws `InvalidInputError` when the id is not a string. */
  has(customerId: string): boolean;
  /** The customer with that id, if any. Throws `InvalidInputError` when the id is not a string. */
  get(customerId: string): DirectoryCustomer | undefined;
  /** Every customer held, in no promised order. */
  customers(): IterableIterator<DirectoryCustomer>;
  /**
   * Known addresses (of any customer but `excludeCustomerId`) on the entered address's mailbox
   * (distance 0) or one slip from it (distance 1: in the local part, or in the domain when the
   * local part is the same), nearest first. An address that does not parse matches nothing;
   * `entered` may also be the result of `parseAddress`, to save parsing it twice. Input or options
   * that break their schema (`entered` neither text nor a parsed address, `maxDistance` not 0 or
   * 1) throw an `InvalidInputError` naming the field.
   */
  findAddress(
    input: { readonly entered: string | ParsedAddress; readonly excludeCustomerId?: string },
    options?: {
      /** 0: the same mailbox only; 1: also one slip away. @default 1 */
      readonly maxDistance?: 0 | 1;
    },
  ): DirectoryAddressMatch[];
  /**
   * Customers (but `excludeCustomerId`) with the entered number, read in `region` when national. A
   * number that cannot be read matches nothing; input that breaks its schema (`entered` not text,
   * `region` not two letters) throws an `InvalidInputError` naming the field.
   */
  findPhone(input: {
    readonly entered: string;
    readonly region?: string;
    readonly excludeCustomerId?: string;
  }): DirectoryPhoneMatch[];
  /** Merges recent additions into the sorted index and drops removed customers' entries now. */
  compact(): void;
}

/**
 * Accepts what {@link createDirectory} returns (or anything with the same lookups: a caller's own
 * implementation over its database), for the `directory` field of check inputs.
 *
 * @example
 * ```ts
 * DirectorySchema.safeParse(createDirectory()).success; // true
 * DirectorySchema.safeParse({}).success;                // false
 * ```
 */
export const DirectorySchema = z.custom<Directory>(isDirectory, {
  error: (issue) =>
    typeof issue.input === 'object' && issue.input !== null && isAsyncDirectory(issue.input)
      ? ASYNCHRONOUS_DIRECTORY
      : 'a directory made by createDirectory',
});

/** Why an asynchronous directory is refused where a synchronous one is read, and what to use instead. */
const ASYNCHRONOUS_DIRECTORY =
  'an asynchronous directory (createPostgresDirectory) answers with promises, which this synchronous function cannot wait for: ' +
  'check through createGuard({ directory }) (guard.check for an address, guard.checkPhone for a phone number), ' +
  'or load the customers into createDirectory(...)';

/** A customer id as the directories read it (shared with the PostgreSQL directory). */
export const CustomerIdSchema = z.string();

const DirectoryOptionsSchema = z.object({
  mailboxRules: MailboxRulesSchema.optional(),
  // A region libphonenumber-js does not know would leave every national number unread.
  defaultCountry: RegionSchema.optional(),
});

const CustomersSchema = z.custom<Iterable<Customer>>(
  (value) =>
    value !== null &&
    value !== undefined &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function',
  'an iterable of customers',
);

/** What `findAddress` reads: an address as typed, or as `parseAddress` parsed it. */
export interface FindAddressInput {
  readonly entered: string | ParsedAddress;
  readonly excludeCustomerId?: string;
}

export const FindAddressInputSchema = z.object({
  entered: z.union([
    z.string(),
    z.custom<ParsedAddress>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as ParsedAddress).address === 'string' &&
        typeof (value as ParsedAddress).local === 'string' &&
        typeof (value as ParsedAddress).domain === 'string',
      'an address as text, or as parseAddress parsed it',
    ),
  ]),
  excludeCustomerId: CustomerIdSchema.optional(),
});

export const FindAddressOptionsSchema = z.object({
  maxDistance: z.union([z.literal(0), z.literal(1)]).optional(),
});

/** What `findPhone` reads. */
export interface FindPhoneInput {
  readonly entered: string;
  readonly region?: string;
  readonly excludeCustomerId?: string;
}

const FindPhoneInputSchema = z.object({
  entered: z.string(),
  // A region without numbering data would read no national number and match nothing, a silent miss.
  region: RegionSchema.optional(),
  excludeCustomerId: CustomerIdSchema.optional(),
});

class CustomerDirectory implements Directory {
  readonly [uncheckedLookups]: UncheckedLookups = {
    address: (input) => this.lookupAddress(input, 1),
    phone: (input) => this.lookupPhone(input),
  };
  private readonly rules: MailboxRuleIndex;
  private readonly defaultCountry: string;
  private pool = new RecordPool();
  /** Removed or replaced records still taking space in the pool. */
  private deadInPool = 0;
  private slotOffsets = new Uint32Array(1024);
  private dead = new Uint8Array(1024);
  private slots = 0;
  private live = 0;
  private deadSinceMerge = 0;
  private readonly ids = new HashIndex();
  private readonly mailboxes = new HashIndex();
  private readonly phones = new HashIndex();
  private readonly domainIds = new Map<string, number>();
  private readonly domainNames: string[] = [];
  private readonly domains = new HashIndex();
  /** Answers of {@link domainsNear}: a few domains (gmail.com, hotmail.com) make most queries. */
  private readonly nearDomainCache = new Map<string, string[]>();

  constructor(options: DirectoryOptions) {
    this.rules = indexMailboxRules(options.mailboxRules ?? defaultMailboxRules);
    this.defaultCountry = options.defaultCountry ?? 'SE';
  }

  get size(): number {
    return this.live;
  }

  get byteLength(): number {
    return (
      this.pool.byteLength +
      this.slotOffsets.byteLength +
      this.dead.byteLength +
      this.ids.byteLength +
      this.mailboxes.byteLength +
      this.phones.byteLength +
      this.domains.byteLength
    );
  }

  addAll(customers: Iterable<Customer>): void {
    parseInput(CustomersSchema, customers, ['customers']);
    for (const index of [this.ids, this.mailboxes, this.phones, this.domains]) index.beginBulk();
    const first = this.slots;
    let idHashes = new Uint32Array(1024);
    try {
      let index = 0;
      for (const customer of customers) {
        const parsed = parseInput(CustomerSchema, customer, ['customers', index]);
        const slot = this.insert(parsed) - first;
        if (slot >= idHashes.length) {
          const grown = new Uint32Array(idHashes.length * 2);
          grown.set(idHashes);
          idHashes = grown;
        }
        idHashes[slot] = idHash(parsed.id);
        index++;
      }
    } finally {
      this.seal();
      // A repeated id keeps the last record: each new customer retires older ones with its id.
      // Walking from the last back, the newest record of an id retires all its elders in one pass
      // and those are then skipped, so a load of one id repeated n times costs n, not n².
      for (let slot = this.slots - 1; slot >= first; slot--) {
        if (this.dead[slot] !== 0) continue;
        const id = this.idAt(slot);
        this.ids.forEach(idHashes[slot - first] as number, (other) => {
          if (other < slot && this.dead[other] === 0 && this.idAt(other) === id) this.kill(other);
        });
      }
      this.pool.trim();
      this.slotOffsets = this.slotOffsets.slice(0, Math.max(this.slots, 1));
      this.dead = this.dead.slice(0, Math.max(this.slots, 1));
      if (this.tooManyDead()) this.compact();
    }
  }

  add(customer: Customer): void {
    const parsed = parseInput(CustomerSchema, customer, ['customer']);
    this.seal();
    const existing = this.slotOf(parsed.id);
    if (existing !== undefined) this.kill(existing);
    this.insert(parsed);
    if (this.ids.wantsMerge || this.mailboxes.wantsMerge || this.phones.wantsMerge || this.tooManyDead())
      this.compact();
  }

  remove(customerId: string): boolean {
    parseInput(CustomerIdSchema, customerId, ['customerId']);
    const slot = this.slotOf(customerId);
    if (slot === undefined) return false;
    this.kill(slot);
    if (this.tooManyDead()) this.compact();
    return true;
  }

  has(customerId: string): boolean {
    parseInput(CustomerIdSchema, customerId, ['customerId']);
    return this.slotOf(customerId) !== undefined;
  }

  get(customerId: string): DirectoryCustomer | undefined {
    parseInput(CustomerIdSchema, customerId, ['customerId']);
    const slot = this.slotOf(customerId);
    return slot === undefined ? undefined : this.customerAt(slot);
  }

  *customers(): IterableIterator<DirectoryCustomer> {
    // The customers there are when iteration starts: a customer added meanwhile (even by
    // `addAll(directory.customers())`, which re-adds each one) takes a new slot and is not visited.
    const end = this.slots;
    for (let slot = 0; slot < end; slot++) if (this.dead[slot] === 0) yield this.customerAt(slot);
  }

  findAddress(
    input: FindAddressInput,
    options: { readonly maxDistance?: 0 | 1 } = {},
  ): DirectoryAddressMatch[] {
    parseInput(FindAddressInputSchema, input, ['input']);
    const { maxDistance } = parseInput(FindAddressOptionsSchema, options, ['options']);
    return this.lookupAddress(input, maxDistance ?? 1);
  }

  /** {@link findAddress} on input already known to fit its schema. */
  lookupAddress(input: FindAddressInput, maxDistance: 0 | 1): DirectoryAddressMatch[] {
    const parsed =
      typeof input.entered === 'string'
        ? parseAddress(input.entered)
        : ({ ok: true, address: input.entered } as const);
    if (!parsed.ok) return [];
    const matcher = createAddressMatcher<number>(parsed.address, this.rules, {
      maxDistance,
      unparsed: UNPARSED,
      excludeCustomerId: input.excludeCustomerId,
    });
    const key = matcher.key;

    // Symmetric deletion (Garbe, "SymSpell", 2012): two strings within one insertion, deletion,
    // substitution or adjacent swap share a string made by deleting at most one character from
    // each, so the entered key's deletions meet every stored key's deletions in the index.
    // A slot shows up once per variant it shares with the entered key; a Set keeps each once
    // without a scan of those found so far (thousands of customers may share a placeholder address).
    const candidates = new Set<number>();
    const collect = (slot: number) => {
      candidates.add(slot);
    };
    const hashes = scratchFor(key.local.length + 1);
    const variants = deletionHashes(key.local, hashDomain(key.domain), hashes);
    this.mailboxes.forEachOf(hashes, maxDistance === 0 ? 1 : variants, collect);
    // Å, ä, ö written another way (`åsa.öberg` for `asa.oberg`): both are filed under the folded key.
    const folded = maxDistance === 0 ? undefined : foldedMailboxKey(key);
    if (folded !== undefined) this.mailboxes.forEach(hashKey(folded), collect);
    for (const slot of candidates) this.matchSlot(slot, matcher, false);
    if (maxDistance === 0) return matcher.matches();

    // One slip in the domain with the local part intact (`gmial.com`): the directory's domains one
    // edit away, each tried with the local part as that domain's provider rules read it.
    const rekeyed = matcher.rekey(this.domainsNear(key.domain));
    const slots = new Set<number>();
    for (const rekey of rekeyed) {
      const at = rekey.lastIndexOf('@');
      const hash = exactHash(rekey.slice(0, at), hashDomain(rekey.slice(at + 1)));
      this.mailboxes.forEach(hash, (slot) => slots.add(slot));
    }
    for (const slot of slots) this.matchSlot(slot, matcher, rekeyed);
    return matcher.matches();
  }

  findPhone(input: FindPhoneInput): DirectoryPhoneMatch[] {
    parseInput(FindPhoneInputSchema, input, ['input']);
    return this.lookupPhone(input);
  }

  /** {@link findPhone} on input already known to fit its schema. */
  lookupPhone(input: FindPhoneInput): DirectoryPhoneMatch[] {
    const e164 = toE164(input.entered, input.region ?? this.defaultCountry);
    if (e164 === undefined) return [];
    const matches: DirectoryPhoneMatch[] = [];
    const seen = new Set<number>();
    this.phones.forEach(phoneHash(e164), (slot) => {
      if (seen.has(slot) || this.dead[slot] !== 0) return;
      seen.add(slot);
      const record = this.recordAt(slot);
      if (record.id === input.excludeCustomerId || !record.phones.includes(e164)) return;
      matches.push({ customerId: record.id, ...(record.name ? { name: record.name } : {}), phone: e164 });
    });
    return matches.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  }

  compact(): void {
    const isAlive = (slot: number) => this.dead[slot] === 0;
    this.ids.merge(isAlive);
    this.mailboxes.merge(isAlive);
    this.phones.merge(isAlive);
    this.domains.merge(() => true);
    this.deadSinceMerge = 0;
    // Records of removed customers stay in the pool until a quarter of it is dead; then the live
    // ones are copied into a fresh pool. Slots keep their numbers, so the index stays valid.
    if (this.deadInPool > this.live >>> 2) {
      const pool = new RecordPool();
      for (let slot = 0; slot < this.slots; slot++) {
        if (this.dead[slot] === 0) this.slotOffsets[slot] = pool.append(this.recordAt(slot));
      }
      pool.trim();
      this.pool = pool;
      this.deadInPool = 0;
    }
  }

  /**
   * Sorts in what `addAll` collected for the ids, which it looks up at once to retire repeated ids.
   * The other indexes sort theirs in at their next lookup: a base loaded in batches (`loadCustomers`
   * adds 50,000 rows at a time) is then sorted once, where sealing each batch re-sorted the whole
   * index every time (at 1,000,000 customers most of the load time).
   */
  private seal(): void {
    this.ids.seal();
  }

  private tooManyDead(): boolean {
    return this.deadSinceMerge > Math.max(4096, this.live >>> 3);
  }

  private kill(slot: number): void {
    if (this.dead[slot] !== 0) return;
    this.dead[slot] = 1;
    this.live--;
    this.deadSinceMerge++;
    this.deadInPool++;
  }

  private insert(customer: z.output<typeof CustomerSchema>): number {
    const country = customer.country?.toUpperCase() ?? '';
    const region = country || this.defaultCountry;
    const emails: string[] = [];
    const keys: { local: string; domain: string }[] = [];
    for (const email of customer.emails ?? []) {
      const parsed = parseAddress(email);
      // An address that does not parse is kept (it is the customer's data) but indexes nothing;
      // the mark (a control character, which no parsed address has) keeps it out of matches.
      emails.push(parsed.ok ? parsed.address.address : `${UNPARSED}${email.trim()}`);
      if (parsed.ok) keys.push(mailboxKey(parsed.address, this.rules));
    }
    const phones = (customer.phones ?? []).map((phone) => toE164(phone, region) ?? phone.trim());

    const slot = this.slots++;
    if (slot >= this.slotOffsets.length) {
      const offsets = new Uint32Array(this.slotOffsets.length * 2);
      offsets.set(this.slotOffsets);
      this.slotOffsets = offsets;
      const dead = new Uint8Array(this.dead.length * 2);
      dead.set(this.dead);
      this.dead = dead;
    }
    this.slotOffsets[slot] = this.pool.append({
      id: customer.id,
      name: customer.name ?? '',
      country,
      birthDate: customer.birthDate ?? '',
      emails,
      phones,
    });
    this.live++;

    this.ids.add(idHash(customer.id), slot);
    for (const key of keys) {
      const hashes = scratchFor(key.local.length + 1);
      const variants = deletionHashes(key.local, hashDomain(key.domain), hashes);
      for (let i = 0; i < variants; i++) this.mailboxes.add(hashes[i] as number, slot);
      const folded = foldedMailboxKey(key);
      if (folded !== undefined) this.mailboxes.add(hashKey(folded), slot);
      this.registerDomain(key.domain);
    }
    for (const phone of phones) if (isE164(phone)) this.phones.add(phoneHash(phone), slot);
    return slot;
  }

  private registerDomain(domain: string): void {
    if (this.domainIds.has(domain)) return;
    const id = this.domainNames.length;
    this.domainIds.set(domain, id);
    this.domainNames.push(domain);
    this.nearDomainCache.clear();
    // Indexed as typed: one slip in `åkeri.se` changes much of its Punycode form (`xn--keri-poa.se`).
    const shown = displayDomain(domain);
    const hashes = scratchFor(shown.length + 1);
    const variants = deletionHashes(shown, FNV_OFFSET, hashes);
    for (let i = 0; i < variants; i++) this.domains.add(hashes[i] as number, id);
  }

  private domainsNear(domain: string): string[] {
    const cached = this.nearDomainCache.get(domain);
    if (cached) return cached;
    const near = new Set<string>();
    const shown = displayDomain(domain);
    const hashes = scratchFor(shown.length + 1);
    const variants = deletionHashes(shown, FNV_OFFSET, hashes);
    for (let i = 0; i < variants; i++) {
      this.domains.forEach(hashes[i] as number, (id) => {
        const candidate = this.domainNames[id];
        if (
          candidate !== undefined &&
          candidate !== domain &&
          editDistance(displayDomain(candidate), shown, { maxDistance: 1 }) === 1
        )
          near.add(candidate);
      });
    }
    const answer = [...near];
    if (this.nearDomainCache.size >= 1024) this.nearDomainCache.clear();
    this.nearDomainCache.set(domain, answer);
    return answer;
  }

  /** Hands a live slot's record to the matcher: by the local part, or by the near domains' keys. */
  private matchSlot(
    slot: number,
    matcher: AddressMatcher<number>,
    rekeyed: ReadonlySet<string> | false,
  ): void {
    if (this.dead[slot] !== 0) return;
    const record = this.recordAt(slot);
    // A customer holds at most 255 addresses (CustomerSchema), so slot and index make one number.
    const slotOf = (index: number) => slot * 256 + index;
    if (rekeyed) matcher.matchRekeyed(record, rekeyed, slotOf);
    else matcher.matchCandidate(record, slotOf);
  }

  private slotOf(customerId: string): number | undefined {
    let found: number | undefined;
    this.ids.forEach(idHash(customerId), (slot) => {
      if (found === undefined && this.dead[slot] === 0 && this.idAt(slot) === customerId) found = slot;
    });
    return found;
  }

  private idAt(slot: number): string {
    return this.pool.readId(this.slotOffsets[slot] as number);
  }

  private recordAt(slot: number): StoredRecord {
    return this.pool.read(this.slotOffsets[slot] as number);
  }

  private customerAt(slot: number): DirectoryCustomer {
    const record = this.recordAt(slot);
    return {
      id: record.id,
      ...(record.name ? { name: record.name } : {}),
      emails: record.emails.map((address) => (address.startsWith(UNPARSED) ? address.slice(1) : address)),
      phones: [...record.phones],
      ...(record.birthDate ? { birthDate: record.birthDate } : {}),
      ...(record.country ? { country: record.country } : {}),
    };
  }
}

/** The hash of a whole key (`local@domain`), as `deletionHashes` gives it for the undeleted one. */
function hashKey(key: string): number {
  const at = key.lastIndexOf('@');
  return exactHash(key.slice(0, at), hashDomain(key.slice(at + 1)));
}

/** Marks a stored address that did not parse. */
const UNPARSED = '\u0000';

let scratch = new Uint32Array(64);

/** A reusable array for variant hashes (checks are synchronous, so one serves every call). */
function scratchFor(length: number): Uint32Array {
  if (scratch.length < length) scratch = new Uint32Array(length * 2);
  return scratch;
}

function idHash(id: string): number {
  return hashSkipping(id, -1, FNV_OFFSET) >>> 0;
}

function phoneHash(e164: string): number {
  return hashSkipping(e164, -1, FNV_OFFSET) >>> 0;
}

/**
 * Builds a {@link Directory} from any iterable of customers (an array, a generator, a database
 * cursor read into memory). The bulk load sorts the index once; later changes go through `add` and
 * `remove` and are merged in as they accumulate. A customer that breaks the schema throws an
 * `InvalidInputError` naming it (`customers.41.id`), and so do options that break their schema
 * (`options.defaultCountry`); to skip and report bad rows of an export
 * instead, read it with `loadCustomers`.
 *
 * @example
 * ```ts
 * const directory = createDirectory([
 *   { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson@gmail.com'], phones: ['070-123 45 67'] },
 *   { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
 * ]);
 * directory.findAddress({ entered: 'Anna.Svensson+x@googlemail.com' })[0]?.customerId; // 'C-1'
 * directory.add({ id: 'C-3', name: 'Karin Berg', emails: ['karin@berg.se'] });
 * directory.remove('C-2');
 * ```
 */
export function createDirectory(
  customers: Iterable<Customer> = [],
  options: DirectoryOptions = {},
): Directory {
  parseInput(DirectoryOptionsSchema, options, ['options']);
  const directory = new CustomerDirectory(options);
  directory.addAll(customers);
  return directory;
}
