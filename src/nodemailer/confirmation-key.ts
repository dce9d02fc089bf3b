import { extractAddress } from '../address/extract-address.js';
import { type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import { comparableAddress } from '../pipeline/comparable-address.js';

/**
 * An address as a confirmation's `addresses` is matched against the recipients to confirm: by its
 * mailbox key, as the check that asked for the confirmation reads it (NFC, RFC 6532 §3.1; case;
 * the provider rules the guard was given), so `a` + U+030A read back covers `å` and no address the
 * check holds for another mailbox is covered. An address that does not parse keeps its plain,
 * lower-case form: it covers only a recipient typed the same way.
 *
 * @example
 * ```ts
 * confirmationKey('A\u030Asa.Lund@telia.com', indexMailboxRules()); // 'åsa.lund@telia.com'
 * ```
 */
export function confirmationKey(address: string, rules: MailboxRuleIndex): string {
  const parsed = parseAddress(extractAddress(address) ?? address);
  return parsed.ok ? mailboxKey(parsed.address, rules).key : comparableAddress(address);
}
