/**
 * Characters no person's name holds, that change how a line reads or ends when the name is shown:
 * C0 and C1 controls (a line break, a NUL; Unicode general category Cc), the line and paragraph
 * separators (U+2028, U+2029), and the bidirectional embeddings, overrides and isolates (U+202A-
 * U+202E, U+2066-U+2069; UAX #9 §2, the "Trojan Source" reordering, CVE-2021-42574). A name goes
 * into a salutation and a header field: a line break there starts another field (RFC 5322 §2.2).
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * Whether `text` holds a control character, a line separator or a bidirectional override.
 *
 * @example
 * ```ts
 * hasControlCharacter('Anna Svensson\r\nBcc: x@y.se'); // true
 * ```
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
