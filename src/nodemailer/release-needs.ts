import type { Guard, GuardOptions } from '../guard/create-guard.js';
import { countCustomers, customersWhenHeld, fewerCustomersRefusal } from './customers-known.js';
import { heldForLookupOnly } from './held-for-lookup-only.js';
import type { HeldMessage } from './hold-store.js';

/**
 * One thing a release of a held message lacks, by `code`; the release is refused until each is
 * given (the library's release refuses the same, so a release tool asks first and says it in its
 * own words):
 *
 * - `customer`: no customer was known when the message was held (its lookup failed and no id was
 *   kept), so no recipient, corrected or not, can pass a check against the message's customer.
 *   Send the order again naming its customer, discard it, or release it with `sendDespiteBlock`.
 * - `corrected-recipients`: a recipient was blocked (`recipients`) by more than a failed customer
 *   lookup; the release needs the corrected recipients (`to`).
 * - `enough-customers`: the release's guard knows fewer customers (`now`) than the check that held
 *   the message (`whenHeld`), or one of the counts is unknown: a corrected address of a customer
 *   missing from it would pass as merely new. A complete directory, or `fewerCustomers: true`.
 * - `verified-addresses`: the check that held the message knew the addresses verified by code and
 *   the release's guard does not (`verifiedAddresses`): an address verified for another customer
 *   would pass as merely new.
 */
export type ReleaseNeed =
  | { readonly code: 'customer' }
  | {
      readonly code: 'corrected-recipients';
      /** The held recipients blocked, with their verdicts. */
      readonly recipients: HeldMessage['recipients'];
    }
  | {
      readonly code: 'enough-customers';
      /** Customers the check that held the message knew; undefined when its count failed. */
      readonly whenHeld: number | undefined;
      /** Customers the release's guard knows; undefined when its directory cannot say. */
      readonly now: number | undefined;
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
>;

export interface ReleaseNeedsOptions {
  /**
   * The guard the release is checked by (its `nodemailerGuard`'s), or its options: the customers
   * its directory knows and whether it knows the verified addresses. Without it only what the held
   * message alone decides is said (`customer`, `corrected-recipients`); the release still refuses
   * the rest itself.
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
 * What the release of a held message lacks, as typed reasons (an empty list: nothing; the check at
 * release still judges the recipients). The rules are the release's own, asked before it: the
 * review service and the `email-guard holds release` command ask this and only word the answer.
 * Asynchronous because a database directory counts its customers with a query (bounded by the
 * guard's `lookupTimeoutMs`; a count that fails or does not answer is unknown).
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
 * needs; // [{ code: 'enough-customers', whenHeld: 1200, now: 0 }]
 * ```
 */
export async function releaseNeeds(
  held: HeldForRelease,
  options: ReleaseNeedsOptions = {},
): Promise<ReleaseNeed[]> {
  const needs: ReleaseNeed[] = [];
  if (heldWithoutCustomer(held) && !options.sendDespiteBlock) needs.push({ code: 'customer' });
  const corrected = typeof options.to === 'string' ? options.to !== '' : (options.to?.length ?? 0) > 0;
  // Held only because its customer could not be looked up, nothing is known against the address:
  // it is checked as held against the customer found now, and no correction is needed.
  if (held.action === 'block' && !corrected && !heldForLookupOnly(held))
    needs.push({
      code: 'corrected-recipients',
      recipients: held.recipients.filter(({ verdict }) => verdict.action === 'block'),
    });
  if (!options.guard) return needs;
  const guardOptions = 'check' in options.guard ? options.guard.options : options.guard;
  const enough = await enoughCustomers(held, guardOptions, options);
  if (enough) needs.push(enough);
  if (held.verifiedAddressesChecked && !guardOptions.verifiedAddresses)
    needs.push({ code: 'verified-addresses' });
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
  held: HeldForRelease,
  guard: GuardOptions,
  options: ReleaseNeedsOptions,
): Promise<ReleaseNeed | undefined> {
  const whenHeld = customersWhenHeld(held);
  // Decided before counting: a database directory's count is a query, not asked when nothing compares it.
  if (whenHeld === undefined || options.fewerCustomers) return undefined;
  const now = await countCustomers(guard.directory, { timeoutMs: guard.lookupTimeoutMs ?? 2000 });
  const refusal = fewerCustomersRefusal({ holdId: held.id, whenHeld, now });
  return refusal ? { code: 'enough-customers', whenHeld: refusal.whenHeld, now: refusal.now } : undefined;
}
