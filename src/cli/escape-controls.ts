/**
 * C0 controls but tab and line feed, DEL and the C1 controls (ECMA-48: ESC starts a sequence that
 * can retitle, clear or recolour a terminal, and U+009B is a one-character CSI). A line feed ends
 * the command's own lines, so it stays; a carriage return would let input overwrite a line.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text taken from input, as it can be printed on a terminal: every control character shown as
 * `\xNN` (`\x1b` for ESC), so a Message-ID or a CRM field cannot hide, rewrite or clear the lines
 * around it.
 *
 * @example
 * ```ts
 * escapeControls('<a\u001b[2Jb@x>'); // '<a\\x1b[2Jb@x>'
 * ```
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
