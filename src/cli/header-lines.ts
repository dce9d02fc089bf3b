/** One field of a raw header: its name in lower case, and the field as written, folds and all. */
export interface HeaderLine {
  readonly name: string;
  readonly line: string;
  /** Where the colon after the name stands in `line`. */
  readonly colon: number;
}

/**
 * The fields of a raw header in the order they stand, each split at a line break that is not a
 * fold (RFC 5322 §2.2.3: a line break followed by white space continues the field). A line without
 * a name before a colon is not a field and is passed over. The value is left folded: unfold only
 * the fields read ({@link unfoldedValue}), as a header may carry thousands that are not.
 */
export function* headerLines(header: Buffer): Generator<HeaderLine> {
  for (const line of unfoldedLines(header)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    yield { name: line.slice(0, colon).trim().toLowerCase(), line, colon };
  }
}

/** The lines of a raw header, each with its folds (RFC 5322 §2.2.3), fields or not. */
export function unfoldedLines(header: Buffer): string[] {
  return header.toString('utf8').split(/\r?\n(?![ \t])/);
}

/** A field's value unfolded (RFC 5322 §2.2.3: each fold is a line break before white space). */
export function unfoldedValue({ line, colon }: HeaderLine): string {
  return line
    .slice(colon + 1)
    .replace(/\r?\n[ \t]/g, ' ')
    .trim();
}
