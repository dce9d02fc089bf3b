import { addressesShownIn } from './addresses-shown-in.js';
import { decodeEncodedWords } from './decode-encoded-words.js';
import { decodeUtf7Words } from './decode-utf7-words.js';
import { drawnOrderUnknown } from './drawn-order-unknown.js';
import type { Recipient } from './recipient.js';

/**
 * What the display names of a composed or prebuilt message show, as a mail client shows them
 * (encoded-words decoded, RFC 2047), where the options' own reading (`findUnreadableMailboxes` in the nodemailer plugin)
 * cannot see it:
 *
 * - `recipients`: a To, Cc, Bcc or Resent- mailbox whose display name shows another address, each
 *   as it reads (`"erik.lind@telia.com" <anna@example.se>`), for the guard to refuse as the `to`
 *   option's is (`invalid-address`): the recipient is shown an address that is not theirs. Those of
 *   a prebuilt message, and those written as encoded-words, which the options' reading leaves encoded;
 * - `answers`: each address the display name of a field an answer goes to (Reply-To, From, Sender,
 *   Disposition-Notification-To, Return-Receipt-To, Mail-Followup-To) shows, named after that field,
 *   to be checked as an answer address is: the customer sees it as where the answer goes, and an
 *   answer typed to it, or a client that takes it, reaches that address. Blocked when it is another
 *   customer's (or one slip from one); the company's own addresses in a name pass.
 *
 * A name in any field that shows at-sign text other than its own address beside right-to-left
 * letters, drawn in an order no reading can promise (`drawnOrderUnknown`, UAX #9), is listed as
 * the mailbox with its name (`"עדן eden@example.org" <kundtjanst@butiken.se>`), in `recipients` for
 * a field the message goes to and in `answers` for one an answer goes to, to be held whatever it shows.
 *
 * @example
 * ```ts
 * findShownAddresses({
 *   named: [],
 *   replyTo: [{ field: 'reply-to', address: 'kundtjanst@butiken.se', name: 'erik.lind@telia.com' }],
 * }, { prebuilt: false });
 * // { recipients: [], answers: [{ field: 'reply-to', address: 'erik.lind@telia.com' }] }
 * ```
 */
export function findShownAddresses(
  compiled: { readonly named: readonly Recipient[]; readonly replyTo: readonly Recipient[] },
  options: { readonly prebuilt: boolean },
): { recipients: Recipient[]; answers: Recipient[] } {
  const recipients: Recipient[] = [];
  for (const { field, address, name } of compiled.named) {
    if (name === undefined) continue;
    // A plain name of the options was read as typed already; a prebuilt message's was not. A name
    // drawn in an order no reading can promise is listed however it was given.
    const unknownOrder = drawnOrderUnknown(name, address);
    if (!(unknownOrder || options.prebuilt || name.includes('=?'))) continue;
    if (unknownOrder || addressesShownIn(name, address).length > 0)
      recipients.push({ field, address: held(name, address) });
  }
  const answers: Recipient[] = [];
  for (const { field, header, address, name } of compiled.replyTo) {
    if (name === undefined) continue;
    const shownAddresses = drawnOrderUnknown(name, address) ? [held(name, address)] : [];
    shownAddresses.push(...addressesShownIn(name, address));
    for (const shown of shownAddresses)
      answers.push(header === undefined ? { field, address: shown } : { field, header, address: shown });
  }
  return { recipients, answers };
}

/**
 * A mailbox in the form the guard judges its name in: the name as a client shows it (encoded-words
 * decoded, UTF-7 ones too, RFC 2047 and RFC 2152), as JSON.
 */
function held(name: string, address: string): string {
  return `${JSON.stringify(decodeEncodedWords(decodeUtf7Words(name)))} <${address}>`;
}
