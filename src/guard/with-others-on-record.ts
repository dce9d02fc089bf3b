import { type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { type ParsedAddress, parseAddress } from '../address/parse-address.js';
import type { Directory } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { findAddressUnchecked } from '../contacts/find-address-unchecked.js';
import { addressHeldIn } from './address-held-in.js';
import { directoryFindings } from './directory-findings.js';
import { type FindingFacts, messageFor } from './messages.js';
import { byActionSeverity, findingSeverity, moreSevere, type Policy } from './policy.js';
import type { Finding, Locale, Verdict } from './verdict.js';

/** What {@link withOthersOnRecord} is given. */
export interface OthersOnRecordInput {
  /** The check's verdict on `entered` for the `verified` customer. */
  readonly verdict: Verdict;
  /** The address as entered. */
  readonly entered: string;
  /** The customer as on record, without the addresses verified for them. */
  readonly onRecord: Customer;
  /** The customer the verdict was made for: on record, verified addresses added. */
  readonly verified: Customer;
  readonly directory?: Directory;
}

/** Options of {@link withOthersOnRecord}: the check's own. */
export interface OthersOnRecordOptions {
  readonly rules: MailboxRuleIndex;
  readonly policy: Policy;
  readonly locale: Locale;
  readonly revealOtherCustomers: boolean;
}

/**
 * Adds to a verdict made with the addresses verified for the customer the `belongs-to-other-customer`
 * findings the same check against the customer as on record would make: an address verified by
 * code for one customer is theirs to receive mail, but it never hides that the directory has it on
 * another customer's record (docs/nodemailer.md: a directory that knows more at release counts as
 * a block). Without such findings the verdict is returned as it is.
 *
 * Only an address whose mailbox is among the verified addresses and not on record can differ: the
 * check of a known mailbox asks the directory nothing (`directoryFindings`), and for any other
 * address both checks ask it the same. So the directory is asked once more, for that mailbox
 * alone, instead of running the whole check again (test/guard/with-others-on-record.test.ts holds
 * the two to the same verdicts).
 *
 * @example
 * ```ts
 * const verdict = withOthersOnRecord(
 *   {
 *     verdict: checkRecipient({ entered, customer: withVerifiedAddresses, directory }),
 *     entered,
 *     onRecord: asOnRecord,
 *     verified: withVerifiedAddresses,
 *     directory,
 *   },
 *   { rules, policy, locale: 'en', revealOtherCustomers: false },
 * );
 * ```
 */
export function withOthersOnRecord(input: OthersOnRecordInput, options: OthersOnRecordOptions): Verdict {
  const { verdict, directory, onRecord, verified } = input;
  if (directory === undefined || input.verified === input.onRecord) return verdict;
  if (verdict.findings.some((finding) => finding.code === 'belongs-to-other-customer')) return verdict;
  const address = checkedAddress(input.entered);
  if (address === undefined) return verdict;
  const key = mailboxKey(address, options.rules).key;
  if (!mailboxKeys(verified, options.rules).has(key) || mailboxKeys(onRecord, options.rules).has(key))
    return verdict;
  // Only the matches on the mailbox itself make `belongs-to-other-customer`.
  const matches = findAddressUnchecked(directory, {
    entered: address,
    excludeCustomerId: onRecord.id,
  }).filter((match) => match.distance === 0);
  const others: Finding[] = [];
  for (const evidence of directoryFindings(
    { address, customer: onRecord, directory, matches },
    { knownMailbox: false, revealOtherCustomers: options.revealOtherCustomers },
  )) {
    if (evidence.code !== 'belongs-to-other-customer') continue;
    const facts = {
      ...evidence,
      action: options.policy[evidence.code],
      severity: findingSeverity[evidence.code],
    } as FindingFacts;
    others.push({ ...facts, message: messageFor(facts, options.locale) } as Finding);
  }
  if (others.length === 0) return verdict;
  return {
    ...verdict,
    action: others.reduce((action, finding) => moreSevere(action, finding.action), verdict.action),
    findings: [...verdict.findings, ...others].sort(byActionSeverity),
  };
}

/**
 * The address the check compares with the record: the one entered, or, when that is no address,
 * the one a pasted text holds, read as the check reads it ({@link addressHeldIn}), then again as
 * typed alone, as the check reads it again on its own.
 */
function checkedAddress(entered: string): ParsedAddress | undefined {
  const parsed = parseAddress(entered);
  if (parsed.ok) return parsed.address;
  const held = addressHeldIn(entered, parsed.reason);
  const again = held && parseAddress(held.shown);
  return again?.ok ? again.address : undefined;
}

/** The mailbox keys of a customer's addresses that parse. */
function mailboxKeys(customer: Customer, rules: MailboxRuleIndex): Set<string> {
  const keys = new Set<string>();
  for (const email of customer.emails ?? []) {
    const parsed = parseAddress(email);
    if (parsed.ok) keys.add(mailboxKey(parsed.address, rules).key);
  }
  return keys;
}
