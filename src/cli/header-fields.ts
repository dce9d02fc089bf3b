import { headerLines, unfoldedValue } from './header-lines.js';

/** The header fields the audit reads, unfolded (RFC 5322 §2.2.3), by lower-case name. */
export function headerFields(header: Buffer, wanted: ReadonlySet<string>): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const field of headerLines(header)) {
    if (!wanted.has(field.name)) continue;
    const value = unfoldedValue(field);
    // Pushed, not copied: a header may repeat a field thousands of times.
    const values = fields.get(field.name);
    if (values) values.push(value);
    else fields.set(field.name, [value]);
  }
  return fields;
}
