import type { RecipientField } from '../pipeline/recipient.js';

/**
 * The header fields that name where a message goes, by the lower-case name the recipients and a
 * parsed header use, as RFC 5322 §3.6.3 (`To`, `Cc`, `Bcc`) and §3.6.6 (`Resent-To`, `Resent-Cc`,
 * `Resent-Bcc`) spell them.
 */
export const HEADER_FIELD_NAMES: Readonly<Partial<Record<RecipientField, string>>> = {
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  'resent-to': 'Resent-To',
  'resent-cc': 'Resent-Cc',
  'resent-bcc': 'Resent-Bcc',
};
