// The forms an @ is written in to hide an address from harvesters, or as it is said (the same
// forms `extractAddress` reads): fixed-length patterns, so the work stays linear.
const BRACKETED_AT = /[([{] ?(?:at|a|@|snabel-?a) ?[)\]}]/giu;
const BRACKETED_DOT = /[([{] ?(?:dot|punkt|\.) ?[)\]}]/giu;
// A word that stands for the @ between two words (`erik at telia.com`; `snabel-a` is its Swedish name).
const AT_WORDS = new Set(['@', 'at', 'snabel-a', 'snabela']);

/** Whether `text` is a name with a dot between two of its characters (`telia.com`). */
function isDotted(text: string): boolean {
  const dot = text.indexOf('.', 1);
  return dot !== -1 && dot < text.length - 1;
}

/** Whether `text` has `sign` between two of its characters. */
function hasInside(text: string, sign: string): boolean {
  const at = text.indexOf(sign, 1);
  return at !== -1 && at < text.length - 1;
}

/**
 * The address that a quoted local part shows, as a person reads it in a mail client: in
 * `"erik.lind@telia.com"@evil.com` it is `erik.lind@telia.com`, yet the mail goes to `evil.com`,
 * the domain after the last @ (RFC 5322 §3.4.1; §3.2.4 allows `@` inside a quoted string).
 * Quoted pairs (`\@`) are read as the character they stand for. Read as an address:
 *
 * - an @ between two words, whatever follows it (`erik@telia` reads as a mailbox at `telia`);
 * - an @ with a blank on one side or both before a dotted name (`erik.lind @telia.com`,
 *   `erik.lind@ telia.com`), as a reader skips the blank; before a name without a dot it reads as
 *   words (`anna @home`), as the spoken `at` does;
 * - the full-width and small @ (U+FF20, U+FE6B), which NFKC folds to @ (UAX #15) and a reader
 *   takes for one;
 * - `(at)`, `[at]`, `(a)`, `at` and `snabel-a` between a word and a dotted name (`erik (at)
 *   telia.com`), as `extractAddress` reads a typed or dictated address;
 * - the percent hack before a dotted name (`erik.lind%telia.com`): a relay that still routes it
 *   delivers to `erik.lind@telia.com` (RFC 1123 §5.2.16), and it reads as that address.
 *
 * An unquoted local part is read alike (nodemailer leaves out quotation marks it does not need, and
 * delivers `"erik.lind%telia.com"@evil.com` as `erik.lind%telia.com@evil.com`). Undefined for a
 * local part that shows no address (`"anna svensson"`, `"anna at home"`, `"anna @home"`, `erik.lind`). What is returned is the address as read (`erik@telia.com` for
 * `"erik (at) telia.com"`). The work is linear in the length of the local part.
 *
 * @example
 * ```ts
 * addressShownInLocalPart('"erik.lind@telia.com"'); // 'erik.lind@telia.com'
 * addressShownInLocalPart('"erik (at) telia.com"'); // 'erik@telia.com'
 * ```
 */
export function addressShownInLocalPart(local: string): string | undefined {
  const quoted = local.startsWith('"');
  const shown = (quoted ? local.slice(1, -1).replace(/\\(.)/gu, '$1') : local)
    .normalize('NFKC')
    .replace(BRACKETED_AT, ' @ ')
    .replace(BRACKETED_DOT, '.');
  const words = shown.split(/\s+/u).filter((word) => word !== '');
  for (const [index, word] of words.entries()) {
    if (hasInside(word, '@')) return word;
    const percent = word.indexOf('%', 1);
    if (percent !== -1 && isDotted(word.slice(percent + 1))) return word;
    const before = words[index - 1];
    const after = words[index + 1];
    // An @ with a blank beside it reads as the word "at" does: a reader skips the blank and takes
    // `erik.lind @telia.com` and `erik.lind@ telia.com` for an address (as `extractAddress` does),
    // but `anna @home` for words, so the name after it must be dotted as after a standalone @.
    if (word.length > 1 && word.startsWith('@') && before !== undefined && isDotted(word.slice(1)))
      return `${before}${word}`;
    if (word.length > 1 && word.endsWith('@') && after !== undefined && isDotted(after))
      return `${word}${after}`;
    if (before !== undefined && after !== undefined && AT_WORDS.has(word.toLowerCase()) && isDotted(after))
      return `${before}@${after}`;
  }
  return undefined;
}
