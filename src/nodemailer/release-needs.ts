import { FewerCustomersError, InvalidInputError } from '../errors.js';
import type { Guard, GuardOptions } from '../guard/create-guard.js';
import { settleLookup } from '../guard/settle-lookup.js';
import { answerFieldName } from '../pipeline/answer-fields.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import { countCustomers, customersWhenHeld, fewerCustomersRefusal } from './customers-known.js';
import { heldForLookupOnly } from './held-for-lookup-only.js';
import type { HeldMessage } from './hold-store.js';
import { namesShownInMessage } from './names-shown-in-message.js';
import { replaceRecipients } from './replace-recipients.js';
import { showsAddressInName } from './shows-address-in-name.js';
import { stoppedWhenHeld } from './stopped-when-held.js';
import {
  type HeldVerificationStoreId,
  otherVerificationStore,
  type StoreIdReading,
  type VerificationStoreIdUnread,
} from './verification-store-id.js';

/**
 * One reason the release of a held message would be refused, by `code`; the release is refused
 * until each is answered (every release path refuses on these same answers: the library's release,
 * `email-guard holds release` and the review service ask this and word the answer):
 *
 * - `envelope-recipients`: the message was held with no envelope (a raw message given without one),
 *   so it names no one to deliver to; the release needs the recipients (`to`). Said first: a
 *   release with no recipient never reaches the check that answers the others. `named`: the
 *   recipients its header names, as held.
 * - `customer`: no customer was known when the message was held (its lookup failed and no id was
 *   kept), so no recipient, corrected or not, can pass a check against the message's customer.
 *   Send the order again naming its customer, discard it, or release it with `sendDespiteBlock`.
 * - `answer-field`: another customer's address (or a block) stood in a field an answer goes to
 *   (`fields`: Reply-To, Disposition-Notification-To, …), which a release sends as held: only
 *   `sendDespiteBlock` or sending the order again answers it.
 * - `corrected-recipients`: a recipient was blocked (`recipients`) by more than a failed customer
 *   lookup; the release needs the corrected recipients (`to`), with `sendDespiteBlock` too: an
 *   override goes only to recipients the releaser names (the audit log records
 *   `released-despite-block`).
 * - `stopped-when-held`: a recipient the release still sends to (`recipients`) was blocked or found
 *   to be another customer's address when the message was held; a check against the customers
 *   given at release cannot clear that. `inNames`: each was stopped for a display name that showed
 *   another address, which corrected recipients answer only when the corrected message no longer
 *   shows that address anywhere (its bytes are read for it; without the held `raw`, it stands).
 * - `verification-store`: the check that held the message read the addresses verified in the store
 *   `heldWith` (or one whose id could not be read, `{ unread }`), and the release's guard reads
 *   another (`now`): an empty or another store says nobody verified an address another customer
 *   proved. Only the guard given that store answers it; a store `{ unread }` no store can.
 * - `enough-customers`: the release's guard knows fewer customers (`now`) than the check that held
 *   the message (`whenHeld`), or one of the counts is unknown: a corrected address of a customer
 *   missing from it would pass as merely new. A complete directory, or `fewerCustomers: true`.
 * - `customer-in-directory`: the release's guard looks customers up in its directory, which does not
 *   have the message's customer (`customerId`, a filtered or another export): every recipient would
 *   be a failed lookup. A directory that has them, or `sendDespiteBlock`.
 * - `verified-addresses`: the check that held the message knew the addresses verified by code and
 *   the release's guard does not (`verifiedAddresses`): an address verified for another customer
 *   would pass as merely new.
 */
export type ReleaseNeed =
  | { readonly code: 'customer' }
  | {
      readonly code: 'envelope-recipients';
      /** The recipients the held message's header names (To, Cc, Bcc), with their verdicts. */
      readonly named: HeldMessage['recipients'];
    }
  | {
      readonly code: 'answer-field';
      /** The answer fields as a person reads them in the header (`Reply-To`). */
      readonly fields: readonly string[];
      /** The held recipients stopped in them, with their verdicts. */
      readonly recipients: HeldMessage['recipients'];
    }
  | {
      readonly code: 'corrected-recipients';
      /** The held recipients blocked, with their verdicts. */
      readonly recipients: HeldMessage['recipients'];
    }
  | {
      readonly code: 'stopped-when-held';
      /** The held recipients stopped when held that the release still sends to, with their verdicts. */
      readonly recipients: HeldMessage['recipients'];
      /** Every one of them was stopped for an address its display name showed. */
      readonly inNames: boolean;
    }
  | {
      readonly code: 'verification-store';
      /** The id of the store the check that held the message read, or why it could not be read then. */
      readonly heldWith: string | VerificationStoreIdUnread;
      /** The store the release's guard reads: its id, none (`undefined`), or why it cannot be read. */
      readonly now: StoreIdReading;
    }
  | {
      readonly code: 'enough-customers';
      /** Customers the check that held the message knew; undefined when its count failed. */
      readonly whenHeld: number | undefined;
      /** Customers the release's guard knows; undefined when its directory cannot say. */
      readonly now: number | undefined;
    }
  | {
      readonly code: 'customer-in-directory';
      /** The message's customer, whom the release's directory does not have. */
      readonly customerId: string;
    }
  | { readonly code: 'verified-addresses' };

/** What of a held message {@link releaseNeeds} reads: a `HeldMessage` as a hold store lists it. */
export type HeldForRelease = Pick<
  HeldMessage,
  | 'id'
  | 'action'
  | 'recipients'
  | 'customerId'
  | 'customerLookup'
  | 'customersKnown'
  | 'customersCountFailed'
  | 'verifiedAddressesChecked'
> &
  Partial<Pick<HeldMessage, 'envelope' | 'verificationStoreId'>> & {
    /**
     * The held message's bytes (`holdStore.get(id).raw`): read for a display name that showed
     * another address, once corrected recipients are written in. Without them such a stop stands.
     */
    readonly raw?: Uint8Array;
  };

export interface ReleaseNeedsOptions {
  /**
   * The guard the release is checked by (its `nodemailerGuard`'s), or its options: the customers
   * its directory knows, the verification store it reads and whether it knows the verified
   * addresses. Without it only what the held message alone decides is said (`customer`,
   * `envelope-recipients`, `answer-field`, `corrected-recipients`, `stopped-when-held`); the release
   * still refuses the rest itself, on the same rule.
   * @default undefined
   */
  readonly guard?: Guard | GuardOptions;
  /** The corrected recipients the release sends to, as `release` takes them. @default undefined */
  readonly to?: string | readonly string[] | undefined;
  /** The release sends past a block on the releaser's own account. @default false */
  readonly sendDespiteBlock?: boolean | undefined;
  /** The release is meant to be checked against fewer customers than the hold was. @default false */
  readonly fewerCustomers?: boolean | undefined;
}

/**
 * Every reason the release of a held message would be refused, as typed reasons (an empty list:
 * none; the check at release still judges the recipients), in the order a release meets them. The
 * rules are the release's own: the hold stores' `release` and `nodemailerGuard` refuse on these same
 * answers, and the review service and the `email-guard holds release` command ask this and only
 * word the answer. Asynchronous because a database directory counts its customers with a query
 * (bounded by the guard's `lookupTimeoutMs`; a count that fails or does not answer is unknown), and
 * a display name is looked for in the corrected message as mailparser reads it.
 *
 * @example
 * ```ts
 * import { createDirectory, createGuard } from 'email-guard';
 * import { releaseNeeds } from 'email-guard/nodemailer';
 *
 * const held = {
 *   id: 'h-1',
 *   action: 'confirm' as const,
 *   recipients: [],
 *   customerId: 'C-1001',
 *   customersKnown: 1200,
 * };
 * const needs = await releaseNeeds(held, { guard: createGuard({ directory: createDirectory([]) }) });
 * needs; // [{ code: 'enough-customers', whenHeld: 1200, now: 0 }, { code: 'customer-in-directory', customerId: 'C-1001' }]
 * ```
 */
export async function releaseNeeds(
  held: HeldForRelease,
  options: ReleaseNeedsOptions = {},
): Promise<ReleaseNeed[]> {
  const { sendDespiteBlock, ...asked } = options;
  const needs = await everyNeed(held, asked);
  return sendDespiteBlock === true ? needs.filter((need) => !answeredByOverride(need)) : needs;
}

/**
 * Whether `sendDespiteBlock` answers a need, on the releaser's own account: no customer to check
 * against, a block in an answer field, a stop that stands, a customer the directory lacks. It never
 * answers the recipients a release must name (`envelope-recipients`, `corrected-recipients`) nor
 * what the release's guard must know as the hold knew it (the verification store, the customers,
 * the verified addresses).
 */
export function answeredByOverride(need: ReleaseNeed): boolean {
  return OVERRIDDEN.has(need.code);
}

const OVERRIDDEN: ReadonlySet<ReleaseNeed['code']> = new Set([
  'customer',
  'answer-field',
  'stopped-when-held',
  'customer-in-directory',
]);

/** Every need of the release without an override, in the order a release meets them. */
async function everyNeed(
  held: HeldForRelease,
  options: Omit<ReleaseNeedsOptions, 'sendDespiteBlock'>,
): Promise<ReleaseNeed[]> {
  const needs: ReleaseNeed[] = [];
  const to = correctedList(options.to);
  // First: a release that names no one to deliver to (RFC 5321 §4.1.1.3, RCPT TO) never reaches the
  // check that answers the rest, so every path refuses on it before anything else.
  if (held.envelope !== undefined && held.envelope.to.length === 0 && to.length === 0)
    needs.push({
      code: 'envelope-recipients',
      named: held.recipients.filter(({ field }) => field === 'to' || field === 'cc' || field === 'bcc'),
    });
  if (heldWithoutCustomer(held)) needs.push({ code: 'customer' });
  const stopped = stoppedWhenHeld(held.recipients);
  // An answer field is sent as held whatever `to` says: a release corrects the recipients only.
  const inAnswerFields = stopped.filter((recipient) => answerFieldName(recipient) !== undefined);
  if (inAnswerFields.length > 0)
    needs.push({
      code: 'answer-field',
      fields: [...new Set(inAnswerFields.map((recipient) => answerFieldName(recipient) as string))],
      recipients: inAnswerFields,
    });
  // Held only because its customer could not be looked up, nothing is known against the address:
  // it is checked as held against the customer found now, and no correction is needed. Overriding a
  // block (`sendDespiteBlock`) needs the recipients named too: the releaser states whom it goes to,
  // and it never goes on their account to held recipients nobody named, blind copies included
  // (docs/nodemailer.md, `release`).
  const correcting = held.action === 'block' && to.length === 0 && !heldForLookupOnly(held);
  if (correcting)
    needs.push({
      code: 'corrected-recipients',
      recipients: held.recipients.filter(({ verdict }) => verdict.action === 'block'),
    });
  // Asked for corrected recipients, the held ones are not what goes: a stop is said of those given.
  if (!correcting) {
    const stands = await stopsThatStand(held, stopped, to);
    if (stands.length > 0)
      needs.push({
        code: 'stopped-when-held',
        recipients: stands,
        inNames: stands.every(({ address }) => showsAddressInName(address)),
      });
  }
  if (!options.guard) return needs;
  const guardOptions = 'check' in options.guard ? options.guard.options : options.guard;
  const ofGuard = await guardReleaseNeeds(held, guardOptions, options);
  const missing = await customerMissing(held, guardOptions);
  // In the order a release meets them: the store, the count, the customer, the verified addresses.
  needs.push(...ofGuard.filter(({ code }) => code !== 'verified-addresses'));
  if (missing) needs.push(missing);
  needs.push(...ofGuard.filter(({ code }) => code === 'verified-addresses'));
  return needs;
}

/** The corrected recipients given, as a list (an empty string or list: none). */
function correctedList(to: string | readonly string[] | undefined): readonly string[] {
  if (to === undefined) return [];
  return typeof to === 'string' ? (to === '' ? [] : [to]) : to;
}

/**
 * The held recipients stopped when held that the release still sends to (the held ones, or those
 * `to` names again): the check at release runs against the customers given then, and an export out
 * of date or filtered lacks the other customer, so what it does not know cannot clear what was
 * known. A stop for a display name that showed another address is lifted by corrected recipients
 * only when the corrected message, as it would be sent, no longer shows that address anywhere.
 */
async function stopsThatStand(
  held: HeldForRelease,
  stopped: HeldMessage['recipients'],
  to: readonly string[],
): Promise<HeldMessage['recipients']> {
  const going = new Set(
    (to.length > 0 ? to : held.recipients.map(({ address }) => address)).map(comparableAddress),
  );
  const stands = stopped.filter(
    (recipient) =>
      answerFieldName(recipient) === undefined && going.has(comparableAddress(recipient.address)),
  );
  if (to.length === 0 || held.raw === undefined) return stands;
  const names = stands.filter(({ address }) => showsAddressInName(address));
  if (names.length === 0) return stands;
  const corrected = replaceRecipients(Buffer.from(held.raw), to.map(comparableAddress));
  const shown = await namesShownInMessage(
    corrected,
    names.map(({ address }) => address),
  );
  const gone = new Set(names.filter(({ address }) => !shown.has(address)));
  // A mailbox stopped for itself as well as for a name stands whatever the name shows.
  const itself = new Set(
    stands
      .filter(({ address }) => !showsAddressInName(address))
      .map(({ address }) => comparableAddress(address)),
  );
  return stands.filter(
    (recipient) => !gone.has(recipient) || itself.has(comparableAddress(recipient.address)),
  );
}

/**
 * What of a held message's release only its guard can say, in the order the release refuses:
 * the verification store it reads, the customers it knows, whether it knows the verified addresses.
 * `nodemailerGuard` asks this of each release on its way out and refuses with the first
 * ({@link releaseNeedError}); {@link releaseNeeds} asks it with the held message.
 */
export async function guardReleaseNeeds(
  held: {
    readonly id: string;
    readonly customersKnown?: number | undefined;
    readonly customersCountFailed?: boolean | undefined;
    readonly verifiedAddressesChecked?: boolean | undefined;
    readonly verificationStoreId?: HeldVerificationStoreId | undefined;
  },
  guard: GuardOptions,
  options: { readonly fewerCustomers?: boolean | undefined },
): Promise<ReleaseNeed[]> {
  const needs: ReleaseNeed[] = [];
  const other = await otherVerificationStore(held, { options: guard });
  if (other) needs.push({ code: 'verification-store', heldWith: other.heldWith, now: other.now });
  const enough = await enoughCustomers(held, guard, options);
  if (enough) needs.push(enough);
  if (held.verifiedAddressesChecked && !guard.verifiedAddresses) needs.push({ code: 'verified-addresses' });
  return needs;
}

/**
 * Whether the message was held with no customer to check against: its lookup failed (the pipeline's
 * `customerLookup`, or the guard's own `lookup-failed` finding) and no customer id was kept.
 */
function heldWithoutCustomer(held: HeldForRelease): boolean {
  if (held.customerId !== undefined) return false;
  return (
    held.customerLookup !== undefined ||
    held.recipients.some(({ verdict }) => verdict.findings.some(({ code }) => code === 'lookup-failed'))
  );
}

/** The `enough-customers` need, by the rule every release follows (`fewerCustomersRefusal`). */
async function enoughCustomers(
  held: {
    readonly id: string;
    readonly customersKnown?: number | undefined;
    readonly customersCountFailed?: boolean | undefined;
  },
  guard: GuardOptions,
  options: { readonly fewerCustomers?: boolean | undefined },
): Promise<ReleaseNeed | undefined> {
  const whenHeld = customersWhenHeld(held);
  // Decided before counting: a database directory's count is a query, not asked when nothing compares it.
  if (whenHeld === undefined || options.fewerCustomers) return undefined;
  const now = await countCustomers(guard.directory, { timeoutMs: guard.lookupTimeoutMs ?? 2000 });
  const refusal = fewerCustomersRefusal({ holdId: held.id, whenHeld, now });
  return refusal ? { code: 'enough-customers', whenHeld: refusal.whenHeld, now: refusal.now } : undefined;
}

/**
 * The `customer-in-directory` need: the guard finds customers in its directory (it has no
 * `lookupCustomer`), and the directory answers that it has no customer with the message's id. A
 * look-up that fails or does not answer says nothing here: the check at release fails on it itself.
 */
async function customerMissing(held: HeldForRelease, guard: GuardOptions): Promise<ReleaseNeed | undefined> {
  const { customerId } = held;
  const directory = guard.directory;
  if (customerId === undefined || guard.lookupCustomer || typeof directory?.get !== 'function')
    return undefined;
  const outcome = await settleLookup(() => directory.get(customerId), guard.lookupTimeoutMs ?? 2000);
  return 'reason' in outcome && outcome.reason === 'not-found'
    ? { code: 'customer-in-directory', customerId }
    : undefined;
}

// The need each refusal made from one stands for, for a release tool that words it
// ({@link releaseNeedOf}): the error travels through nodemailer and the hold store unchanged.
const needsOfRefusals = new WeakMap<object, ReleaseNeed>();

/**
 * The error a release refuses with for a need only its guard or the held message's envelope can
 * answer: `verification-store` and `verified-addresses` an `InvalidInputError` naming
 * `options.verifiedAddresses` (issue codes `verification-store-differs`, `verification-store-unknown`,
 * `verified-addresses-needed`), `enough-customers` a `FewerCustomersError` in the guard's language,
 * `envelope-recipients` an `InvalidInputError` naming `options.to` (issue code `no-envelope`).
 * Undefined for a need the check at release refuses itself, with the verdicts.
 */
export function releaseNeedError(
  need: ReleaseNeed,
  holdId: string,
  locale: 'sv' | 'en' = 'en',
): FewerCustomersError | InvalidInputError | undefined {
  const error = needError(need, holdId, locale);
  if (error) needsOfRefusals.set(error, need);
  return error;
}

/** The need a release was refused for, when the error is one {@link releaseNeedError} made. */
export function releaseNeedOf(error: unknown): ReleaseNeed | undefined {
  return typeof error === 'object' && error !== null ? needsOfRefusals.get(error) : undefined;
}

function needError(
  need: ReleaseNeed,
  holdId: string,
  locale: 'sv' | 'en',
): FewerCustomersError | InvalidInputError | undefined {
  switch (need.code) {
    case 'enough-customers':
      return new FewerCustomersError({ holdId, whenHeld: need.whenHeld, now: need.now }, locale);
    case 'verified-addresses':
      return new InvalidInputError([
        {
          path: ['options', 'verifiedAddresses'],
          code: 'verified-addresses-needed',
          message: `held message ${holdId} was held by a check that knew the addresses verified by code; release it through a guard given them (nodemailerGuard({ verifier }) or createGuard({ verifiedAddresses }))`,
        },
      ]);
    case 'verification-store':
      return typeof need.heldWith === 'string'
        ? new InvalidInputError([
            {
              path: ['options', 'verifiedAddresses'],
              code: 'verification-store-differs',
              message: `held message ${holdId} was checked against the addresses verified in the store ${need.heldWith}, and this guard reads ${describeReading(need.now)}: another store's addresses (an empty one says nobody verified anything) cannot clear it; release it through a guard given that store`,
            },
          ])
        : new InvalidInputError([
            {
              path: ['options', 'verifiedAddresses'],
              code: 'verification-store-unknown',
              message: `held message ${holdId} was checked against addresses verified in a store whose id could not be read (${unreadWhy(need.heldWith)}), so no store can be shown to be that one, and another store's addresses (an empty one says nobody verified anything) cannot clear it; discard it and send the order again, so it is checked afresh`,
            },
          ]);
    case 'envelope-recipients': {
      const named = need.named.map(
        ({ field, address }) => `${field === 'to' ? 'To' : field === 'cc' ? 'Cc' : 'Bcc'} ${address}`,
      );
      return new InvalidInputError([
        {
          path: ['options', 'to'],
          code: 'no-envelope',
          message: `held message ${holdId} was held with no envelope (a raw message given without one), so it names no one to deliver to: give the recipients to release it to with the option \`to\`${named.length > 0 ? `; its header names ${named.join(', ')}` : ''}`,
        },
      ]);
    }
    default:
      return undefined;
  }
}

function describeReading(reading: StoreIdReading): string {
  if (reading === undefined) return 'a store that gives no id';
  if ('id' in reading) return `the store ${reading.id}`;
  return `a store whose id could not be read (${unreadWhy(reading)})`;
}

function unreadWhy({ unread }: VerificationStoreIdUnread): string {
  return unread === 'timeout' ? 'no answer in time' : 'it failed';
}
