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
    else line += escapeField(`{${field.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  }
  return `${line}\n`;
}

function escapeField(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (character) =>
        character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
      )
    : text;
}
