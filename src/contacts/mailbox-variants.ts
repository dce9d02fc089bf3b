import { indexMailboxRules, mailboxKey } from '../address/mailbox-key.js';
import { defaultMailboxRules, type MailboxRule } from '../address/mailbox-rules.js';
import { parseAddress } from '../address/parse-address.js';
import { foldedMailboxKey } from './folded-mailbox-key.js';

/**
 * The strings under which a directory files an address: its mailbox key (`annasvensson@gmail.com`)
 * and the key with each one character of the local part deleted (`nnasvensson@gmail.com`, ...).
 * Two addresses at the same domain whose local parts are one slip apart (a character missing,
 * extra, changed, or two swapped) share at least one of these strings (symmetric deletion, as in
 * Garbe's SymSpell, 2012), so a database can find near misses with one indexed `IN (...)` query
 * instead of comparing against every address. Last, when å, ä, ö or the like are in the local
 * part or written as aa, ae, oe (`foldedMailboxKey`), the key with them folded
 * (`aasa.oeberg@telia.se` -> `asa.oberg@telia.se`): two spellings of one name then share it.
 * Empty when the address does not parse.
 *
 * @example
 * ```ts
 * mailboxVariants('Anna.Svensson@gmail.com');
 * // ['annasvensson@gmail.com', 'nnasvensson@gmail.com', 'anasvensson@gmail.com', ...]
 * const shared = mailboxVariants('anna.svenson@gmail.com').filter((v) => mailboxVariants('anna.svensson@gmail.com').includes(v));
 * shared.length > 0; // true
 * ```
 */
export function mailboxVariants(
  address: string,
  options: {
    /** Which spellings reach the same mailbox. @default defaultMailboxRules */
    readonly mailboxRules?: readonly MailboxRule[];
  } = {},
): string[] {
  const parsed = parseAddress(address);
  if (!parsed.ok) return [];
  const { local, domain, key } = mailboxKey(
    parsed.address,
    indexMailboxRules(options.mailboxRules ?? defaultMailboxRules),
  );
  const variants = [key];
  for (let i = 0; i < local.length; i++) {
    // Deleting any character of a run of equal ones gives the same string: keep the first.
    if (i > 0 && local[i] === local[i - 1]) continue;
    variants.push(`${local.slice(0, i)}${local.slice(i + 1)}@${domain}`);
  }
  const folded = foldedMailboxKey({ local, domain });
  if (folded !== undefined && !variants.includes(folded)) variants.push(folded);
  return variants;
}
