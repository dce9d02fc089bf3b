import { findHeaderEnd } from '../pipeline/find-header-end.js';

/**
 * Gives a raw message new recipients: the `To` field is replaced, `Cc` and `Bcc` fields are
 * removed (RFC 5322 §3.6.3) and a new `Cc` written when `options.cc` names any (a blind copy is
 * never written: it goes in the envelope only), and so is every resent block (§3.6.6): its `Resent-To`, `Resent-Cc`
 * and `Resent-Bcc`, which a relay that reads its recipients from the header would deliver to, and
 * with them its `Resent-Date`, `Resent-From`, `Resent-Sender` and `Resent-Message-ID`, since a block
 * without its destinations would say the message was resent to someone it now does not go to, and
 * half a block (a `Resent-Date` without its `Resent-From`) is not one. Everything else, the body
 * included, stays byte for byte. The header is read to its later end where line endings are mixed
 * (see `findHeaderEnd`), so no recipient field is left behind an ambiguous empty line. Folded
 * fields (RFC 5322 §2.2.3: a line starting with white space continues the field above) are
 * removed whole.
 *
 * @example
 * ```ts
 * replaceRecipients(Buffer.from('To: anna@gmial.com\r\nSubject: Order\r\n\r\nBody'), ['anna@gmail.com']);
 * // 'To: anna@gmail.com\r\nSubject: Order\r\n\r\nBody'
 * ```
 */
const RECIPIENT_FIELDS = new Set(['to', 'cc', 'bcc']);

export function replaceRecipients(
  raw: Buffer,
  to: readonly string[],
  options: { readonly cc?: readonly string[] } = {},
): Buffer {
  const fields = recipientFields(to, options.cc ?? []);
  const found = findHeaderEnd(raw);
  if (found === -1) return replaceInUnendedMessage(raw, fields);
  const header = raw.subarray(0, found).toString('latin1');
  // Keep the message's own line ending (RFC 5322 §2.1 says CRLF; stored mail sometimes has LF).
  const newline = header.includes('\n') && !header.includes('\r\n') ? '\n' : '\r\n';
  const kept: string[] = [];
  let dropping = false;
  let toAt = -1;
  // Empty lines inside the header are the ambiguous ones (see findHeaderEnd): they go, so the
  // header sent on ends in one place for every reader.
  for (const line of header.split(/\r?\n/)) {
    if (line === '') continue;
    dropping = keepLine(line, line, dropping, kept, () => {
      if (toAt === -1) toAt = kept.length;
    });
  }
  kept.splice(toAt === -1 ? kept.length : toAt, 0, ...fields);
  // The fields, the empty line that ends the header section, then the body untouched.
  const head = Buffer.from(kept.join(newline) + newline + newline, 'latin1');
  return Buffer.concat([head, raw.subarray(found)]);
}

/**
 * A message with no empty line every reader takes for the header's end: any line may be a field
 * to some reader, so every recipient field goes, but each other line stays byte for byte, empty
 * ones included, since they may be the body.
 */
function replaceInUnendedMessage(raw: Buffer, fields: readonly string[]): Buffer {
  const text = raw.toString('latin1');
  const newline = text.includes('\n') && !text.includes('\r\n') ? '\n' : '\r\n';
  const kept: string[] = [];
  let dropping = false;
  let toAt = -1;
  for (let start = 0; start < text.length; ) {
    const lf = text.indexOf('\n', start);
    const next = lf === -1 ? text.length : lf + 1;
    const line = text.slice(start, next);
    start = next;
    const content = line.replace(/\r?\n$/, '');
    if (content === '') {
      kept.push(line);
      continue;
    }
    dropping = keepLine(content, line, dropping, kept, () => {
      if (toAt === -1) toAt = kept.length;
    });
  }
  const last = kept.at(-1);
  if (last !== undefined && !last.endsWith('\n')) kept[kept.length - 1] = last + newline;
  kept.splice(toAt === -1 ? kept.length : toAt, 0, ...fields.map((field) => `${field}${newline}`));
  return Buffer.from(kept.join('') + newline, 'latin1');
}

/**
 * The new `To` and `Cc` fields (either left out when empty: RFC 5322 §3.6 lets a message name only
 * blind copies) as the header text is held here: one character per byte (`latin1`), so that the
 * message's own bytes pass through unchanged. The addresses are written in UTF-8 (RFC 6532 §3.2, as
 * an SMTPUTF8 server takes them), never as Latin-1 bytes, which a reader decodes as U+FFFD.
 */
function recipientFields(to: readonly string[], cc: readonly string[]): string[] {
  return [
    ...(to.length > 0 ? [`To: ${to.join(', ')}`] : []),
    ...(cc.length > 0 ? [`Cc: ${cc.join(', ')}`] : []),
  ].map((field) => Buffer.from(field, 'utf8').toString('latin1'));
}

/**
 * Keeps `text` (the line as it is to be written) unless `line` is, or continues (RFC 5322 §2.2.3:
 * it starts with white space), a recipient field; calls `onTo` where the first `To` field was.
 * Returns whether the field a following continuation line belongs to is being dropped.
 */
function keepLine(line: string, text: string, dropping: boolean, kept: string[], onTo: () => void): boolean {
  if (/^[ \t]/.test(line)) {
    if (!dropping) kept.push(text);
    return dropping;
  }
  const name = /^([^:]+):/.exec(line)?.[1]?.trim().toLowerCase();
  if (name === 'to') onTo();
  const drop = name !== undefined && (RECIPIENT_FIELDS.has(name) || name.startsWith('resent-'));
  if (!drop) kept.push(text);
  return drop;
}
