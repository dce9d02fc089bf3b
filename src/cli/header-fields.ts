import { unfoldedLines, unfoldedValue } from './header-lines.js';

/**
 * The header fields the audit reads, unfolded (RFC 5322 §2.2.3), by lower-case name. A quoted
 * string is never broken by a line break (RFC 5322 §3.2.4: CR and LF are no qtext): a field whose
 * quote is still open at its line's end was broken by a CR/LF inside a display name (`To: "Anna` /
 * `Svensson" <anna@x.se>`), and the lines up to the closing quote are read as its own, so the
 * recipient is the address the header names, not text made of its pieces. Each such field is
 * handed to `onBroken` with its name and its value as read.
 */
export function headerFields(
  header: Buffer,
  wanted: ReadonlySet<string>,
  onBroken?: (name: string, value: string) => void,
): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const lines = unfoldedLines(header);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] as string;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!wanted.has(name)) continue;
    let broken = false;
    // At most a few lines: a quote left open by mistake must not swallow the whole header.
    for (
      let joined = 0;
      joined < MAX_JOINED_LINES && hasOpenQuote(line) && index + 1 < lines.length;
      joined++
    ) {
      line = `${line} ${lines[++index] as string}`;
      broken = true;
    }
    const value = unfoldedValue({ name, line, colon });
    if (broken) onBroken?.(name, value);
    // Pushed, not copied: a header may repeat a field thousands of times.
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

const MAX_JOINED_LINES = 3;

/** Whether `field` ends inside a quoted string (a `"` opened and not closed; `\"` is a quoted pair). */
function hasOpenQuote(field: string): boolean {
  let open = false;
  for (let i = 0; i < field.length; i++) {
    const char = field[i];
    if (open && char === '\\') i++;
    else if (char === '"') open = !open;
  }
  return open;
}
