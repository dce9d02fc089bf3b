import { describe, expect, it } from 'vitest';
import {
  AuditLogFailedError,
  EmailGuardError,
  HoldStoreFailedError,
  MessageHeldError,
  MessageUnreadableError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
} from '../src/errors.js';

describe('errors of the mail pipeline', () => {
  it('carries the hold id, the message id and every recipient on a held message', () => {
    const recipients = [{ address: 'anna@gmial.com' }];
    const blocked = new RecipientBlockedError('held', {
      holdId: 'H-1',
      messageId: '<m@example.se>',
      recipients,
    });
    expect(blocked).toBeInstanceOf(EmailGuardError);
    expect(blocked).toBeInstanceOf(MessageHeldError);
    expect(blocked).toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      name: 'RecipientBlockedError',
      holdId: 'H-1',
    });
    expect(blocked.recipients).toBe(recipients);
    const confirm = new RecipientNeedsConfirmationError('held', { recipients: [] });
    expect(confirm).toMatchObject({
      code: 'RECIPIENT_NEEDS_CONFIRMATION',
      holdId: undefined,
      messageId: undefined,
    });
  });

  it('passes the cause of an infrastructure failure through', () => {
    const cause = new Error('disk full');
    for (const error of [
      new HoldStoreFailedError('not held', { cause }),
      new MessageUnreadableError('not read', { cause }),
      new AuditLogFailedError('not logged', { cause }),
    ]) {
      expect(error).toBeInstanceOf(EmailGuardError);
      expect(error.cause).toBe(cause);
    }
    expect(new AuditLogFailedError('x').code).toBe('AUDIT_LOG_FAILED');
    expect(new HoldStoreFailedError('x').code).toBe('HOLD_STORE_FAILED');
    expect(new MessageUnreadableError('x').code).toBe('MESSAGE_UNREADABLE');
  });
});
