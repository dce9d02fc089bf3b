import addressparser from 'nodemailer/lib/addressparser';
import { addressesShownIn } from '../pipeline/addresses-shown-in.js';
import type { Recipient, RecipientField } from '../pipeline/recipient.js';

const FIELDS = ['to', 'cc', 'bcc'] as const;

/**
 * The mailboxes of a message's `to`, `cc` and `bcc` options that nodemailer would read as something
 * other than what was typed, each as it was typed, for the guard to refuse (`invalid-address`):
 *
 * - a phrase before an address outside angle brackets (`anna svensson84@telia.com`): not a mailbox
 *   (RFC 5322 §3.4: a display name goes with an `angle-addr`), but nodemailer's address parser
 *   makes `anna` the display name and sends to `svensson84@telia.com`, an address nobody typed;
 * - a display name or comment that holds another address (`anna@telia.com erik@gmail.com`,
 *   `{ name: 'erik@gmail.com', address: 'anna@telia.com' }`): one recipient is dropped without a
 *   word, and the other is shown their address.
 *
 * @example
 * ```ts
 * findUnreadableMailboxes({ to: 'anna svensson84@telia.com, bo@telia.com' });
 * // [{ field: 'to', address: 'anna svensson84@telia.com' }]
 * ```
 */
export function findUnreadableMailboxes(data: {
  readonly to?: unknown;
  readonly cc?: unknown;
  readonly bcc?: unknown;
}): Recipient[] {
  const found: Recipient[] = [];
  for (const field of FIELDS) {
    const seen = new WeakSet<object>();
    const pending: unknown[] = [data[field]];
    while (pending.length > 0) {
      const item = pending.pop();
      if (typeof item === 'string') found.push(...unreadableInText(item, field));
      else if (Array.isArray(item)) {
        if (seen.has(item)) continue;
        seen.add(item);
        pending.push(...item);
      } else if (item && typeof item === 'object') {
        if (seen.has(item)) continue;
        seen.add(item);
        const { name, address, group } = item as { name?: unknown; address?: unknown; group?: unknown };
        if (typeof address === 'string' && address) {
          if (typeof name === 'string' && namesOtherAddress(name, address))
            found.push({ field, address: `${JSON.stringify(name)} <${address}>` });
        } else if (Array.isArray(group)) pending.push(group);
      }
    }
  }
  return found;
}

// A control character makes the whole value an injection, refused whole by the recipient collector.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** The mailboxes of one address list text that are not read as typed. */
function unreadableInText(text: string, field: RecipientField): Recipient[] {
  if (CONTROL.test(text)) return [];
  return splitMailboxes(text)
    .filter(({ text: mailbox, bare }) => {
      if (bare) return true;
      const [parsed] = addressparser(mailbox);
      return parsed?.address !== undefined && namesOtherAddress(parsed.name, parsed.address);
    })
    .map(({ text: mailbox }) => ({ field, address: mailbox }));
}

/** Whether a display name or comment holds an address other than the mailbox's own. */
function namesOtherAddress(name: string, address: string): boolean {
  return addressesShownIn(name, address).length > 0;
}

/**
 * Splits an address list (RFC 5322 §3.4) into its mailboxes, a group's members in place of the
 * group, and tells for each whether it is a phrase and an address without angle brackets: white
 * space left between words once comments are taken out and quoted strings are kept whole.
 */
function splitMailboxes(text: string): { text: string; bare: boolean }[] {
  const mailboxes: { text: string; bare: boolean }[] = [];
  let start = 0;
  let quoted = false;
  let comment = 0;
  let angle = false;
  let outside = '';
  const end = (index: number) => {
    const mailbox = text.slice(start, index).trim();
    const words = outside.trim();
    if (mailbox) mailboxes.push({ text: mailbox, bare: !angle && /\s/.test(words) });
    start = index + 1;
    angle = false;
    outside = '';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
      outside += 'x';
    } else if (comment > 0) {
      if (char === '\\') index++;
      else if (char === '(') comment++;
      else if (char === ')') comment--;
      // A comment stands for white space (RFC 5322 §3.2.2, CFWS).
      if (comment === 0) outside += ' ';
    } else if (char === '"') {
      quoted = true;
      outside += 'x';
    } else if (char === '(') comment = 1;
    else if (char === '<') angle = true;
    else if (char === ',' || char === ';') end(index);
    else if (char === ':' && !angle) {
      // A group's display name (RFC 5322 §3.4 `group`): its members follow.
      start = index + 1;
      outside = '';
    } else outside += char;
  }
  end(text.length);
  return mailboxes;
}
