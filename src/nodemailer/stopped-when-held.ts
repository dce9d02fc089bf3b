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
