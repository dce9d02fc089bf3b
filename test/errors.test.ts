import { describe, expect, it } from 'vitest';
import {
  AuditLogFailedError,
  DirectoryWriteFailedError,
  EmailGuardError,
  HeldMessageClaimedError,
  HoldStoreFailedError,
  InvalidInputError,
  isEmailGuardError,
  MessageHeldError,
  MessageUnreadableError,
  MigrateFailedError,
  RecipientAwaitingVerificationError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
  SmtpUtf8NotAnnouncedError,
  VerificationRateLimitedError,
  VerificationStoreFailedError,
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

  it('carries the hold id and the challenge id on a message awaiting verification', () => {
    const awaiting = new RecipientAwaitingVerificationError('held', {
      holdId: 'H-2',
      recipients: [],
      challenges: [{ id: 'ch-1', address: 'karin@example.se', expiresAt: '2026-01-05T09:15:00.000Z' }],
    });
    expect(awaiting).toBeInstanceOf(MessageHeldError);
    expect(awaiting).toMatchObject({
      code: 'RECIPIENT_AWAITING_VERIFICATION',
      name: 'RecipientAwaitingVerificationError',
      holdId: 'H-2',
      challengeId: 'ch-1',
    });
    expect(new VerificationRateLimitedError('x', '2026-01-05T10:00:00.000Z')).toMatchObject({
      code: 'VERIFICATION_RATE_LIMITED',
      retryAt: '2026-01-05T10:00:00.000Z',
    });
    expect(new VerificationStoreFailedError('x').code).toBe('VERIFICATION_STORE_FAILED');
  });

  it('names the addresses a server without SMTPUTF8 cannot take, as an invalid input with one issue each', () => {
    const refused = new SmtpUtf8NotAnnouncedError([
      { path: ['message', 'envelope', 'from'], address: 'örjan@butiken.se' },
      { path: ['message', 'envelope', 'to', 0], address: 'åsa.öberg@telia.se' },
    ]);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(isEmailGuardError(refused, 'INVALID_INPUT')).toBe(true);
    expect(refused).toMatchObject({
      name: 'SmtpUtf8NotAnnouncedError',
      field: 'message.envelope.from',
      addresses: ['örjan@butiken.se', 'åsa.öberg@telia.se'],
    });
    expect(refused.issues.map((issue) => [issue.code, issue.message.split(' ')[0]])).toEqual([
      ['smtputf8-not-announced', 'örjan@butiken.se'],
      ['smtputf8-not-announced', 'åsa.öberg@telia.se'],
    ]);
  });

  it('says which held message another release or discard claimed, and when, as a hold store failure', () => {
    const cause = Object.assign(new Error('exists'), { code: 'EEXIST' });
    const claimed = new HeldMessageClaimedError(
      'being released',
      { holdId: 'H-3', claimedAt: '2026-03-02T08:15:00.000Z' },
      { cause },
    );
    expect(claimed).toBeInstanceOf(HoldStoreFailedError);
    expect(isEmailGuardError(claimed, 'HOLD_STORE_FAILED')).toBe(true);
    expect(claimed).toMatchObject({
      name: 'HeldMessageClaimedError',
      holdId: 'H-3',
      claimedAt: '2026-03-02T08:15:00.000Z',
      cause,
    });
    expect(new HeldMessageClaimedError('x', { holdId: 'H-4' }).claimedAt).toBeUndefined();
  });

  it('passes the cause of an infrastructure failure through', () => {
    const cause = new Error('disk full');
    for (const error of [
      new HoldStoreFailedError('not held', { cause }),
      new MessageUnreadableError('not read', { cause }),
      new AuditLogFailedError('not logged', { cause }),
      new DirectoryWriteFailedError('not written', { cause }),
      new MigrateFailedError('not migrated', { cause }),
    ]) {
      expect(error).toBeInstanceOf(EmailGuardError);
      expect(error.cause).toBe(cause);
    }
    expect(new AuditLogFailedError('x').code).toBe('AUDIT_LOG_FAILED');
    expect(new HoldStoreFailedError('x').code).toBe('HOLD_STORE_FAILED');
    expect(new MessageUnreadableError('x').code).toBe('MESSAGE_UNREADABLE');
    expect(new DirectoryWriteFailedError('x').code).toBe('DIRECTORY_WRITE_FAILED');
    expect(new MigrateFailedError('x').code).toBe('MIGRATE_FAILED');
  });
});

describe('isEmailGuardError', () => {
  it('recognises every error email-guard throws, and nothing else', () => {
    for (const error of [
      new EmailGuardError('LOOKUP_FAILED', 'x'),
      new InvalidInputError([{ path: ['customer', 'id'], message: 'required' }]),
      new RecipientBlockedError('held', { recipients: [] }),
      new AuditLogFailedError('not logged'),
    ]) {
      expect(isEmailGuardError(error)).toBe(true);
    }
    const lookalike = Object.assign(new Error('x'), { name: 'EmailGuardError', code: 'INVALID_INPUT' });
    for (const value of [lookalike, { code: 'INVALID_INPUT' }, null, undefined, 'INVALID_INPUT', 42]) {
      expect(isEmailGuardError(value)).toBe(false);
    }
  });

  it('recognises an error of another copy of the package by its Symbol.for brand', () => {
    // What a second copy (the CommonJS build beside the ESM one) constructs: another class, same brand.
    const foreign = new Error('from the other copy');
    Object.defineProperty(foreign, Symbol.for('email-guard.error'), { value: true });
    Object.assign(foreign, { code: 'RECIPIENT_BLOCKED' });
    expect(foreign instanceof EmailGuardError).toBe(false);
    expect(isEmailGuardError(foreign)).toBe(true);
    expect(isEmailGuardError(foreign, 'RECIPIENT_BLOCKED')).toBe(true);
    expect(isEmailGuardError(foreign, 'INVALID_INPUT')).toBe(false);
  });

  it('keeps the brand out of logs and JSON', () => {
    const error = new HoldStoreFailedError('not held');
    expect(Object.keys(error)).not.toContain(Symbol.for('email-guard.error'));
    expect(Object.getOwnPropertySymbols(error)).toEqual([Symbol.for('email-guard.error')]);
    expect(Object.getOwnPropertyDescriptor(error, Symbol.for('email-guard.error'))?.enumerable).toBe(false);
    expect(JSON.stringify(error)).not.toContain('email-guard.error');
  });
});
