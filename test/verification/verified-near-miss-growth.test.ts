import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { expectLinearGrowth } from '../support/growth.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';

/** A local part of its own for each number: twelve hex digits, so no two are one slip apart. */
const localPart = (index: number) => createHash('sha256').update(String(index)).digest('hex').slice(0, 12);

/** A verifier with `n` addresses verified, each for a customer of its own. */
async function verifierWith(n: number, address = (index: number) => `kund.${index}@outlook.com`) {
  const { transporter, outbox } = outboxTransport();
  const store = memoryVerificationStore();
  const verifier = createVerifier({ store, transporter, from: 'Butiken AB <order@butiken.se>' });
  await proveAddresses(
    verifier,
    outbox,
    Array.from({ length: n }, (_, index) => ({
      customerId: `C-${index}`,
      address: address(index),
    })),
  );
  return verifier;
}

describe('findVerified with slips', () => {
  it('finds a slip of a verified address among many', async () => {
    const verifier = await verifierWith(50);
    // A slip in the domain alone: the local part at each filed domain one slip away.
    expect(await verifier.findVerified('kund.17@outlok.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-17', address: 'kund.17@outlook.com', distance: 1 },
    ]);
    expect(await verifier.findVerified('kund.17@outlook.se', { maxDistance: 1 })).toEqual([]);
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
      make: (n) => verifierWith(n, (index) => `${localPart(index)}@outlook.com`),
      run: async (made) => {
        const verifier = await made;
        for (let i = 0; i < 100; i++) {
          const [match] = await verifier.findVerified(`${localPart(i % 40)}x@outlook.com`, {
            maxDistance: 1,
          });
          if (match?.customerId !== `C-${i % 40}`) throw new Error(`no slip found for C-${i % 40}`);
        }
      },
      // Reading every record would cost about 4 times as much at 4n.
      limit: 2.5,
    });
  });

  it('costs no more with four times the verified addresses for a slip in the domain: the domains are filed', async () => {
    // Each address at a domain of its own beside the shared one, so the filed domains grow with n too.
    await expectLinearGrowth({
      n: 40,
      make: (n) =>
        verifierWith(n, (index) =>
          index % 2 === 0 ? `${localPart(index)}@outlook.com` : `${localPart(index)}@${localPart(index)}.se`,
        ),
      run: async (made) => {
        const verifier = await made;
        for (let i = 0; i < 100; i++) {
          const index = (i % 20) * 2;
          const [match] = await verifier.findVerified(`${localPart(index)}@outlok.com`, { maxDistance: 1 });
          if (match?.customerId !== `C-${index}`) throw new Error(`no domain slip found for C-${index}`);
        }
      },
      limit: 2.5,
    });
  });
});
