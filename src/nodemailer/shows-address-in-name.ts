import { addressesShownIn } from '../pipeline/addresses-shown-in.js';
import { drawnOrderUnknown } from '../pipeline/drawn-order-unknown.js';
import { heldName } from '../pipeline/held-name.js';

/**
 * Whether a recipient as held is a mailbox whose display name shows another address, in the form
 * the guard holds it (`"erik.lind@telia.com" <anna@…>`, the name as JSON), or at-sign text beside
 * right-to-left letters, drawn in an order that cannot be known (`drawnOrderUnknown`): stopped for
 * the name, not for the mailbox behind it.
 *
 * @example
 * ```ts
 * showsAddressInName('"erik.lind@telia.com" <anna@example.se>'); // true
 * showsAddressInName('anna@example.se'); // false
 * ```
 */
export function showsAddressInName(held: string): boolean {
  const named = heldName(held);
  return (
    named !== undefined &&
    (addressesShownIn(named.name, named.address).length > 0 || drawnOrderUnknown(named.name, named.address))
  );
}

/**
 * The addresses other than its own that a recipient as held shows in its display name (the form of
 * {@link showsAddressInName}); none for any other form.
 */
export function addressesShownInHeldName(held: string): string[] {
  const named = heldName(held);
  return named === undefined ? [] : addressesShownIn(named.name, named.address);
}
