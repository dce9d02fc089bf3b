import { describe, expect, it } from 'vitest';
import { RecipientNeedsConfirmationError } from '../../src/errors.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { newCustomer, orderConfirmation, verifyingTransport } from '../support/verification.js';

const fixture = usePipelineFixture();
const address = 'karin.berg@outlook.com';

describe('the audit log of the verification message', () => {
  it('records a code message the relay refused as verification-failed, not as sent', async () => {
    const { transporter } = verifyingTransport(fixture);
    fixture.sink.refuse.add(address);
    const error = await transporter
      .sendMail(orderConfirmation(address, newCustomer.id, '4711'))
      .catch((rejected: unknown) => rejected);
    expect(error).toBeInstanceOf(RecipientNeedsConfirmationError);
    expect(fixture.sink.received).toEqual([]);
    const outcomes = fixture.audit.entries.map((entry) => entry.outcome);
    expect(outcomes).toEqual(['held', 'verification-failed']);
    const failed = fixture.audit.entries[1];
    expect(failed?.verification?.error).toMatch(/550/);
  });

  it('records a delivered code message as verification-sent', async () => {
    const { transporter } = verifyingTransport(fixture);
    await transporter.sendMail(orderConfirmation(address, newCustomer.id, '4711')).catch(() => undefined);
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.audit.entries.map((entry) => entry.outcome)).toEqual(['held', 'verification-sent']);
  });
});
