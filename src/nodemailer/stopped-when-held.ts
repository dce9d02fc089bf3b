import { extractAddress } from '../address/extract-address.js';
import type { RecipientVerdict } from '../pipeline/recipient.js';

/**
 * Findings that name another customer's address: a released recipient with one of them is refused,
 * whatever else its verdict says (the misdirected confirmation this library exists to stop).
 */
export const OTHER_CUSTOMER_CODES: ReadonlySet<string> = new Set([
  'belongs-to-other-customer',
  'near-miss-other-customer',
  'near-miss-other-name',
]);

/** An address as a release compares it: the plain address, in lower case (RFC 5321 §2.4 allows no more). */
export function comparableAddress(address: string): string {
  return (extractAddress(address) ?? address).trim().toLowerCase();
}

/**
 * The held recipients the check that held the message stopped as `block` or as another customer's
 * address. Their verdicts stand at release, whether the address is kept or typed again as a
 * correction: the customer file a release is checked against may lack the customer who owns the
 * address, and a stale export must never undo a block.
 */
export function stoppedWhenHeld<T extends Pick<RecipientVerdict, 'address' | 'verdict'>>(
  recipients: readonly T[],
): T[] {
  return recipients.filter(({ verdict }) =>
    verdict.findings.some((finding) => finding.action === 'block' || OTHER_CUSTOMER_CODES.has(finding.code)),
  );
}
