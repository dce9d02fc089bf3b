import type { CheckOptions } from '../guard/check-options.js';
import { checkRecipient as checkRecipientNow } from '../guard/check-recipient.js';
import type { CheckRecipientInput } from '../guard/recipient-checker.js';
import type { Verdict } from '../guard/verdict.js';
import { untilLoaded } from './until-loaded.js';

/**
 * The core's `checkRecipient` for a page: the same verdict for the same input and options, as a
 * promise, because the phone numbering data is fetched the first time a check reads a phone number
 * or a region (the customer's `phones` or `country`, the `defaultCountry` option), and zod the
 * first time input or options are not the plain shape a form passes. Input that breaks the schema
 * rejects with the same `InvalidInputError` naming the field.
 *
 * @example
 * ```ts
 * import { checkRecipient } from 'email-guard/browser';
 *
 * const verdict = await checkRecipient({
 *   entered: 'anna.svensson185@gmail.com',
 *   customer: { id: 'C-1001', emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'] },
 * });
 * verdict.action;     // 'block'
 * verdict.suggestion; // 'anna.svensson1985@gmail.com'
 * ```
 */
export function checkRecipient(input: CheckRecipientInput, options?: CheckOptions): Promise<Verdict> {
  return untilLoaded(() => checkRecipientNow(input, options));
}
