import { findHeaderEnd } from '../pipeline/find-header-end.js';

/**
 * Gives a raw message new recipients: the `To` field is replaced, `Cc` and `Bcc` fields are
 * removed (RFC 5322 §3.6.3), and so are `Resent-To`, `Resent-Cc` and `Resent-Bcc` (§3.6.6), which
 * a relay that reads its recipients from the header would deliver to; everything else, the body
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
const RECIPIENT_FIELDS = new Set(['to', 'cc', 'bcc', 'resent-to', 'resent-cc', 'resent-bcc']);

export function replaceRecipients(raw: Buffer, to: readonly string[]): Buffer {
  const found = findHeaderEnd(raw);
  const end = found === -1 ? raw.length : found;
  const header = raw.subarray(0, end).toString('latin1');
  // Keep the message's own line ending (RFC 5322 §2.1 says CRLF; stored mail sometimes has LF).
  const newline = header.includes('\n') && !header.includes('\r\n') ? '\n' : '\r\n';
  const lines = header.split(/\r?\n/);
  const kept: string[] = [];
  let dropping = false;
  let toAt = -1;
  for (const line of lines) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    const name = /^([^:]+):/.exec(line)?.[1]?.trim().toLowerCase();
    dropping = name !== undefined && RECIPIENT_FIELDS.has(name);
    if (name === 'to' && toAt === -1) toAt = kept.length;
    if (!dropping) kept.push(line);
  }
  kept.splice(toAt === -1 ? kept.length : toAt, 0, `To: ${to.join(', ')}`);
  // The fields, the empty line that ends the header section, then the body untouched.
  const head = Buffer.from(kept.join(newline) + newline + newline, 'latin1');
  return Buffer.concat([head, raw.subarray(end)]);
}
