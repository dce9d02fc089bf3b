import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { RecipientAwaitingVerificationError } from '../../src/errors.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  newCustomer,
  orderConfirmation,
  readVerification,
  verifyingTransport,
} from '../support/verification.js';

const fixture = usePipelineFixture();
const address = 'karin.berg@outlook.com';
const customer = { customerId: newCustomer.id, address };

async function holdOrders(
  transporter: ReturnType<typeof verifyingTransport>['transporter'],
  orders: readonly string[],
): Promise<{ holdIds: string[]; code: string }> {
  const holdIds: string[] = [];
  for (const order of orders) {
    const error = await transporter.sendMail(orderConfirmation(address, newCustomer.id, order)).then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    expect(error).toBeInstanceOf(RecipientAwaitingVerificationError);
    holdIds.push((error as RecipientAwaitingVerificationError).holdId ?? '');
  }
  const [codeMessage] = fixture.sink.received;
  if (!codeMessage) throw new Error('no verification message');
  return { holdIds, code: (await readVerification(codeMessage)).code };
}

describe('confirm answers what happened once the address is verified', () => {
  it('resolves ok with what the relay refused still held, and the next confirm releases it', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const { holdIds, code } = await holdOrders(transporter, ['4711', '4712']);
    fixture.sink.refuse.add(address);

    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.released).toEqual([]);
    expect(result.held.map(({ holdId }) => holdId).sort()).toEqual([...holdIds].sort());
    expect(result.held[0]?.error).toBeInstanceOf(Error);
    expect(result.releasing).toEqual([]);
    expect(await verifier.isVerified(customer)).toBe(true);

    fixture.sink.refuse.clear();
    const again = await verifier.confirm({ ...customer, code });
    expect(again.ok && again.released.map(({ id }) => id).sort()).toEqual([...holdIds].sort());
    expect(again.ok && again.held).toEqual([]);
    expect(fixture.sink.received).toHaveLength(3);
  });

  it('releases the held order when onVerified throws, and reports the failure', async () => {
    const { transporter, verifier } = verifyingTransport(fixture, {
      onVerified: async () => {
        throw new Error('the customer system is down');
      },
    });
    const { holdIds, code } = await holdOrders(transporter, ['4711']);
    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.released.map(({ id }) => id)).toEqual(holdIds);
    expect(result.onVerifiedError?.message).toBe('the customer system is down');
    expect(fixture.sink.received).toHaveLength(2);
    expect(await fixture.holdStore.list()).toEqual([]);
  });

  it('reports a message being sent (or left mid-send) as releasing, and does not send it again', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const { holdIds, code } = await holdOrders(transporter, ['4711']);
    const [holdId] = holdIds;
    if (!holdId) throw new Error('not held');
    // A transport that never answers: the release stays mid-send, as after a crash.
    const stuck = nodemailer.createTransport({
      name: 'stuck',
      version: '1',
      send: () => undefined,
    });
    void fixture.holdStore.release(holdId, stuck, { by: 'test', reason: 'stuck mid-send' });
    await expect.poll(async () => (await fixture.holdStore.list())[0]?.state).toBe('releasing');

    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok && result.releasing).toEqual([holdId]);
    expect(result.ok && result.released).toEqual([]);
    expect(fixture.sink.received).toHaveLength(1);
  });
});
