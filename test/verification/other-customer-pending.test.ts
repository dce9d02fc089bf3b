import { describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { heldForCode, receivedFor, verificationFor, verifyingTransport } from '../support/verification.js';

const fixture = usePipelineFixture();
const address = 'familjen.holm@outlook.com';

describe('a pending code of a second customer once the first owns the address', () => {
  it('is refused as verified-for-other-customer, and the second customer’s order stays held', async () => {
    const { transporter, verifier } = verifyingTransport(fixture, {
      linkFor: (token) => `https://butiken.se/verify?t=${token}`,
    });
    const holdIds: Record<string, string> = {};
    for (const customerId of ['C-4001', 'C-4002'])
      holdIds[customerId] =
        (await heldForCode(transporter, address, customerId, customerId === 'C-4001' ? '5001' : '5002')) ??
        '';
    const c1 = await verificationFor(fixture.sink.received, address, 0);
    const c2 = await verificationFor(fixture.sink.received, address, 1);

    expect((await verifier.confirm({ customerId: 'C-4001', address, code: c1.code })).ok).toBe(true);
    expect(receivedFor(fixture.sink.received, address)).toHaveLength(3);

    expect(await verifier.confirm({ customerId: 'C-4002', address, code: c2.code })).toEqual({
      ok: false,
      reason: 'verified-for-other-customer',
    });
    const token = new URL(c2.link ?? '').searchParams.get('t') ?? '';
    expect(await verifier.confirmToken(token)).toEqual({ ok: false, reason: 'verified-for-other-customer' });
    expect(await verifier.isVerified({ customerId: 'C-4002', address })).toBe(false);
    expect(await verifier.release({ customerId: 'C-4002', address })).toEqual([]);
    // Nothing more reached the address, and C-4002's order waits for a person.
    expect(receivedFor(fixture.sink.received, address)).toHaveLength(3);
    expect((await fixture.holdStore.list()).map(({ id }) => id)).toEqual([holdIds['C-4002']]);
  });
});
