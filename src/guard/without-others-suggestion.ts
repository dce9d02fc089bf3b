import { type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import type { VerifiedAddressSource } from './create-guard.js';
import { settleLookup } from './settle-lookup.js';
import type { Locale, Verdict } from './verdict.js';
import { type CorrectionWithheld, withoutCorrectionNamed } from './without-correction-named.js';

/** Where another customer's addresses are known: the guard's directory and verified addresses. */
export interface OtherCustomersSources {
  readonly directory?: Directory | AsyncDirectory | undefined;
  readonly verifiedAddresses?: VerifiedAddressSource | undefined;
  readonly rules: MailboxRuleIndex;
  readonly timeoutMs: number;
  /** The language a finding is said again in when it named the withheld correction. @default 'en' */
  readonly locale?: Locale | undefined;
}

/**
 * The verdict without its suggestion when that address is on file or verified for another
 * customer, and not for this one. A corrected domain (`karin.berg.privat@gmail.com` for a typed
 * `…@gmial.com`), a look-alike or a sibling domain can land on a mailbox that is someone else's:
 * offered, it is shown as the correction, pre-filled on the review page and released to with
 * `--confirm-new`, and the order reaches that other customer. A mailbox is compared under the
 * guard's `mailboxRules` (Gmail's dots, `+tags`). Whose it is cannot be told when a lookup fails
 * or does not answer in time: the suggestion is then left out too, as it costs only a retyping.
 * A domain typo that named the correction (`gmial.com looks like a typo of gmail.com`) is said
 * again without it, and asks for the address spelled again by the customer.
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
  const whose = await whoseElse(parsed.address.address, customer.id, sources);
  return whose === undefined ? verdict : withoutSuggestion(verdict, whose, sources.locale ?? 'en');
}

/**
 * Whether the address is on another customer's record or verified for another customer
 * (`other-customer`), could not be told (`not-looked-up`), or neither (`undefined`).
 */
async function whoseElse(
  address: string,
  customerId: string,
  sources: OtherCustomersSources,
): Promise<CorrectionWithheld | undefined> {
  const { directory, verifiedAddresses } = sources;
  const lookups: Promise<Answer>[] = [];
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
  const answers = await Promise.all(lookups);
  if (answers.includes('other-customer')) return 'other-customer';
  return answers.includes('not-looked-up') ? 'not-looked-up' : undefined;
}

/** A lookup's answer: another customer's, not known whose (it failed), or no one else's. */
type Answer = CorrectionWithheld | undefined;

/** What `says` makes of a lookup's answer; `not-looked-up` when it fails or is no list. */
async function answered<T>(
  ask: () => readonly T[] | Promise<readonly T[]>,
  timeoutMs: number,
  says: (matches: readonly T[]) => boolean,
): Promise<Answer> {
  const outcome = await settleLookup(ask, timeoutMs);
  if (!('found' in outcome) || !Array.isArray(outcome.found)) return 'not-looked-up';
  return says(outcome.found) ? 'other-customer' : undefined;
}

function withoutSuggestion(verdict: Verdict, why: CorrectionWithheld, locale: Locale): Verdict {
  const { suggestion, readBack, findings, ...rest } = verdict;
  const said = { ...rest, findings: withoutCorrectionNamed(findings, suggestion ?? '', why, locale) };
  if (readBack === undefined) return said;
  const { suggestion: _spoken, ...entered } = readBack;
  return { ...said, readBack: entered };
}
