import { type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import type { VerifiedAddressSource } from './create-guard.js';
import { settleLookup } from './settle-lookup.js';
import type { Verdict } from './verdict.js';

/** Where another customer's addresses are known: the guard's directory and verified addresses. */
export interface OtherCustomersSources {
  readonly directory?: Directory | AsyncDirectory | undefined;
  readonly verifiedAddresses?: VerifiedAddressSource | undefined;
  readonly rules: MailboxRuleIndex;
  readonly timeoutMs: number;
}

/**
 * The verdict without its suggestion when that address is on file or verified for another
 * customer, and not for this one. A corrected domain (`karin.berg.privat@gmail.com` for a typed
 * `…@gmial.com`), a look-alike or a sibling domain can land on a mailbox that is someone else's:
 * offered, it is shown as the correction, pre-filled on the review page and released to with
 * `--confirm-new`, and the order reaches that other customer. A mailbox is compared under the
 * guard's `mailboxRules` (Gmail's dots, `+tags`). Whose it is cannot be told when a lookup fails
 * or does not answer in time: the suggestion is then left out too, as it costs only a retyping.
 */
export async function withoutOthersSuggestion(
  verdict: Verdict,
  customer: Customer,
  sources: OtherCustomersSources,
): Promise<Verdict> {
  const suggestion = verdict.suggestion;
  if (suggestion === undefined) return verdict;
  const parsed = parseAddress(suggestion);
  if (!parsed.ok) return verdict;
  const key = mailboxKey(parsed.address, sources.rules).key;
  const keyOf = (address: string) => {
    const own = parseAddress(address);
    return own.ok ? mailboxKey(own.address, sources.rules).key : undefined;
  };
  // Nearly every suggestion is one of the customer's own addresses (a near miss of it): no lookup.
  if ((customer.emails ?? []).some((address) => keyOf(address) === key)) return verdict;
  if (await isOthers(parsed.address.address, customer.id, sources)) return withoutSuggestion(verdict);
  return verdict;
}

/** Whether the address is on another customer's record or verified for another customer; `true` when that cannot be told. */
async function isOthers(address: string, customerId: string, sources: OtherCustomersSources) {
  const { directory, verifiedAddresses } = sources;
  const lookups: Promise<boolean>[] = [];
  if (directory) {
    const input = { entered: address, excludeCustomerId: customerId };
    lookups.push(
      answered(
        // The same question of an in-memory directory and of a database: the mailbox alone.
        () => directory.findAddress(input, { maxDistance: 0 }),
        sources.timeoutMs,
        (matches) => matches.some((match) => match.distance === 0 && match.customerId !== customerId),
      ),
    );
  }
  const findVerified = verifiedAddresses?.findVerified;
  if (typeof findVerified === 'function') {
    lookups.push(
      answered(
        () => findVerified.call(verifiedAddresses, address, { maxDistance: 0 }),
        sources.timeoutMs,
        (matches) => matches.some((match) => match?.customerId !== customerId && match?.distance !== 1),
      ),
    );
  }
  return (await Promise.all(lookups)).includes(true);
}

/** What `says` makes of a lookup's answer; `true` (someone else's, as far as can be told) when it fails or is no list. */
async function answered<T>(
  ask: () => readonly T[] | Promise<readonly T[]>,
  timeoutMs: number,
  says: (matches: readonly T[]) => boolean,
): Promise<boolean> {
  const outcome = await settleLookup(ask, timeoutMs);
  return !('found' in outcome) || !Array.isArray(outcome.found) || says(outcome.found);
}

function withoutSuggestion(verdict: Verdict): Verdict {
  const { suggestion: _left, readBack, ...rest } = verdict;
  if (readBack === undefined) return rest;
  const { suggestion: _spoken, ...entered } = readBack;
  return { ...rest, readBack: entered };
}
