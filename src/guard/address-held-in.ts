import { extractAddress } from '../address/extract-address.js';
import { type InvalidAddressReason, type ParsedAddress, parseAddress } from '../address/parse-address.js';
import { displayAddress } from '../spelling/display-domain.js';

/** The one address a text that is no address holds, parsed, and as the check shows it. */
export interface HeldAddress {
  readonly address: ParsedAddress;
  /** As shown to the user (displayAddress): what the check compares when it reads the address alone. */
  readonly shown: string;
}

/**
 * The one address a pasted or dictated text holds (`Karin <karin@telia.com>`, `mailto:`,
 * `… snabel-a … punkt se`), which the check compares in place of the text, given why the text is
 * no address itself. A text with a line break or another control character is never read (it could
 * carry a header field of its own, RFC 5322 §2.2), nor one that holds no single address.
 *
 * @example
 * ```ts
 * addressHeldIn('Karin <karin@telia.com>', 'display-name')?.shown; // 'karin@telia.com'
 * ```
 */
export function addressHeldIn(entered: string, whyNoAddress: InvalidAddressReason): HeldAddress | undefined {
  if (whyNoAddress === 'control-characters') return undefined;
  const extracted = extractAddress(entered);
  const held = extracted === undefined ? undefined : parseAddress(extracted);
  if (!held?.ok) return undefined;
  return { address: held.address, shown: displayAddress(held.address.address) };
}
