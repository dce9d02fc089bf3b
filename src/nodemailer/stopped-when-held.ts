import { OTHER_CUSTOMER_CODES } from '../guard/other-customer-codes.js';
import { stopsRecipient } from '../guard/stops-recipient.js';
import type { RecipientVerdict } from '../pipeline/recipient.js';

export { OTHER_CUSTOMER_CODES };

/**
 * The held recipients the check that held the message stopped as `block` or as another customer's
 * address. Their verdicts stand at release, whether the address is kept or typed again as a
 * correction: the customer file a release is checked against may lack the customer who owns the
 * address, and a stale export must never undo a block.
 */
export function stoppedWhenHeld<T extends Pick<RecipientVerdict, 'address' | 'verdict'>>(
  recipients: readonly T[],
): T[] {
  return recipients.filter(({ verdict }) => verdict.findings.some(stopsRecipient));
}

/**
 * Whether a held message was held as `block` for a confirmation given for another customer's
 * address: no recipient's verdict is `block`, yet one is another customer's (or one slip from one),
 * which no person confirming for this customer can answer (`nodemailerGuard` holds it as `block`).
 * Its verdicts alone do not show why it is blocked, so `holds list`, `holds show`, serve's review
 * list and `GET /v1/holds` say so.
 *
 * @example
 * ```ts
 * isConfirmedForOtherCustomer(held); // true for a confirmed order to another customer's address
 * ```
 */
export function isConfirmedForOtherCustomer(held: {
  readonly action: string;
  readonly recipients: readonly Pick<RecipientVerdict, 'address' | 'verdict'>[];
}): boolean {
  return (
    held.action === 'block' &&
    !held.recipients.some(({ verdict }) => verdict.action === 'block') &&
    stoppedWhenHeld(held.recipients).length > 0
  );
}
