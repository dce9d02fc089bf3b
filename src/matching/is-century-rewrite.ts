/**
 * Whether two local parts differ only in a year written with its century and without it
 * (`maria.lund1979` and `maria.lund79`, `karin.berg2003` and `karin.berg03`). People say a year by
 * its last two digits ("seventy-nine") and write it either way when they dictate or remember an
 * address, so this is the number rewritten, not two digits mistyped: docs/check.md
 * ("Rewritten known address") asks to confirm it with the known address, never to block it as a
 * near miss.
 *
 * @example
 * ```ts
 * isCenturyRewrite('maria.lund1979', 'maria.lund79'); // true
 * isCenturyRewrite('maria.lund1988', 'maria.lund1979'); // false: two digits changed
 * ```
 */
export function isCenturyRewrite(a: string, b: string): boolean {
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 2) return false;
  const year = /(?<!\d)(19|20)(\d\d)(?!\d)/.exec(longer);
  if (!year) return false;
  const at = year.index;
  // The same text with the century taken out, and the two-digit year a whole number there too.
  return (
    longer.slice(0, at) + longer.slice(at + 2) === shorter &&
    !/\d/.test(shorter.charAt(at - 1)) &&
    !/\d/.test(shorter.charAt(at + 2))
  );
}
