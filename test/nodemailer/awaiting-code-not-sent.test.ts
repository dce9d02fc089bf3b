import { describe, expect, it } from 'vitest';
import { RecipientNeedsConfirmationError } from '../../src/errors.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { orderConfirmation, verifyingTransport } from '../support/verification.js';

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
});
