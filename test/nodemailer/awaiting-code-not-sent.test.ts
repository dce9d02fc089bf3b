import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecipientNeedsConfirmationError } from '../../src/errors.js';
import type { AuditLog } from '../../src/nodemailer/audit-log.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { orderConfirmation, verifyingTransport } from '../support/verification.js';
import { buildVerifyingTransport } from '../support/verifying-transport.js';

// A held message says it waits for the customer's code only once a code went out: one whose code
// could not be sent waits for a person, and a list of held messages must not say it goes out by itself.
const fixture = usePipelineFixture();
const NEW_ADDRESS = 'ny.kund@outlook.com';

async function heldEntry(sent: Promise<unknown>) {
  const error = await sent.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RecipientNeedsConfirmationError);
  const holdId = (error as RecipientNeedsConfirmationError).holdId as string;
  return { error: error as RecipientNeedsConfirmationError, held: await fixture.holdStore.get(holdId) };
}

describe('a held message whose verification code could not be sent', () => {
  it('is not kept as awaiting the code when the relay refuses the code message', async () => {
    fixture.sink.refuse.add(NEW_ADDRESS);
    const { transporter } = verifyingTransport(fixture);
    const { error, held } = await heldEntry(transporter.sendMail(orderConfirmation(NEW_ADDRESS, 'C-4000')));
    expect(error.message).toContain('no verification code could be sent');
    expect(held?.state).toBe('held');
    expect(held?.awaitingCode).toBeUndefined();
    expect(fixture.sink.received).toEqual([]);
  });

  it('says so in a process warning when the entry cannot be updated, and the message stays held', async () => {
    fixture.sink.refuse.add(NEW_ADDRESS);
    const folder = join(fixture.dir, 'held');
    // A release takes the entry's lock right after it is held (as another process would): the entry
    // cannot be updated to say no code went out.
    const auditLog: AuditLog = {
      async record(entry) {
        await fixture.audit.record(entry);
        if (entry.outcome === 'held' && entry.holdId)
          writeFileSync(
            join(folder, `${entry.holdId}.lock`),
            JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
          );
      },
    };
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { transporter } = buildVerifyingTransport({
        port: fixture.sink.port,
        holdStore: fixture.holdStore,
        auditLog,
        folder: join(fixture.dir, 'verification'),
      });
      const error = await transporter.sendMail(orderConfirmation(NEW_ADDRESS, 'C-4000')).then(
        () => undefined,
        (reason: unknown) => reason as RecipientNeedsConfirmationError,
      );
      expect(error).toBeInstanceOf(RecipientNeedsConfirmationError);
      const holdId = error?.holdId as string;
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toContainEqual(
        expect.objectContaining({
          code: 'EMAIL_GUARD_HOLD_STORE_FAILED',
          message: expect.stringContaining(`held message ${holdId} stays held, waiting for a person`),
        }),
      );
      expect(warnings.map(({ message }) => message).join('\n')).toContain(
        "may still say it waits for the customer's code",
      );
      // Held whole, the entry unchanged.
      rmSync(join(folder, `${holdId}.lock`));
      const held = await fixture.holdStore.get(holdId);
      expect(held?.state).toBe('held');
      expect(held?.awaitingCode).toEqual([NEW_ADDRESS]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
