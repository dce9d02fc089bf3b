import { findHeaderEnd } from '../pipeline/find-header-end.js';

/**
 * Removes every field with one of `names` (compared without case, RFC 5322 §1.2.2) from a raw
 * message's header section, folded continuation lines included (RFC 5322 §2.2.3); everything else,
 * the body included, stays byte for byte. Used to keep a field that only this library reads (the
 * customer id) from reaching the recipient.
 *
 * @example
 * ```ts
 * removeHeaderFields(Buffer.from('To: a@x.se\r\nx-customer-id: C-1\r\n\r\nHej'), ['X-Customer-Id']);
 * // 'To: a@x.se\r\n\r\nHej'
 * ```
 */
export function removeHeaderFields(raw: Buffer, names: readonly string[]): Buffer {
  const found = findHeaderEnd(raw);
  const end = found === -1 ? raw.length : found;
  const header = raw.subarray(0, end).toString('latin1');
  const drop = new Set(names.map((name) => name.trim().toLowerCase()));
  // Keep the message's own line ending (RFC 5322 §2.1 says CRLF; stored mail sometimes has LF).
  const newline = header.includes('\n') && !header.includes('\r\n') ? '\n' : '\r\n';
  const kept: string[] = [];
  let dropping = false;
  let removed = false;
  for (const line of header.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    // RFC 5322 §4.5.1 (obsolete syntax) allows white space before the colon: `X-Customer-Id :`.
    const name = /^([^:]+):/.exec(line)?.[1]?.trim().toLowerCase();
    dropping = name !== undefined && drop.has(name);
    if (dropping) removed = true;
    else kept.push(line);
  }
  if (!removed) return raw;
  const head = Buffer.from(kept.join(newline) + newline + newline, 'latin1');
  return Buffer.concat([head, raw.subarray(end)]);
}
