import type { Action, FindingCode, Severity } from './verdict.js';

/** What each finding asks the caller to do. Pass a partial table to change some of them. */
export type Policy = Readonly<Record<FindingCode, Action>>;

/**
 * The default actions. Anything that probably reaches a stranger blocks; anything that may be
 * right but is not known to be asks for a read-back; a known mailbox sends.
 */
export const defaultPolicy: Policy = {
  'exact-match': 'send',
  'same-mailbox': 'send',
  'near-miss': 'block',
  'domain-typo': 'block',
  'confusable-characters': 'block',
  'invalid-address': 'block',
  // Two slips in a short local part: as often another person's address as a typo, so asked about.
  'possible-typo': 'confirm',
  'sibling-domain': 'confirm',
  'number-mismatch': 'confirm',
  // Rewritings of a known address that may well be another person's mailbox: a name without its
  // number (the number was added because the name was taken), the names in another order, a
  // household member's first name. Asked about, with the known address as the suggestion.
  'other-first-name': 'confirm',
  'number-changed': 'confirm',
  'name-reordered': 'confirm',
  'unverified-address': 'confirm',
  // A broken address on the customer's record says nothing against the one typed, but the record
  // needs mending, and without the finding the check would compare with fewer addresses unseen.
  'invalid-known-address': 'send',
  'invalid-known-phone': 'send',
  'disposable-domain': 'send',
  'role-address': 'send',
  // Households share mailboxes, so another customer's address is a question, not a stop.
  'belongs-to-other-customer': 'confirm',
  'near-miss-other-customer': 'block',
  // Asked, not stopped: the address may still be this customer's, but the salesperson may have had
  // the other customer's address in front of them (docs/directory.md).
  'near-miss-other-name': 'confirm',
  'invalid-phone': 'block',
  'unverified-phone': 'confirm',
  // A failed lookup means nothing is known: never send on that (fail closed).
  'lookup-failed': 'block',
};

/** How serious each finding is in itself. */
export const findingSeverity: Readonly<Record<FindingCode, Severity>> = {
  'exact-match': 'info',
  'same-mailbox': 'info',
  'near-miss': 'critical',
  'domain-typo': 'critical',
  'confusable-characters': 'critical',
  'invalid-address': 'critical',
  'possible-typo': 'warning',
  'sibling-domain': 'warning',
  'number-mismatch': 'warning',
  'other-first-name': 'warning',
  'number-changed': 'warning',
  'name-reordered': 'warning',
  'unverified-address': 'warning',
  'invalid-known-address': 'warning',
  'invalid-known-phone': 'warning',
  'disposable-domain': 'info',
  'role-address': 'info',
  'belongs-to-other-customer': 'warning',
  'near-miss-other-customer': 'critical',
  'near-miss-other-name': 'warning',
  'invalid-phone': 'critical',
  'unverified-phone': 'warning',
  'lookup-failed': 'critical',
};

const ACTION_RANK: Readonly<Record<Action, number>> = { send: 0, confirm: 1, block: 2 };

/** The more severe of two actions: block over confirm over send. */
export function moreSevere(a: Action, b: Action): Action {
  return ACTION_RANK[a] >= ACTION_RANK[b] ? a : b;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/**
 * The order in which findings of the same action and severity are listed: what a salesperson must
 * act on, the most specific first. A finding that names the address meant (a known address, a
 * duplicate's, a look-alike, a corrected domain) comes before one that only says what is wrong,
 * and a question about this very address (another customer's, a sibling domain, a number) before
 * the generic "not one of the customer's known addresses". Stable: docs/check.md's table of findings
 * lists the codes in this order.
 */
export const findingOrder: readonly FindingCode[] = [
  'exact-match',
  'same-mailbox',
  'near-miss',
  'near-miss-other-customer',
  'confusable-characters',
  'domain-typo',
  'invalid-address',
  'invalid-phone',
  'lookup-failed',
  'other-first-name',
  'number-changed',
  'name-reordered',
  'possible-typo',
  'near-miss-other-name',
  'belongs-to-other-customer',
  'sibling-domain',
  'number-mismatch',
  'unverified-address',
  'unverified-phone',
  'invalid-known-address',
  'invalid-known-phone',
  'disposable-domain',
  'role-address',
];

const CODE_RANK = new Map(findingOrder.map((code, index) => [code, index]));

/**
 * Orders findings by what the person must act on: the most severe action first (block, confirm,
 * send), then the most severe finding, then {@link findingOrder}. `Array.prototype.sort` is stable,
 * so findings of one code keep the order they were found in.
 */
export function byActionSeverity(
  a: { readonly action: Action; readonly severity: Severity; readonly code: FindingCode },
  b: { readonly action: Action; readonly severity: Severity; readonly code: FindingCode },
): number {
  return (
    ACTION_RANK[b.action] - ACTION_RANK[a.action] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (CODE_RANK.get(a.code) ?? findingOrder.length) - (CODE_RANK.get(b.code) ?? findingOrder.length)
  );
}

/** A caller's partial policy over the defaults, for overrides that have passed their schema. */
export function mergePolicy(overrides: Partial<Record<FindingCode, Action>> | undefined): Policy {
  return overrides ? { ...defaultPolicy, ...overrides } : defaultPolicy;
}
