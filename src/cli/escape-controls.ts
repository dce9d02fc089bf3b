/**
 * C0 controls but tab and line feed, DEL and the C1 controls (ECMA-48: ESC starts a sequence that
 * can retitle, clear or recolour a terminal, and U+009B is a one-character CSI). A line feed ends
 * the command's own lines, so it stays; a carriage return would let input overwrite a line. And
 * every format character (general category Cf): the bidirectional controls U+202A-U+202E,
 * U+2066-U+2069 and U+200E/U+200F reorder what follows them on the screen (Unicode Standard
 * Annex #9; CVE-2021-42574, "Trojan Source"), so a subject could show one address while holding
 * another, and the invisible ones (U+200B, U+2060, U+FEFF) hide text between the characters seen.
 * The zero-width joiner (U+200D) alone stays: it joins the emoji of a sequence into the one emoji a
 * finding names (Unicode Technical Standard #51, section 2.3), and moves nothing; so does a byte
 * order mark that opens the text, the one a CSV report begins with for spreadsheet programs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|(?!\u200d|^\ufeff)\p{Cf}/gu;

/**
 * Text taken from input, as it can be printed on a terminal: every control character shown
 * escaped, so a Message-ID or a CRM field cannot hide, rewrite or clear the lines around it. C0
 * controls read `\x1b` (`JSON.stringify` has already escaped them inside `--json` output, so they
 * only occur in text); DEL and C1 controls, which `JSON.stringify` leaves as they are, read
 * `\u0085`, an escape that is valid inside a JSON string too (RFC 8259 section 7).
 *
 * @example
 * ```ts
 * escapeControls('<a\u001b[2Jb@x>'); // '<a\\x1b[2Jb@x>'
 * ```
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
    // A format character beyond U+FFFF (U+E0001, a language tag) as its UTF-16 pair, as JSON writes it.
    return Array.from(
      { length: character.length },
      (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`,
    ).join('');
  });
}

/**
 * A value taken from input that sits inside one line of the command's own output (a row of
 * `holds list`, a `holds show` field, a refusal): every control character escaped as
 * {@link escapeControls} does, and the line feed too (`\x0a`), so a recipient holding one cannot
 * start a row of its own that reads like another held message.
 *
 * @example
 * ```ts
 * inOneLine('a@b.se\nfake row'); // 'a@b.se\\x0afake row'
 * ```
 */
export function inOneLine(text: string): string {
  return escapeControls(text).replace(/\n/g, '\\x0a');
}
