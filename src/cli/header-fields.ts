/** The header fields the audit reads, unfolded (RFC 5322 §2.2.3), by lower-case name. */
export function headerFields(header: Buffer, wanted: ReadonlySet<string>): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const text = header.toString('utf8');
  for (const field of text.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!wanted.has(name)) continue;
    const value = field
      .slice(colon + 1)
      .replace(/\r?\n[ \t]/g, ' ')
      .trim();
    // Pushed, not copied: a header may repeat a field thousands of times.
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}
