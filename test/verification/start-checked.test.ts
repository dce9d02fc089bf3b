import { describe, expect, it } from 'vitest';
import { isEmailGuardError } from '../../src/errors.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { verifyingTransport } from '../support/verification.js';

const fixture = usePipelineFixture();

describe('verifier.start for a customer, once the verifier is given to nodemailerGuard', () => {
  it('sends no code to an address the check blocks or finds to be another customer’s', async () => {
    const { verifier } = verifyingTransport(fixture);
    for (const [address, code] of [
      ['erik.lind@telia.com', 'belongs-to-other-customer'],
      ['erik.lindh@telia.com', 'near-miss-other-name'],
      ['ny.kund@gmial.com', 'domain-typo'],
    ] as const) {
      const error = await verifier
        .start({ customerId: 'C-4001', address })
        .catch((refused: unknown) => refused);
      expect(isEmailGuardError(error, 'INVALID_INPUT'), address).toBe(true);
      expect((error as Error).message).toContain(`(${code})`);
      expect((error as Error).message).toContain('no code was sent');
    }
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('still sends a code to an address only new to the customer', async () => {
    const { verifier } = verifyingTransport(fixture);
    const challenge = await verifier.start({ customerId: 'C-4001', address: 'ny.kund@gmail.com' });
    expect(challenge.sent).toBe(true);
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('sends a code for a customer the guard cannot look up: that says nothing about the address', async () => {
    const { verifier } = verifyingTransport(fixture);
    const challenge = await verifier.start({ customerId: 'C-UNKNOWN', address: 'ny.kund@gmail.com' });
    expect(challenge.sent).toBe(true);
    expect(fixture.sink.received).toHaveLength(1);
  });
});
