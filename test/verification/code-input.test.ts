import { describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { newCustomer, readVerification, verifyingTransport } from '../support/verification.js';

const fixture = usePipelineFixture();
const customer = { customerId: newCustomer.id, address: 'karin.berg@outlook.com' };

describe('a code that cannot be a code', () => {
  it('is refused as input.code without using up an attempt; a code in groups still counts', async () => {
    const { verifier } = verifyingTransport(fixture, { maxAttempts: 1 });
    await verifier.start(customer);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { code } = await readVerification(codeMessage);

    for (const bad of ['', '   ', 'abcdef', '12345', '1234567', '１２３４５６', '9'.repeat(1_000_000)]) {
      await expect(verifier.confirm({ ...customer, code: bad })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'input.code',
      });
    }
    // The one attempt is still there: the right code, read in groups, verifies.
    const grouped = `${code.slice(0, 3)} ${code.slice(3)}`;
    const result = await verifier.confirm({ ...customer, code: grouped });
    expect(result.ok).toBe(true);
  });
});

describe('listVerified', () => {
  it('names its field input.customerId, as every other method does', async () => {
    const { verifier } = verifyingTransport(fixture);
    await expect(verifier.listVerified('  ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'input.customerId',
    });
  });
});
