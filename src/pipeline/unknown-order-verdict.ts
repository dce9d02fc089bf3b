import { findingSeverity } from '../guard/policy.js';
import type { Locale } from '../guard/verdict.js';
import { answerFieldName } from './answer-fields.js';
import { drawnOrderUnknown } from './drawn-order-unknown.js';
import { heldName } from './held-name.js';
import type { Recipient, RecipientVerdict } from './recipient.js';

const SAYS: Readonly<Record<Locale, (field: string) => string>> = {
  en: (field) =>
    `The name in ${field} mixes right-to-left letters (such as Hebrew or Arabic) with an e-mail address: a mail program may show its parts in another order, as an address that is not the one the message uses. Remove the address from the name, then send again.`,
  sv: (field) =>
    `Namnet i ${field === 'Reply-To' ? 'Svar till' : field} blandar bokstäver som skrivs från höger till vänster (som hebreiska eller arabiska) med en e-postadress: ett e-postprogram kan visa delarna i en annan ordning, som en annan adress än den meddelandet använder. Ta bort adressen ur namnet och skicka igen.`,
};

/**
 * The verdict on a mailbox listed in the form the guard judges a name in (`"name" <address>`, see
 * `findShownAddresses`) whose name shows at-sign text beside right-to-left letters, in an order no
 * reading can promise ({@link drawnOrderUnknown}, UAX #9): blocked, with one finding that says so in
 * words a salesperson can act on. `undefined` for any other recipient, which the guard checks.
 *
 * @example
 * ```ts
 * unknownOrderVerdict({ field: 'reply-to', address: '"עדן eden@example.org" <kundtjanst@butiken.se>' }, 'en');
 * // { field: 'reply-to', ..., verdict: { action: 'block', findings: [{ code: 'invalid-address', reason: 'display-name', ... }] } }
 * ```
 */
export function unknownOrderVerdict(recipient: Recipient, locale: Locale): RecipientVerdict | undefined {
  const named = heldName(recipient.address);
  if (!named || !drawnOrderUnknown(named.name, named.address)) return undefined;
  // A field as the header writes it (RFC 5322 §3.6.3, §3.6.6): `to` is To, `resent-cc` Resent-Cc.
  const field =
    answerFieldName(recipient) ??
    recipient.field.replace(
      /(^|-)([a-z])/g,
      (_match, dash: string, letter: string) => dash + letter.toUpperCase(),
    );
  return {
    ...recipient,
    verdict: {
      action: 'block',
      entered: recipient.address,
      findings: [
        {
          code: 'invalid-address',
          reason: 'display-name',
          detail:
            'the display name mixes right-to-left letters with at-sign text, drawn in an order that cannot be known (UAX #9)',
          severity: findingSeverity['invalid-address'],
          action: 'block',
          message: SAYS[locale](field),
        },
      ],
    },
  };
}
