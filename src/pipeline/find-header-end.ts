const CR = 0x0d;
const LF = 0x0a;

/**
 * Finds the empty line that ends a raw message's header section (RFC 5322 §2.1: the header, an
 * empty line, then the body), fed the message a chunk at a time, each byte looked at once.
 *
 * CRLF is the line ending (RFC 5322 §2.3). Stored mail often has bare LF instead, and readers
 * disagree where the two are mixed: a strict reader sees no line end in a bare LF, a lenient one
 * (mailparser, many MTAs) ends a line at every LF. Where they disagree the header is read to the
 * later end, so every field either reading could deliver to is checked:
 * - `CRLF CRLF` ends it;
 * - `LF LF` ends it only while every header line so far ended in a bare LF (a message in LF form);
 * - `CRLF LF`, `LF CRLF`, `CR CR LF` and empty lines before the first field end nothing.
 */
export class HeaderEndScanner {
  #offset = 0;
  // The three bytes before the current chunk, oldest first (-1 where there is none).
  #before = [-1, -1, -1];
  #crlfLine = false;
  #started = false;

  /** Reads the next chunk; returns the offset (from the message's start) just past the empty line, or -1. */
  push(chunk: Uint8Array): number {
    const base = this.#offset;
    let position = 0;
    if (!this.#started) {
      // Empty lines before the first field end nothing: the fields after them are still read.
      while (position < chunk.length && (chunk[position] === CR || chunk[position] === LF)) position++;
      if (position < chunk.length) {
        this.#started = true;
        this.#before = [-1, -1, -1];
      }
    }
    if (this.#started) {
      const at = (index: number): number =>
        index >= 0 ? (chunk[index] as number) : (this.#before[3 + index] ?? -1);
      for (let lf = chunk.indexOf(LF, position); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
        const previous = at(lf - 1);
        if (previous === CR) {
          if (at(lf - 2) === LF && at(lf - 3) === CR) return this.#finish(base + lf + 1);
          this.#crlfLine = true;
        } else if (previous === LF && at(lf - 2) !== CR && !this.#crlfLine) {
          return this.#finish(base + lf + 1);
        }
      }
    }
    const length = chunk.length;
    this.#before =
      length >= 3
        ? [chunk[length - 3] as number, chunk[length - 2] as number, chunk[length - 1] as number]
        : [...this.#before, ...chunk].slice(-3);
    if (!this.#started) this.#before = [-1, -1, -1];
    this.#offset += length;
    return -1;
  }

  #finish(end: number): number {
    this.#offset = end;
    return end;
  }
}

/**
 * The offset just past the empty line that ends a raw message's header section, or -1 when there
 * is none; read as {@link HeaderEndScanner} reads it, so mixed line endings never end it early.
 *
 * @example
 * ```ts
 * findHeaderEnd(Buffer.from('To: a@example.se\r\n\r\nBody')); // 20
 * ```
 */
export function findHeaderEnd(buffer: Uint8Array): number {
  return new HeaderEndScanner().push(buffer);
}

/**
 * The header section as a lenient parser must be given it so it reads every field the scanner
 * took in: line breaks before the first field and empty lines inside go (a reader that ends the
 * header at every LF would stop there), every line ends in CRLF, and one empty line closes it.
 * Folded lines (RFC 5322 §2.2.3) keep their leading white space, so they still continue a field.
 * One pass over the bytes, with no string built per line.
 */
export function normaliseHeaderSection(header: Uint8Array): Buffer {
  // A bare LF becomes CRLF, so the result is at most twice as long, plus the closing empty line.
  const out = Buffer.allocUnsafe(header.length * 2 + 4);
  let length = 0;
  let index = 0;
  while (index < header.length && isLineBreak(header[index])) index++;
  while (index < header.length) {
    if (!isLineBreak(header[index])) {
      out[length++] = header[index] as number;
      index++;
      continue;
    }
    let end = index;
    let hasLf = false;
    for (; end < header.length && isLineBreak(header[end]); end++) if (header[end] === LF) hasLf = true;
    // The line breaks at the end are replaced by the one closing empty line below.
    if (end === header.length) break;
    if (hasLf) {
      out[length++] = CR;
      out[length++] = LF;
    } else {
      // Carriage returns without a line feed end no line for mailparser either: kept as they are.
      for (let at = index; at < end; at++) out[length++] = CR;
    }
    index = end;
  }
  if (length === 0) return Buffer.from('\r\n', 'latin1');
  out.write('\r\n\r\n', length, 'latin1');
  return out.subarray(0, length + 4);
}

function isLineBreak(byte: number | undefined): boolean {
  return byte === CR || byte === LF;
}
