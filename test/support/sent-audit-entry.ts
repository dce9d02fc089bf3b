import type { AuditEntry } from '../../src/nodemailer/audit-log.js';

/** An audit line of a message sent to no one in particular: what a test appends to a log. */
export function sentAuditEntry(customerId: string): AuditEntry {
  return {
    at: new Date(0).toISOString(),
    customerId,
    mode: 'enforce',
    outcome: 'sent',
    action: 'send',
    recipients: [],
  };
}
