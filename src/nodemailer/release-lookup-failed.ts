import { LookupFailedError } from '../errors.js';

/**
 * The refusal of a release whose check could not look the customer up and failed open: the message
 * stays held, and the advice is to release it once the lookup answers (no corrected address can pass
 * a check that sees no customer), or to send it past the check on the releaser's own account.
 *
 * @example
 * ```ts
 * throw releaseLookupFailed('h-1', 'C-1001', 'en');
 * ```
 */
export function releaseLookupFailed(
  holdId: string,
  customerId: string | undefined,
  locale: 'sv' | 'en',
): LookupFailedError {
  const customer = customerId === undefined ? '' : ` ${customerId}`;
  const message =
    locale === 'sv'
      ? `${holdId} släpps inte och ligger kvar: kunden${customer} kunde inte slås upp vid släppet, och ett släpp går aldrig ut på en uppslagning som misslyckades (failOpen gäller ny post, inte stoppad). Släpp det igen när kunduppslagningen svarar, eller med sendDespiteBlock (--send-despite-block) på eget ansvar`
      : `Release of ${holdId} refused, the message stays held: the customer${customer} could not be looked up at release, and a release never goes out on a failed lookup (failOpen lets new mail through, never held mail). Release it again once the customer lookup answers, or with sendDespiteBlock (--send-despite-block) on your own account`;
  return new LookupFailedError(message, { holdId });
}
