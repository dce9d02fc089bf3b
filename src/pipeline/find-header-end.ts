/**
 * The offset just past the empty line that ends a raw message's header section (RFC 5322 §2.1:
 * the header, an empty line, then the body), or -1 when there is none (yet). CRLF is the standard
 * line ending (RFC 5322 §2.3); a bare LF is accepted too, as stored mail often has it.
 *
 * @example
 * ```ts
 * findHeaderEnd(Buffer.from('To: a@example.se\r\n\r\nBody')); // 20
 * ```
 */
export function findHeaderEnd(buffer: Buffer, from = 0): number {
  const crlf = buffer.indexOf('\r\n\r\n', from);
  const lf = buffer.indexOf('\n\n', from);
  if (crlf === -1) return lf === -1 ? -1 : lf + 2;
  if (lf === -1) return crlf + 4;
  return Math.min(crlf + 4, lf + 2);
}
