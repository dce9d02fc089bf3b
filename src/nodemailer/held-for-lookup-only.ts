import { stopsRecipient } from '../guard/stops-recipient.js';
import type { HeldMessage } from './hold-store.js';

/**
 * Whether a recipient of the held message was blocked, but by nothing that stops it for good: the
 * shared rule ({@link stopsRecipient}) says what does, and the block it leaves is a failed customer
 * lookup (`lookup-failed`), which says nothing about an address. A message held with no verdicts
 * is not one: nothing shows its block was only the lookup.
 */
export function heldForLookupOnly(held: Pick<HeldMessage, 'recipients'>): boolean {
  return (
    held.recipients.some(({ verdict }) => verdict.action === 'block') &&
    !held.recipients.some(({ verdict }) => verdict.findings.some(stopsRecipient))
  );
}
