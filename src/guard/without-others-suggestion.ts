import { type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import type { VerifiedAddressSource } from './create-guard.js';
import { messageFor } from './messages.js';
import { settleLookup } from './settle-lookup.js';
import type { Finding, Locale, Verdict } from './verdict.js';
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
  checked: Verdict,
  customer: Customer,
  sources: OtherCustomersSources,
): Promise<Verdict> {
  const verdict = await withoutOthersTiedDomains(checked, customer, sources);
  const suggestion = verdict.suggestion;
  if (suggestion === undefined) return verdict;
  const whose = await whoseUnlessOwn(suggestion, customer, sources);
  return whose === undefined ? verdict : withoutSuggestion(verdict, whose, sources.locale ?? 'en');
}

/**
 * Whose else an address is ({@link whoseElse}); `undefined` without a lookup for one of the
 * customer's own mailboxes, as nearly every suggestion is (a near miss of it), and for no address.
 */
async function whoseUnlessOwn(
  address: string,
  customer: Customer,
  sources: OtherCustomersSources,
): Promise<CorrectionWithheld | undefined> {
  const parsed = parseAddress(address);
  if (!parsed.ok) return undefined;
  const key = mailboxKey(parsed.address, sources.rules).key;
  const keyOf = (known: string) => {
    const own = parseAddress(known);
    return own.ok ? mailboxKey(own.address, sources.rules).key : undefined;
  };
  if ((customer.emails ?? []).some((known) => keyOf(known) === key)) return undefined;
  return whoseElse(parsed.address.address, customer.id, sources);
}

/**
 * The verdict with each domain typo whose corrections tie (no suggestion, several `candidates`)
 * said again without them when one corrected address is another customer's, or whose could not be
 * told: a tie offers no suggestion, but its message names each corrected domain, and beside the
 * local part typed that spells out the other customer's address as a suggestion would.
 */
async function withoutOthersTiedDomains(
  verdict: Verdict,
  customer: Customer,
  sources: OtherCustomersSources,
): Promise<Verdict> {
  const address = verdict.address;
  const tied = (finding: Finding) =>
    finding.code === 'domain-typo' && finding.suggestedDomain === undefined && finding.candidates.length > 1;
  if (address === undefined || !verdict.findings.some(tied)) return verdict;
  const local = address.slice(0, address.lastIndexOf('@'));
  const findings = await Promise.all(
    verdict.findings.map(async (finding): Promise<Finding> => {
      if (finding.code !== 'domain-typo' || !tied(finding)) return finding;
      const answers = await Promise.all(
        finding.candidates.map((domain) => whoseUnlessOwn(`${local}@${domain}`, customer, sources)),
      );
      const why: CorrectionWithheld | undefined = answers.includes('other-customer')
        ? 'other-customer'
        : answers.includes('not-looked-up')
          ? 'not-looked-up'
          : undefined;
      if (why === undefined) return finding;
      const { message: _said, ...rest } = finding;
      const facts = { ...rest, candidates: [], correctionWithheld: why };
      return { ...facts, message: messageFor(facts, sources.locale ?? 'en') };
    }),
  );
  return { ...verdict, findings };
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
