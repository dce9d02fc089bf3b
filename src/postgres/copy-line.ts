/**
 * One row of `COPY ... FROM STDIN` in text format (PostgreSQL manual, "COPY", File Formats): fields
 * separated by tabs, `\N` for NULL, backslash, tab, newline and carriage return escaped with a
 * backslash. An array is written as an array literal (`{"a","b"}`, each element quoted, `"` and
 * `\` escaped inside), then escaped as any field.
 */
export function copyLine(fields: readonly (string | null | readonly string[])[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string | null | readonly string[];
    if (i > 0) line += '\t';
    if (field === null) line += '\\N';
    else if (typeof field === 'string') line += escapeField(field);
    else line += escapeField(arrayLiteral(field));
  }
  return `${line}\n`;
}

/** `{"a","b"}`: each element quoted, `"` and `\` escaped inside (PostgreSQL manual, "Arrays", 8.15.6). */
function arrayLiteral(items: readonly string[]): string {
  let literal = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    if (i > 0) literal += ',';
    literal += `"${/[\\"]/.test(item) ? item.replace(/[\\"]/g, '\\$&') : item}"`;
  }
  return `${literal}}`;
}

/** One text field of a COPY row, escaped (see {@link copyLine}). */
export function escapeField(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (character) =>
        character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
      )
    : text;
}
