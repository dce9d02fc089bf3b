import type { RecipientField } from '../pipeline/recipient.js';
import { HEADER_FIELD_NAMES } from './header-field-names.js';
import { headerLines, unfoldedValue } from './header-lines.js';

/**
 * The recipient fields (`Resent-To`, `Resent-Cc`, `Resent-Bcc`) of the latest resent block of a
 * header, unfolded (RFC 5322 §2.2.3), with their names as the RFC spells them. RFC 5322 §3.6.6:
 * each time a message is resent a block of resent fields is added at the top, so the first block
 * is the latest, and it holds each field at most once: a name seen again starts the block before
 * it. Trace fields (`Received`, `Return-Path`) may stand among them; any other field ends the block.
 *
 * @example
 * ```ts
 * latestResentFields(Buffer.from('Resent-To: a@example.se\r\nResent-Date: x\r\nResent-To: b@example.se\r\n'));
 * // [{ field: 'Resent-To', value: 'a@example.se' }]
 * ```
 */
export function latestResentFields(header: Buffer): { field: string; value: string }[] {
  const found: { field: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const line of headerLines(header)) {
    const { name } = line;
    if (!name.startsWith('resent-')) {
      if (seen.size > 0 && name !== 'received' && name !== 'return-path') break;
      continue;
    }
    if (seen.has(name)) break;
    seen.add(name);
    // Only the resent block's recipient fields: the name starts with `resent-`, so never `to`.
    const field = HEADER_FIELD_NAMES[name as RecipientField];
    if (field) found.push({ field, value: unfoldedValue(line) });
  }
  return found;
}
