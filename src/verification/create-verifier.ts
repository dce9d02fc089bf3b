import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SendMailOptions, Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { indexMailboxRules, mailboxKey } from '../address/mailbox-key.js';
import { defaultMailboxRules, type MailboxRule } from '../address/mailbox-rules.js';
import { MailboxRulesSchema } from '../address/mailbox-rules-schema.js';
import { parseAddress } from '../address/parse-address.js';
import { createAddressMatcher } from '../contacts/create-address-matcher.js';
import { FindAddressOptionsSchema } from '../contacts/create-directory.js';
import { domainVariants } from '../contacts/domain-variants.js';
import { mailboxVariants } from '../contacts/mailbox-variants.js';
import {
  type ChallengeDetails,
  InvalidInputError,
  isEmailGuardError,
  VerificationRateLimitedError,
  VerificationStoreFailedError,
} from '../errors.js';
import type { Guard, VerifiedAddressSource } from '../guard/create-guard.js';
import { describeFindings } from '../guard/describe-findings.js';
import { stopsRecipient } from '../guard/stops-recipient.js';
import { parseInput } from '../internal/parse-input.js';
import type { HoldStore, ReleaseResult } from '../nodemailer/hold-store.js';
import { buildVerificationMessage } from './build-verification-message.js';
import { isOnlyNew } from './find-new-addresses.js';
import { filedIn, type IndexEntry, listed, listing } from './index-entries.js';
import { beginVerificationMessage, endVerificationMessage } from './verification-marks.js';
import type {
  AddressRecord,
  CustomerRecord,
  VerificationChallenge,
  VerificationRecord,
  VerificationStore,
} from './verification-store.js';

/** Options of {@link createVerifier}. */
export interface VerifierOptions {
  /** Where challenges and verified addresses are kept (`createFileVerificationStore`). */
  readonly store: VerificationStore;
  /**
   * The transporter the code goes out through, and the held messages after it: the same one
   * `nodemailerGuard` guards (the plugin lets the verifier's own message through).
   */
  readonly transporter: Transporter;
  /** The sender of the verification message (`'Butiken AB <order@butiken.se>'`); its name is shown. */
  readonly from: string | { readonly name: string; readonly address: string };
  /** How long a code and a link are good for. @default 900000 (15 minutes) */
  readonly ttlMs?: number;
  /** Wrong codes or links before a challenge is refused for good (`too-many-attempts`). @default 5 */
  readonly maxAttempts?: number;
  /** Digits in a code (4 to 10). @default 6 */
  readonly codeLength?: number;
  /** Language of the verification message. @default 'en' */
  readonly locale?: 'sv' | 'en';
  /**
   * Makes the link that confirms the address in one click from a token
   * (`(token) => \`https://butiken.se/verify?t=${token}\``); the page calls `confirmToken(token)`.
   * @default undefined (the message holds the code only)
   */
  readonly linkFor?: (token: string) => string;
  /** Codes sent to one address per hour at the most, whichever customer asked. @default 3 */
  readonly maxStartsPerAddressPerHour?: number;
  /**
   * Called after each successful `confirm` (or `confirmToken`), once the address is stored as
   * verified: write it to the customer's record in your own system. Called again by a repeated
   * confirmation, so write idempotently.
   * @default undefined
   */
  readonly onVerified?: (verified: {
    readonly customerId: string;
    readonly address: string;
    readonly verifiedAt: string;
  }) => void | Promise<void>;
  /**
   * Where messages held for a new address wait (`createFileHoldStore`). `nodemailerGuard({ verifier })`
   * hands its own hold store to the verifier, so this is needed only without the plugin.
   * @default the hold store of each nodemailerGuard the verifier is given to
   */
  readonly holdStore?: Pick<HoldStore, 'list' | 'release'>;
  /**
   * Which spellings reach the same mailbox (case, Gmail's dots, `+tags`, googlemail.com): one
   * mailbox has one pending challenge, one rate limit, and is verified under every spelling.
   * @default the guard's `mailboxRules` of the first `nodemailerGuard` the verifier is given to,
   * else defaultMailboxRules
   */
  readonly mailboxRules?: readonly MailboxRule[];
}

/** A challenge as `start` answers: its id, the address, when its code expires. */
export interface Challenge extends ChallengeDetails {
  /** A new code was sent by this call; `false` when a pending one was reused or the address is verified. */
  readonly sent: boolean;
  /** When the address was verified for the customer, if it already is. */
  readonly verifiedAt?: string;
}

/** A held message for the address that the transport refused: it stays held, and why. */
export interface StillHeld {
  readonly holdId: string;
  /** What the transport (or the hold store) answered. */
  readonly error: Error;
}

/**
 * What `release` answers: the held messages it released, each exactly once, and in `releasing` the
 * ids of held messages for the address that are being sent by another release right now, or were
 * left mid-send by a process that stopped. Those are never sent again by themselves (they may have
 * reached the recipient): check the mailbox or the transport's log, then
 * `holdStore.release(id, transporter, { by, reason, force: true })` or `discard(id, { force: true })`.
 */
export type Released = ReleaseResult[] & { readonly releasing: readonly string[] };

/** What `confirm` and `confirmToken` answer once the address is verified. */
export interface Confirmed {
  readonly ok: true;
  readonly verifiedAt: string;
  /** The held messages this call released, each exactly once. */
  readonly released: readonly ReleaseResult[];
  /**
   * Held messages for the address that the transport refused (a 4xx or 5xx, the relay down): they
   * stay held, and the next `confirm` of the same code, or `release`, sends them.
   */
  readonly held: readonly StillHeld[];
  /**
   * Ids of held messages for the address that are `releasing`: being sent by another release right
   * now, or left mid-send by a process that stopped. Such a message is never sent again by itself
   * (it may have reached the recipient): check the mailbox or the transport's log, then
   * `holdStore.release(id, transporter, { by, reason, force: true })` or `discard(id, { force: true })`.
   */
  readonly releasing: readonly string[];
  /**
   * What `onVerified` threw, if it did: the address is verified and its messages were released
   * anyway; write the address to the customer's record yourself (or confirm again).
   */
  readonly onVerifiedError?: Error;
}

/**
 * Why `confirm` or `confirmToken` refused: the code was wrong, expired, the attempts are used up,
 * there is no such challenge, or the address was verified for another customer meanwhile (a code
 * sent before that proves nothing any more: the address is that customer's, a question for a person).
 */
export type RefusalReason =
  | 'wrong-code'
  | 'expired'
  | 'too-many-attempts'
  | 'unknown'
  | 'verified-for-other-customer';

/** What `confirm` and `confirmToken` answer. */
export type ConfirmResult = Confirmed | { readonly ok: false; readonly reason: RefusalReason };

/** What a release for one address did: sent, still held (refused), or found mid-send. */
interface ReleaseReport {
  readonly released: ReleaseResult[];
  readonly held: StillHeld[];
  readonly releasing: string[];
}

/** A customer and one of their addresses. */
export interface CustomerAddress {
  readonly customerId: string;
  readonly address: string;
}

/** An address verified for a customer that `findVerified` found: on the mailbox asked for, or one slip from it. */
export interface VerifiedMatch extends CustomerAddress {
  /** 0: the same mailbox; 1: one slip from it (as a directory's `findAddress` counts them). */
  readonly distance: 0 | 1;
}

/** What `reindex` answers: how many verified addresses it filed. */
export interface Reindexed {
  /** The verified addresses the store listed, each filed under its variants (again, when it was already). */
  readonly addresses: number;
}

/** Options of `verifier.reindex`. */
export interface ReindexOptions {
  /**
   * Called after each address is filed, with the count so far: a progress line for a store of many
   * addresses. What it throws ends the filing (run `reindex` again: it goes on where it is needed).
   * @default undefined
   */
  readonly onProgress?: (progress: Reindexed) => void;
}

/** Proves new addresses with a code, and releases what was held for them (see {@link createVerifier}). */
export interface Verifier extends VerifiedAddressSource {
  /**
   * Sends a code to the address (or reuses a pending challenge). An address verified for another
   * customer is refused (`InvalidInputError` naming `input.address`), and no code is sent.
   */
  start(input: CustomerAddress): Promise<Challenge>;
  /**
   * Checks a code read back by the customer; on success releases what was held for the address.
   * A code that cannot be one (not `codeLength` digits once spaces and hyphens are dropped) is
   * refused with `InvalidInputError` naming `input.code`, and is not counted as an attempt.
   */
  confirm(input: CustomerAddress & { readonly code: string }): Promise<ConfirmResult>;
  /** The same as `confirm`, for the token of the link. */
  confirmToken(token: string): Promise<ConfirmResult>;
  /** Whether the address is verified for the customer. */
  isVerified(input: CustomerAddress): Promise<boolean>;
  /** Every address verified for the customer: what `createGuard({ verifiedAddresses })` reads. */
  listVerified(customerId: string): Promise<string[]>;
  /**
   * The id of the verifier's store (`store.id()`), `undefined` for a store without one: what a
   * message held by a check that read this verifier's addresses keeps, so that its release through
   * a verifier on another store is refused.
   */
  storeId(): Promise<string | undefined>;
  /**
   * The customers the address's mailbox is verified for, under any spelling: the guard reads an
   * address verified for another customer as theirs (`belongs-to-other-customer`). With
   * `maxDistance: 1`, also the addresses verified one slip from it (a character missing, extra,
   * changed or two swapped in the local part, or å, ä, ö written another way, or one slip in the
   * domain with the local part typed right), found as a directory finds them (`findAddress`): the
   * guard reads such a slip as it reads one of another customer's recorded address
   * (`near-miss-other-customer`, `near-miss-other-name`). The first such look-up files every
   * verified address first when the store's index is missing or older (see `reindex`). Rejects
   * when the store cannot be read.
   */
  findVerified(
    address: string,
    options?: {
      /** 0: the same mailbox only; 1: also one slip away. @default 0 */
      readonly maxDistance?: 0 | 1;
    },
  ): Promise<VerifiedMatch[]>;
  /**
   * Releases what is still held for a verified address (after a process stopped between verifying
   * and releasing); each message once. Resolves `[]` when the address is not verified. A message
   * left mid-send (`state: 'releasing'`) is not sent again: the answer names it in `releasing`.
   */
  release(input: CustomerAddress): Promise<Released>;
  /**
   * Files every verified address the store lists (`verifiedRecords`) under its mailbox variants and
   * its domain's variants, the index `findVerified` with `maxDistance: 1` reads, then marks the
   * store as filed under this index version. For addresses verified before the index existed, or
   * by an older version of it; a verifier does this by itself before its first look-up of slips
   * when the mark is missing or older. Idempotent: what is filed already is read, not written
   * again. Rejects with `InvalidInputError` (`options.store.verifiedRecords`) for a store that
   * cannot list its records, and with `VerificationStoreFailedError` when the store fails.
   *
   * @example
   * ```ts
   * const { addresses } = await verifier.reindex({ onProgress: ({ addresses }) => console.log(addresses) });
   * ```
   */
  reindex(options?: ReindexOptions): Promise<Reindexed>;
}

/** How `nodemailerGuard` hands its hold store to the verifier. Not exported from the package. */
export const attachHoldStore: unique symbol = Symbol('email-guard.verifier.attachHoldStore');

const HOUR_MS = 3_600_000;
/**
 * Who a release by the verifier is recorded as (`release.by` in the audit log): such a release
 * follows a code read back. Not exported from the package.
 */
export const VERIFIER_RELEASES_AS = 'email-guard verifier';
/**
 * The version of the index of verified addresses: 1 filed each under its mailbox variants, 2 also
 * its domain under the domain's variants. A store marked with less (or nothing) is filed again.
 */
const INDEX_VERSION = 2;
// Where the mark is kept: a fixed name, as it says nothing about any address or customer.
const INDEX_MARK = 'index-version';
// Addresses filed by one call of a store's `fileMany`: a page as `verifiedRecords` reads them.
const FILING_PAGE_SIZE = 500;

const isFunction = (value: unknown) => typeof value === 'function';
const ReindexOptionsSchema = z
  .object({ onProgress: z.custom<unknown>(isFunction, 'onProgress must be a function').optional() })
  .optional();
const OptionsSchema = z.object({
  store: z.object(
    {
      now: z.custom<unknown>(isFunction),
      key: z.custom<unknown>(isFunction),
      read: z.custom<unknown>(isFunction),
      update: z.custom<unknown>(isFunction),
    },
    { error: 'a verification store is required (createFileVerificationStore(dir))' },
  ),
  transporter: z.object(
    { sendMail: z.custom<unknown>(isFunction) },
    { error: 'a nodemailer transporter is required' },
  ),
  from: z.union([
    z.string().min(3, 'the sender is required'),
    z.object({ name: z.string(), address: z.string() }),
  ]),
  ttlMs: z
    .number()
    .int()
    .min(1000)
    .max(7 * 24 * HOUR_MS)
    .optional(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  codeLength: z.number().int().min(4).max(10).optional(),
  locale: z.enum(['sv', 'en']).optional(),
  linkFor: z.custom<unknown>(isFunction, 'linkFor must be a function').optional(),
  maxStartsPerAddressPerHour: z.number().int().min(1).optional(),
  onVerified: z.custom<unknown>(isFunction, 'onVerified must be a function').optional(),
  holdStore: z
    .object({ list: z.custom<unknown>(isFunction), release: z.custom<unknown>(isFunction) })
    .optional(),
  mailboxRules: MailboxRulesSchema.optional(),
});

const CustomerAddressSchema = z.object({
  customerId: z.string().trim().min(1, 'a customer id is required'),
  address: z.string({ error: 'the address must be a string' }),
});
const ConfirmSchema = CustomerAddressSchema.extend({
  code: z.string({ error: 'the code must be a string' }),
});

type Outcome =
  | { readonly kind: 'refused'; readonly reason: RefusalReason }
  | { readonly kind: 'verified'; readonly challenge: VerificationChallenge; readonly address: string };

/**
 * Proves that a new address is the customer's before anything personal goes there. `start` sends
 * a short message with a code (digits from `crypto.randomInt`), and the link when `linkFor` is
 * given, to the address; the customer reads the code back (on the phone, at the counter) or opens
 * the link, and `confirm` (or `confirmToken`) then marks the address verified for that customer
 * and releases, through the transporter, every message held for that customer and address: each
 * exactly once (the hold store's claim), logged with `by: 'email-guard verifier'`.
 *
 * Codes and link tokens are kept only as HMAC-SHA-256 under the store's key and compared with
 * `crypto.timingSafeEqual`; wrong attempts are counted and capped (`maxAttempts`); expiry is on the
 * store's clock; at most `maxStartsPerAddressPerHour` codes go to one address in an hour, and a
 * pending challenge is reused rather than a new code sent. Give it to `nodemailerGuard({ verifier,
 * unverified: 'verify' })` and to `createGuard({ verifiedAddresses: verifier })`.
 *
 * @example
 * ```ts
 * const verifier = createVerifier({
 *   store: createFileVerificationStore('./verification'),
 *   transporter,
 *   from: 'Butiken AB <order@butiken.se>',
 *   locale: 'sv',
 * });
 * const challenge = await verifier.start({ customerId: 'C-1', address: 'karin.berg@outlook.com' });
 * const result = await verifier.confirm({ customerId: 'C-1', address: 'karin.berg@outlook.com', code: '493021' });
 * if (result.ok) console.log(`verified; ${result.released.length} held message(s) sent`);
 * ```
 */
export function createVerifier(options: VerifierOptions): Verifier {
  parseInput(OptionsSchema, options, ['options']);
  const { store, transporter } = options;
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const codeLength = options.codeLength ?? 6;
  const locale = options.locale ?? 'en';
  const maxStarts = options.maxStartsPerAddressPerHour ?? 3;
  const senderName = nameOf(options.from);
  const holdStores = new Set<Pick<HoldStore, 'list' | 'release'>>(
    options.holdStore ? [options.holdStore] : [],
  );

  // Without rules of its own, the verifier reads spellings as the guard of the first
  // nodemailerGuard it is given to does (`attachHoldStore`), so the two agree on what one mailbox is.
  let ruleList = options.mailboxRules ?? defaultMailboxRules;
  let rules = indexMailboxRules(ruleList);
  let rulesTaken = options.mailboxRules !== undefined;
  // Everything is keyed by the mailbox, not the spelling: two spellings of one inbox would
  // otherwise get two codes, two rate limits, and hold one order past the other's confirmation.
  const keyOf = (address: string) => {
    const parsed = parseAddress(address);
    return parsed.ok ? mailboxKey(parsed.address, rules).key : address.trim().toLowerCase();
  };
  const sameAddress = (a: string, b: string) => keyOf(a) === keyOf(b);
  const hmac = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text).digest('hex');
  const addressName = (key: Uint8Array, address: string) => `a-${hmac(key, `address:${keyOf(address)}`)}`;
  const customerName = (key: Uint8Array, customerId: string) => `c-${hmac(key, `customer:${customerId}`)}`;
  const variantName = (key: Uint8Array, variant: string) => `v-${hmac(key, `variant:${variant}`)}`;
  const domainName = (key: Uint8Array, variant: string) => `d-${hmac(key, `domain:${variant}`)}`;

  /** The records under `names`, in one question when the store can answer several at once. */
  async function readAll(names: readonly string[]): Promise<(VerificationRecord | undefined)[]> {
    if (typeof store.readMany !== 'function') return Promise.all(names.map((name) => store.read(name)));
    const records = await store.readMany(names);
    if (!Array.isArray(records) || records.length !== names.length) {
      throw new VerificationStoreFailedError(
        `the verification store answered readMany with ${Array.isArray(records) ? records.length : 'no list of'} records for ${names.length} names`,
      );
    }
    return records;
  }

  /**
   * Files the address under each of its mailbox variants (`mailboxVariants`, as the directory files
   * a customer's addresses), and its domain under each of the domain's variants (`domainVariants`,
   * as the directory files its domains). Done before a code or link is checked, so an address is
   * found by its slips (`findVerified` with `maxDistance: 1`) from the moment it is verified; not
   * when the code is sent, which would put these writes on the path of every order held for a new
   * address. The entries are read first and only the missing ones written: an address at a domain
   * filed before (gmail.com) writes no domain entry, and filing an address again writes nothing.
   */
  async function indexAddress(key: Uint8Array, address: string): Promise<void> {
    const entries = indexEntries(key, address);
    const current = await readAll(entries.map((entry) => entry.name));
    await Promise.all(
      entries
        .filter((entry, index) => !filedIn(current[index], entry))
        .map((entry) =>
          store.update(entry.name, (record) =>
            filedIn(record, entry)
              ? undefined
              : listing(entry.kind, [...listed(record, entry.kind), entry.value]),
          ),
        ),
    );
  }

  /** The index entries of one address: none for an address that does not parse. */
  function indexEntries(key: Uint8Array, address: string): IndexEntry[] {
    const parsed = parseAddress(address);
    if (!parsed.ok) return [];
    const { domain } = mailboxKey(parsed.address, rules);
    return [
      ...mailboxVariants(address, { mailboxRules: ruleList }).map((variant) => ({
        name: variantName(key, variant),
        kind: 'variant' as const,
        value: address,
      })),
      ...domainVariants(domain).map((variant) => ({
        name: domainName(key, variant),
        kind: 'domain' as const,
        value: domain,
      })),
    ];
  }

  /**
   * Whether the mark says every verified address is filed as this verifier files it: under this
   * index version, with these mailbox rules (they decide an address's variants, so entries filed
   * under other rules are not where this verifier looks).
   */
  const isCurrent = (mark: VerificationRecord | undefined) =>
    mark?.kind === 'index' && mark.version >= INDEX_VERSION && mark.rules === rulesHash(ruleList);

  /** `work` under the store's lock of the index filing, when it has one. */
  const underIndexLock = <T>(work: () => Promise<T>): Promise<T> =>
    typeof store.withIndexLock === 'function' ? store.withIndexLock(work) : work();

  // The filing of every verified address under this index version, once per verifier: the mark
  // read, and when missing or older, `reindex` run before the first look-up of slips answers.
  let indexed: Promise<void> | undefined;
  function ensureIndexed(key: Uint8Array): Promise<void> {
    indexed ??= (async () => {
      if (isCurrent(await store.read(INDEX_MARK))) return;
      // A store that cannot list its records is filed as its addresses are confirmed, as before.
      if (typeof store.verifiedRecords !== 'function') return;
      await underIndexLock(async () => {
        // Another instance may have filed while this one waited for the lock.
        if (!isCurrent(await store.read(INDEX_MARK))) await reindexAll(key);
      });
    })().catch((error: unknown) => {
      // Tried again by the next look-up; this one fails, and the guard reads that as a failed lookup.
      indexed = undefined;
      throw error;
    });
    return indexed;
  }

  async function reindexAll(key: Uint8Array, onProgress?: (progress: Reindexed) => void): Promise<Reindexed> {
    const list = store.verifiedRecords?.bind(store);
    if (!list) {
      throw new InvalidInputError([
        {
          path: ['options', 'store', 'verifiedRecords'],
          message:
            'the verification store cannot list its verified addresses (it has no verifiedRecords), so they cannot be filed again',
        },
      ]);
    }
    const fileMany = store.fileMany?.bind(store);
    let addresses = 0;
    let page: string[] = [];
    // A page of addresses in one call of the store's `fileMany` (a few statements in PostgreSQL,
    // where one address at a time took about 5 transactions); without it, one address at a time.
    const filePage = async () => {
      if (!fileMany || page.length === 0) return;
      await fileMany(page.flatMap((address) => indexEntries(key, address)));
      addresses += page.length;
      page = [];
      onProgress?.({ addresses });
    };
    for await (const record of list()) {
      // A store of the caller's own may list anything: only a verified address record is filed.
      if (record?.kind !== 'address' || typeof record.address !== 'string') continue;
      if (!record.challenges.some((challenge) => challenge.verifiedAt !== undefined)) continue;
      if (fileMany) {
        page.push(record.address);
        if (page.length >= FILING_PAGE_SIZE) await filePage();
        continue;
      }
      await indexAddress(key, record.address);
      addresses++;
      onProgress?.({ addresses });
    }
    await filePage();
    const indexedAt = await store.now();
    const filedWith = rulesHash(ruleList);
    await store.update(INDEX_MARK, (current) =>
      isCurrent(current) ? undefined : { kind: 'index', version: INDEX_VERSION, indexedAt, rules: filedWith },
    );
    return { addresses };
  }

  /**
   * The verified addresses on the entered mailbox or one slip from it: the candidates filed under
   * the entered address's variants (a slip in the local part), and the entered local part at each
   * filed domain one slip from the entered domain (a slip in the domain alone, `outlok.se`), both
   * compared as the directory compares its own (`createAddressMatcher`), each only for the
   * customers its address record says it is verified for. Two reads, whatever the store holds.
   */
  async function findNear(
    key: Uint8Array,
    entered: Extract<ReturnType<typeof parseAddress>, { ok: true }>['address'],
  ): Promise<VerifiedMatch[]> {
    await ensureIndexed(key);
    const matcher = createAddressMatcher<string>(entered, rules, { maxDistance: 1, unparsed: '\u0000' });
    const variantNames = mailboxVariants(entered.address, { mailboxRules: ruleList }).map((variant) =>
      variantName(key, variant),
    );
    const domainNames = domainVariants(matcher.key.domain).map((variant) => domainName(key, variant));
    const candidates = new Set([entered.address]);
    const nearDomains = new Set<string>();
    for (const record of await readAll([...variantNames, ...domainNames])) {
      if (record?.kind === 'variant') for (const filed of record.addresses) candidates.add(filed);
      else if (record?.kind === 'domain')
        for (const domain of record.domains) if (matcher.isNearDomain(domain)) nearDomains.add(domain);
    }
    // The entered local part as each near domain's rules read it: its address record is named by that key.
    const rekeyed = matcher.rekey(nearDomains);
    for (const rekey of rekeyed) candidates.add(rekey);
    const names = [...new Set([...candidates].map((candidate) => addressName(key, candidate)))];
    for (const record of await readAll(names)) {
      if (record?.kind !== 'address') continue;
      for (const challenge of record.challenges) {
        if (challenge.verifiedAt === undefined) continue;
        const candidate = { id: challenge.customerId, emails: [record.address] };
        const slotOf = () => `${challenge.customerId}\u0000${record.address}`;
        matcher.matchCandidate(candidate, slotOf);
        if (rekeyed.size > 0) matcher.matchRekeyed(candidate, rekeyed, slotOf);
      }
    }
    return matcher.matches().map((match) => ({
      customerId: match.customerId,
      address: match.address,
      distance: match.distance ? 1 : 0,
    }));
  }

  // The guard of the first nodemailerGuard the verifier is given to: a code goes only where that
  // guard would let the pipeline ask for one (`attachHoldStore`).
  let checkedBy: Pick<Guard, 'check'> | undefined;

  /**
   * Refuses a code for an address the customer's check blocks or finds to be another customer's
   * (a typo domain, a near miss of another customer's address, that address itself): the pipeline
   * never asks for a code there, and a code to a stranger's inbox proves nothing for this customer.
   */
  async function refuseWhatTheCheckStops(customerId: string, address: string): Promise<void> {
    if (!checkedBy) return;
    const verdict = await checkedBy.check({ entered: address, customerId });
    // A customer the guard cannot look up (`lookup-failed`: a pipeline that resolves its customers
    // itself, or a look-up that timed out) says nothing about the address: only findings about the
    // address stop a code.
    const stopping = verdict.findings.filter(
      (finding) => finding.code !== 'lookup-failed' && stopsRecipient(finding),
    );
    if (stopping.length === 0) return;
    const why = describeFindings(stopping);
    throw parseInputError(
      'address',
      `no code was sent: the check of ${address} for customer ${customerId} stops it: ${why}; confirm the address with a person`,
    );
  }

  async function startChallenge(input: CustomerAddress): Promise<Challenge> {
    const { customerId, address } = readCustomerAddress(input);
    await refuseWhatTheCheckStops(customerId, address);
    const key = await store.key();
    const name = addressName(key, address);
    const now = await store.now();
    const id = randomUUID();
    const code = String(randomInt(0, 10 ** codeLength)).padStart(codeLength, '0');
    const secret = options.linkFor ? randomBytes(32).toString('base64url') : undefined;
    let outcome:
      | { kind: 'created' | 'pending' | 'verified'; challenge: VerificationChallenge }
      | { kind: 'limited'; retryAt: number }
      | { kind: 'other-customer' }
      | undefined;
    await store.update(name, (current) => {
      const record = addressRecord(current, address);
      const starts = record.starts.filter((at) => at > now - HOUR_MS);
      const existing = record.challenges.find((challenge) => challenge.customerId === customerId);
      if (existing?.verifiedAt !== undefined) {
        outcome = { kind: 'verified', challenge: existing };
        return undefined;
      }
      // Proven to be another customer's mailbox: a code now would let this customer claim it too.
      // It is theirs (`belongs-to-other-customer`), for a person to look at, not for a code.
      if (
        record.challenges.some((other) => other.customerId !== customerId && other.verifiedAt !== undefined)
      ) {
        outcome = { kind: 'other-customer' };
        return undefined;
      }
      if (existing && existing.expiresAt > now && existing.attempts < existing.maxAttempts) {
        outcome = { kind: 'pending', challenge: existing };
        return undefined;
      }
      if (starts.length >= maxStarts) {
        outcome = { kind: 'limited', retryAt: Math.min(...starts) + HOUR_MS };
        return undefined;
      }
      const challenge: VerificationChallenge = {
        id,
        customerId,
        codeHash: hmac(key, `code:${id}:${code}`),
        ...(secret === undefined ? {} : { tokenHash: hmac(key, `token:${id}:${secret}`) }),
        createdAt: now,
        expiresAt: now + ttlMs,
        attempts: 0,
        maxAttempts,
      };
      outcome = { kind: 'created', challenge };
      return {
        ...record,
        starts: [...starts, now],
        challenges: [...record.challenges.filter((other) => other.customerId !== customerId), challenge],
      };
    });
    if (outcome === undefined) throw new Error('the verification store did not run the update');
    if (outcome.kind === 'other-customer') {
      throw parseInputError(
        'address',
        'the address is verified for another customer, so no code is sent for this one: it is that customer’s address (belongs-to-other-customer); confirm it with a person',
      );
    }
    if (outcome.kind === 'limited') {
      const retryAt = new Date(outcome.retryAt).toISOString();
      throw new VerificationRateLimitedError(
        `no new code was sent to ${address}: ${maxStarts} were sent in the last hour; try again from ${retryAt}`,
        retryAt,
      );
    }
    const { challenge } = outcome;
    const details = {
      id: challenge.id,
      address,
      expiresAt: new Date(challenge.expiresAt).toISOString(),
      ...(challenge.verifiedAt === undefined
        ? {}
        : { verifiedAt: new Date(challenge.verifiedAt).toISOString() }),
    };
    if (outcome.kind !== 'created') return { ...details, sent: false };
    try {
      await sendCode(id, address, code, secret === undefined ? undefined : `${name}.${id}.${secret}`);
    } catch (error) {
      // Not sent: the challenge and its start are taken back, so the next start sends a code.
      await store
        .update(name, (current) => {
          if (current?.kind !== 'address' || !current.challenges.some((other) => other.id === id)) {
            return undefined;
          }
          return {
            ...current,
            starts: withoutOne(current.starts, now),
            challenges: current.challenges.filter((other) => other.id !== id),
          };
        })
        .catch(() => undefined);
      throw error;
    }
    return { ...details, sent: true };
  }

  async function sendCode(
    challengeId: string,
    address: string,
    code: string,
    token: string | undefined,
  ): Promise<void> {
    const link = token === undefined ? undefined : options.linkFor?.(token);
    if (link !== undefined && (typeof link !== 'string' || /[\p{Cc}\s]/u.test(link))) {
      throw new InvalidInputError([
        { path: ['options', 'linkFor'], message: 'linkFor must return a URL without spaces or line breaks' },
      ]);
    }
    const { subject, text } = buildVerificationMessage({
      code,
      ...(link === undefined ? {} : { link }),
      senderName,
      minutes: Math.round(ttlMs / 60_000),
      locale,
    });
    const mark = beginVerificationMessage({ challengeId, address });
    let failure: unknown;
    try {
      await transporter.sendMail({
        from: options.from,
        to: address,
        subject,
        text,
        emailGuard: { verification: mark },
      } as SendMailOptions);
    } catch (error) {
      failure = error ?? new Error('the transport refused the verification message');
    }
    // The plugin records what the transport answered: `verification-sent` or `verification-failed`.
    await endVerificationMessage(mark, failure);
    if (failure !== undefined) throw failure;
  }

  /** Checks a secret against one challenge of an address record, counting a wrong one. */
  async function check(
    name: string,
    pick: (record: AddressRecord) => VerificationChallenge | undefined,
    hashOf: (challenge: VerificationChallenge) => { given: string; stored: string | undefined },
  ): Promise<Outcome> {
    const now = await store.now();
    let outcome: Outcome | undefined;
    await store.update(name, (current) => {
      const challenge = current?.kind === 'address' ? pick(current) : undefined;
      if (current?.kind !== 'address' || !challenge) {
        outcome = { kind: 'refused', reason: 'unknown' };
        return undefined;
      }
      const { given, stored } = hashOf(challenge);
      const right = stored !== undefined && sameHex(given, stored);
      if (challenge.verifiedAt !== undefined) {
        // Verified already (by this code, in this or another process): the same answer again, so
        // a repeated confirmation releases what a stopped process left held.
        outcome = right ? { kind: 'verified', challenge, address: current.address } : refused('wrong-code');
        return undefined;
      }
      // Verified for another customer since this code was sent: the mailbox is theirs, as `start`
      // says for a new code, so this pending one is void and what waits on it stays for a person.
      if (
        current.challenges.some(
          (other) => other.customerId !== challenge.customerId && other.verifiedAt !== undefined,
        )
      ) {
        outcome = refused('verified-for-other-customer');
        return undefined;
      }
      if (now >= challenge.expiresAt) {
        outcome = refused('expired');
        return undefined;
      }
      if (challenge.attempts >= challenge.maxAttempts) {
        outcome = refused('too-many-attempts');
        return undefined;
      }
      const next: VerificationChallenge = right
        ? { ...challenge, attempts: challenge.attempts + 1, verifiedAt: now }
        : { ...challenge, attempts: challenge.attempts + 1 };
      outcome = right
        ? { kind: 'verified', challenge: next, address: current.address }
        : refused('wrong-code');
      return {
        ...current,
        challenges: current.challenges.map((other) => (other.id === challenge.id ? next : other)),
      };
    });
    return outcome ?? refused('unknown');
  }

  /**
   * What follows a verified challenge, every time: the customer's list, the release, `onVerified`.
   * The release comes first, so a failing `onVerified` (the customer system down) leaves nothing
   * held; its failure is reported in the result, not thrown after the address was verified.
   */
  async function afterVerified(outcome: Outcome & { kind: 'verified' }, how: string): Promise<ConfirmResult> {
    const { challenge, address } = outcome;
    const verifiedAt = new Date(challenge.verifiedAt ?? 0).toISOString();
    await addToCustomer(challenge.customerId, address, challenge.verifiedAt ?? 0);
    const report = await releaseHeld(
      challenge.customerId,
      address,
      `the customer confirmed the address with the ${how} of challenge ${challenge.id}`,
    );
    let onVerifiedError: Error | undefined;
    try {
      await options.onVerified?.({ customerId: challenge.customerId, address, verifiedAt });
    } catch (error) {
      onVerifiedError = asError(error);
    }
    return { ok: true, verifiedAt, ...report, ...(onVerifiedError ? { onVerifiedError } : {}) };
  }

  async function addToCustomer(customerId: string, address: string, verifiedAt: number): Promise<void> {
    const key = await store.key();
    // Filed again on each release or confirmation: cheap when it is filed (read, not written), and it
    // files an address a store without `verifiedRecords` could not list for `reindex`.
    await indexAddress(key, address);
    await store.update(customerName(key, customerId), (current) => {
      const record: CustomerRecord =
        current?.kind === 'customer' ? current : { kind: 'customer', customerId, verified: [] };
      if (record.verified.some((entry) => sameAddress(entry.address, address))) return undefined;
      return { ...record, verified: [...record.verified, { address, verifiedAt }] };
    });
  }

  async function verifiedChallenge(
    customerId: string,
    address: string,
  ): Promise<{ record: AddressRecord; challenge: VerificationChallenge } | undefined> {
    const key = await store.key();
    const record = await store.read(addressName(key, address));
    if (record?.kind !== 'address') return undefined;
    const challenge = record.challenges.find(
      (other) => other.customerId === customerId && other.verifiedAt !== undefined,
    );
    return challenge ? { record, challenge } : undefined;
  }

  async function listVerified(customerId: string): Promise<string[]> {
    const key = await store.key();
    const record = await store.read(customerName(key, customerId));
    return record?.kind === 'customer' ? record.verified.map((entry) => entry.address) : [];
  }

  /**
   * Sends every message held for the customer whose recipients wait only on verified addresses,
   * this one among them, through the hold stores' own release: each is claimed by an exclusive
   * lock, so two confirmations (in two processes) send it once, and a message a stopped process
   * left mid-send is never sent again by itself.
   */
  async function releaseHeld(customerId: string, address: string, reason: string): Promise<ReleaseReport> {
    const verified = [...(await listVerified(customerId)), address];
    const report: ReleaseReport = { released: [], held: [], releasing: [] };
    for (const holdStore of holdStores) {
      for (const held of await holdStore.list()) {
        if (held.customerId !== customerId || held.action !== 'confirm') continue;
        const waiting = held.recipients.filter(({ verdict }) => verdict.action !== 'send');
        if (
          !waiting.some((recipient) => sameAddress(recipient.verdict.address ?? recipient.address, address))
        )
          continue;
        const ready = waiting.every(
          ({ address: given, verdict }) =>
            isOnlyNew(verdict) && verified.some((known) => sameAddress(known, verdict.address ?? given)),
        );
        if (!ready) continue;
        if (held.state !== 'held') {
          report.releasing.push(held.id);
          continue;
        }
        try {
          report.released.push(
            await holdStore.release(held.id, transporter, { by: VERIFIER_RELEASES_AS, reason }),
          );
        } catch (error) {
          // Claimed by another confirmation since it was listed: that one sends it.
          if (isEmailGuardError(error, 'HOLD_STORE_FAILED')) {
            report.releasing.push(held.id);
            continue;
          }
          // Refused by the transport: it stays held for the next confirmation or `release`.
          report.held.push({ holdId: held.id, error: asError(error) });
        }
      }
    }
    return report;
  }

  const verifier: Verifier & {
    [attachHoldStore](
      holdStore: Pick<HoldStore, 'list' | 'release'>,
      mailboxRules?: readonly MailboxRule[],
      guard?: Pick<Guard, 'check'>,
    ): void;
  } = {
    start: startChallenge,

    async confirm(input) {
      const given = parseInput(ConfirmSchema, input, ['input']);
      const { customerId, address } = readCustomerAddress(given);
      // People read codes in groups (`493 021`); only the digits count. What cannot be a code (empty,
      // letters, the wrong length) is misuse, not an attempt: it is refused before it is counted.
      const code = given.code.length <= 4 * codeLength ? given.code.replace(/[\s-]/g, '') : '';
      if (!new RegExp(`^[0-9]{${codeLength}}$`).test(code)) {
        throw parseInputError(
          'code',
          `a code is ${codeLength} digits (spaces and hyphens between them are ignored)`,
        );
      }
      const key = await store.key();
      // Filed before the code is checked, so no check runs between verified and findable; only for an
      // address with a challenge pending for this customer, so a stray confirm files nothing.
      const pending = await store.read(addressName(key, address));
      if (
        pending?.kind === 'address' &&
        pending.challenges.some((challenge) => challenge.customerId === customerId)
      )
        await indexAddress(key, address);
      const outcome = await check(
        addressName(key, address),
        (record) => record.challenges.find((challenge) => challenge.customerId === customerId),
        (challenge) => ({ given: hmac(key, `code:${challenge.id}:${code}`), stored: challenge.codeHash }),
      );
      return outcome.kind === 'verified'
        ? afterVerified(outcome, 'code')
        : { ok: false, reason: outcome.reason };
    },

    async confirmToken(token) {
      const match =
        typeof token === 'string' ? /^(a-[0-9a-f]{64})\.([0-9a-f-]{36})\.([\w-]{43})$/.exec(token) : null;
      if (!match) return { ok: false, reason: 'unknown' };
      const [, name = '', id = '', secret = ''] = match;
      const key = await store.key();
      const challenged = await store.read(name);
      if (challenged?.kind === 'address' && challenged.challenges.some((challenge) => challenge.id === id))
        await indexAddress(key, challenged.address);
      const outcome = await check(
        name,
        (record) => record.challenges.find((challenge) => challenge.id === id),
        (challenge) => ({ given: hmac(key, `token:${challenge.id}:${secret}`), stored: challenge.tokenHash }),
      );
      return outcome.kind === 'verified'
        ? afterVerified(outcome, 'link')
        : { ok: false, reason: outcome.reason };
    },

    async isVerified(input) {
      const { customerId, address } = readCustomerAddress(
        parseInput(CustomerAddressSchema, input, ['input']),
      );
      return (await verifiedChallenge(customerId, address)) !== undefined;
    },

    async findVerified(address, findOptions = {}) {
      const { maxDistance = 0 } = parseInput(FindAddressOptionsSchema, findOptions, ['options']);
      const parsed = typeof address === 'string' ? parseAddress(address) : undefined;
      if (!parsed?.ok) return [];
      const key = await store.key();
      if (maxDistance === 1) return findNear(key, parsed.address);
      const record = await store.read(addressName(key, parsed.address.address));
      if (record?.kind !== 'address') return [];
      return record.challenges
        .filter((challenge) => challenge.verifiedAt !== undefined)
        .map((challenge) => ({
          customerId: challenge.customerId,
          address: record.address,
          distance: 0 as const,
        }));
    },

    async storeId() {
      return typeof store.id === 'function' ? await store.id() : undefined;
    },

    async listVerified(customerId) {
      parseInput(z.string().trim().min(1, 'a customer id is required'), customerId, ['input', 'customerId']);
      return listVerified(customerId);
    },

    async release(input) {
      const { customerId, address } = readCustomerAddress(
        parseInput(CustomerAddressSchema, input, ['input']),
      );
      const found = await verifiedChallenge(customerId, address);
      if (!found) return released([], []);
      await addToCustomer(customerId, found.record.address, found.challenge.verifiedAt ?? 0);
      const report = await releaseHeld(
        customerId,
        found.record.address,
        `the address was verified with challenge ${found.challenge.id}`,
      );
      // What the transport refused stays held; the first refusal is the answer, as before.
      const [refused] = report.held;
      if (refused) throw refused.error;
      return released(report.released, report.releasing);
    },

    async reindex(reindexOptions) {
      const given = parseInput(ReindexOptionsSchema, reindexOptions, ['options']) as
        | ReindexOptions
        | undefined;
      const key = await store.key();
      const done = await underIndexLock(() => reindexAll(key, given?.onProgress));
      indexed = Promise.resolve();
      return done;
    },

    [attachHoldStore](holdStore, mailboxRules, guard) {
      holdStores.add(holdStore);
      checkedBy ??= guard;
      if (!rulesTaken && mailboxRules !== undefined) {
        ruleList = mailboxRules;
        rules = indexMailboxRules(mailboxRules);
      }
      rulesTaken = true;
    },
  };
  return verifier;
}

/**
 * The released messages as an array, as before, with the ones found mid-send beside them. Not
 * enumerable, so the array compares, spreads and serialises as the plain list it always was.
 */
function released(sent: ReleaseResult[], releasing: readonly string[]): Released {
  return Object.defineProperty(sent, 'releasing', { value: releasing, enumerable: false }) as Released;
}

/** One entry of the index of slips: `value` (an address, a domain) listed under `name`. */
/**
 * The mailbox rules as a SHA-256 hash (hex) of their fields in a fixed order: the same rules give
 * the same hash in every process, however their objects were written.
 */
function rulesHash(mailboxRules: readonly MailboxRule[]): string {
  const fields = mailboxRules.map((rule) => [
    [...rule.domains],
    rule.canonicalDomain ?? null,
    rule.ignoreDots ?? false,
    rule.subaddressSeparator ?? null,
  ]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function refused(reason: RefusalReason): Outcome {
  return { kind: 'refused', reason };
}

function addressRecord(current: VerificationRecord | undefined, address: string): AddressRecord {
  return current?.kind === 'address' ? current : { kind: 'address', address, starts: [], challenges: [] };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function withoutOne(values: readonly number[], value: number): number[] {
  const index = values.indexOf(value);
  return index === -1 ? [...values] : [...values.slice(0, index), ...values.slice(index + 1)];
}

/** The customer and the address, the address parsed (one plain address, domain in lower case). */
function readCustomerAddress(input: CustomerAddress): CustomerAddress {
  const given = parseInput(CustomerAddressSchema, input, ['input']);
  const parsed = parseAddress(given.address);
  if (!parsed.ok) throw parseInputError('address', parsed.detail);
  return { customerId: given.customerId.trim(), address: parsed.address.address };
}

function parseInputError(field: string, message: string): InvalidInputError {
  return new InvalidInputError([{ path: ['input', field], message }]);
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The sender's display name, or its domain when it has none: what the customer knows the shop by. */
function nameOf(from: VerifierOptions['from']): string {
  const parsed =
    typeof from === 'string'
      ? addressparser(from, { flatten: true })[0]
      : { name: from.name, address: from.address };
  const name = parsed?.name?.trim();
  if (name) return name;
  const address = parsed?.address ?? '';
  return address.slice(address.lastIndexOf('@') + 1) || address;
}
