import { foldTransliterations } from '../matching/fold-transliterations.js';

/**
 * The extra string a directory files an address under, beside its mailbox key and the key's
 * deletion variants (`mailboxVariants`): the key with its local part folded
 * (`foldTransliterations`, `aasa.oeberg@telia.se` -> `asa.oberg@telia.se`), so that `åsa.öberg@`,
 * `aasa.oeberg@` and `asa.oberg@` find each other in one lookup, as `checkRecipient` counts them
 * one slip apart. `undefined` when folding changes nothing (the key itself is filed already).
 * The in-memory and the PostgreSQL directory both file and look up through this function, so
 * their answers stay the same.
 *
 * @example
 * ```ts
 * foldedMailboxKey({ local: 'åsa.öberg', domain: 'telia.se' }); // 'asa.oberg@telia.se'
 * foldedMailboxKey({ local: 'asa.oberg', domain: 'telia.se' }); // undefined
 * ```
 */
export function foldedMailboxKey(key: {
  readonly local: string;
  readonly domain: string;
}): string | undefined {
  const folded = foldTransliterations(key.local);
  return folded === key.local ? undefined : `${folded}@${key.domain}`;
}
