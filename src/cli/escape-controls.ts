/**
 * C0 controls but tab and line feed, DEL and the C1 controls (ECMA-48: ESC starts a sequence that
 * can retitle, clear or recolour a terminal, and U+009B is a one-character CSI). A line feed ends
 * the command's own lines, so it stays; a carriage return would let input overwrite a line.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

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
    const code = character.charCodeAt(0);
    const hex = code.toString(16).padStart(2, '0');
    return code < 0x7f ? `\\x${hex}` : `\\u00${hex}`;
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
