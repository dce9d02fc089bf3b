import { OTHER_CUSTOMER_CODES } from './other-customer-codes.js';
import type { Finding } from './verdict.js';

/**
 * Whether a finding stops a recipient for good: it asks for `block` under the policy in force, or it
 * names another customer's address ({@link OTHER_CUSTOMER_CODES}, a question under the default
 * policy, since households share mailboxes, but never one a person confirming for this customer can
 * answer). A held recipient with such a finding stays stopped at release, and the verifier sends it
 * no code: one rule, so the two never disagree about an address. A failed lookup (`lookup-failed`)
 * says nothing about the address, only that its customer was not found: it stops nothing for good,
 * and the check at release, against the customer found then, decides.
 *
 * @example
 * ```ts
 * stopsRecipient({ code: 'belongs-to-other-customer', action: 'confirm', ... }); // true
 * stopsRecipient({ code: 'unverified-address', action: 'confirm', ... }); // false
 * stopsRecipient({ code: 'lookup-failed', action: 'block', ... }); // false
 * ```
 */
export function stopsRecipient(finding: Pick<Finding, 'action' | 'code'>): boolean {
  if (finding.code === 'lookup-failed') return false;
  return finding.action === 'block' || OTHER_CUSTOMER_CODES.has(finding.code);
}
