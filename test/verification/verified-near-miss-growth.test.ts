import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { expectLinearGrowth } from '../support/growth.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';

/** A verifier with `n` addresses verified, each for a customer of its own. */
async function verifierWith(n: number) {
  const { transporter, outbox } = outboxTransport();
  const store = memoryVerificationStore();
  const verifier = createVerifier({ store, transporter, from: 'Butiken AB <order@butiken.se>' });
  await proveAddresses(
    verifier,
    outbox,
    Array.from({ length: n }, (_, index) => ({
      customerId: `C-${index}`,
      address: `kund.${index}@outlook.com`,
    })),
  );
  return verifier;
}

describe('findVerified with slips', () => {
  it('finds a slip of a verified address among many', async () => {
    const verifier = await verifierWith(50);
    expect(await verifier.findVerified('kund.17@outlok.com', { maxDistance: 1 })).toEqual([]);
    expect(await verifier.findVerified('kund.177@outlook.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-17', address: 'kund.17@outlook.com', distance: 1 },
    ]);
    // The mailbox itself first, then the addresses one slip from it (kund.1, kund.7, kund.10, ...).
    const [first, ...slips] = await verifier.findVerified('Kund.17@Outlook.com', { maxDistance: 1 });
    expect(first).toEqual({ customerId: 'C-17', address: 'kund.17@outlook.com', distance: 0 });
    expect(slips.map((slip) => slip.customerId)).toEqual(
      expect.arrayContaining(['C-1', 'C-7', 'C-10', 'C-47']),
    );
    expect(slips.every((slip) => slip.distance === 1)).toBe(true);
    // Without maxDistance only the mailbox itself, as before.
    expect(await verifier.findVerified('kund.177@outlook.com')).toEqual([]);
  });

  it('costs no more with four times the verified addresses: the variants are read, not every record', async () => {
    await expectLinearGrowth({
      n: 40,
      // A few hundred verifications are made once per size, outside the timing (the warm-up run waits for them).
      make: (n) => verifierWith(n),
      run: async (made) => {
        const verifier = await made;
        for (let i = 0; i < 100; i++)
          await verifier.findVerified(`kund.${i % 50}x@outlook.com`, { maxDistance: 1 });
      },
      // Reading every record would cost about 4 times as much at 4n.
      limit: 2.5,
    });
  });
});
