import { describe, expect, it } from 'vitest';
import { defaultMailboxRules } from '../../src/address/mailbox-rules.js';
import { RecipientAwaitingVerificationError, VerificationRateLimitedError } from '../../src/errors.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  newCustomer,
  orderConfirmation,
  readVerification,
  verifyingTransport,
} from '../support/verification.js';

const fixture = usePipelineFixture();

async function sendHeld(
  transporter: ReturnType<typeof verifyingTransport>['transporter'],
  to: string,
  order: string,
) {
  const error = await transporter.sendMail(orderConfirmation(to, newCustomer.id, order)).then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  expect(error).toBeInstanceOf(RecipientAwaitingVerificationError);
  return error as RecipientAwaitingVerificationError;
}

describe('one inbox typed two ways is one address to verify', () => {
  it('sends one code for two spellings of a Gmail mailbox and releases both held orders on it', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const first = await sendHeld(transporter, 'karin.berg@gmail.com', '4711');
    const second = await sendHeld(transporter, 'KarinBerg@gmail.com', '4712');
    expect(second.challengeId).toBe(first.challengeId);
    expect(fixture.sink.received).toHaveLength(1);

    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { code } = await readVerification(codeMessage);
    const result = await verifier.confirm({
      customerId: newCustomer.id,
      address: 'karin.berg@gmail.com',
      code,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.released).toHaveLength(2);
    expect(await fixture.holdStore.list()).toEqual([]);
    const orders = fixture.sink.received.slice(1).map((message) => message.raw.toString('latin1'));
    expect(orders).toHaveLength(2);
    expect(
      await verifier.isVerified({ customerId: newCustomer.id, address: 'Karin.Berg+shop@googlemail.com' }),
    ).toBe(true);
  });

  it("reads spellings with the guard's mailboxRules when the verifier is given none", async () => {
    // A company mailbox on Google Workspace: dots and +tags reach one inbox, as at gmail.com.
    const mailboxRules = [
      ...defaultMailboxRules,
      { domains: ['bergbygg.se'], ignoreDots: true, subaddressSeparator: '+' },
    ];
    const { transporter, verifier } = verifyingTransport(fixture, {}, { mailboxRules });
    const first = await sendHeld(transporter, 'karin.berg@bergbygg.se', '4711');
    const second = await sendHeld(transporter, 'karinberg@bergbygg.se', '4712');
    expect(second.challengeId).toBe(first.challengeId);
    expect(fixture.sink.received).toHaveLength(1);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { code } = await readVerification(codeMessage);
    const result = await verifier.confirm({
      customerId: newCustomer.id,
      address: 'karin.berg@bergbygg.se',
      code,
    });
    expect(result.ok && result.released).toHaveLength(2);
    expect(
      await verifier.isVerified({ customerId: newCustomer.id, address: 'Karin.Berg+order@bergbygg.se' }),
    ).toBe(true);
    // A third spelling goes straight out: the guard sees the verified mailbox.
    await transporter.sendMail(orderConfirmation('karinberg+kvitto@bergbygg.se', newCustomer.id, '4713'));
    expect(fixture.sink.received).toHaveLength(4);
  });

  it('counts the rate limit per mailbox, whatever the spelling', async () => {
    const { verifier } = verifyingTransport(fixture, { maxAttempts: 1, maxStartsPerAddressPerHour: 3 });
    const spellings = [
      'karin.berg@gmail.com',
      'karinberg@gmail.com',
      'KARIN.BERG@gmail.com',
      'karin.berg+1@gmail.com',
      'karin.berg@googlemail.com',
    ];
    const answers: string[] = [];
    for (const address of spellings) {
      try {
        await verifier.start({ customerId: newCustomer.id, address });
        // Burn the challenge, so the next start would need a new code.
        await verifier.confirm({ customerId: newCustomer.id, address, code: '000000' });
        answers.push('sent');
      } catch (error) {
        expect(error).toBeInstanceOf(VerificationRateLimitedError);
        answers.push('limited');
      }
    }
    expect(answers).toEqual(['sent', 'sent', 'sent', 'limited', 'limited']);
    expect(fixture.sink.received).toHaveLength(3);
  });
});
