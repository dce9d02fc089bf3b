import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { RecipientAwaitingVerificationError, RecipientNeedsConfirmationError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import {
  newCustomer,
  orderConfirmation,
  readVerification,
  verifyingTransport,
} from '../support/verification.js';
import { verificationCustomers } from '../support/verifying-transport.js';

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

  it('has release() name a message left mid-send as releasing, and not send it again', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const { holdIds, code } = await holdOrders(transporter, ['4711']);
    const [holdId] = holdIds;
    if (!holdId) throw new Error('not held');
    const stuck = nodemailer.createTransport({ name: 'stuck', version: '1', send: () => undefined });
    void fixture.holdStore.release(holdId, stuck, { by: 'test', reason: 'stuck mid-send' });
    await expect.poll(async () => (await fixture.holdStore.list())[0]?.state).toBe('releasing');
    expect((await verifier.confirm({ ...customer, code })).ok).toBe(true);

    const released = await verifier.release(customer);
    expect([...released]).toEqual([]);
    expect(released.releasing).toEqual([holdId]);
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('says the address was verified and the release refused, not that no code could be sent', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const { code } = await holdOrders(transporter, ['4711']);
    expect((await verifier.confirm({ ...customer, code })).ok).toBe(true);
    // A second pipeline whose guard does not see the verifier's addresses: the address looks new to
    // it, and the verifier answers that it was verified meanwhile.
    const blind = smtpTransport(fixture.sink.port);
    blind.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({
          lookupCustomer: async (id) => verificationCustomers[id],
          verifiedAddresses: { listVerified: async () => [] },
        }),
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
        verifier,
        unverified: 'verify',
      }),
    );
    fixture.sink.refuse.add(address);
    const error = await blind.sendMail(orderConfirmation(address, newCustomer.id, '4712')).then(
      () => undefined,
      (rejected: unknown) => rejected as RecipientNeedsConfirmationError,
    );
    expect(error).toBeInstanceOf(RecipientNeedsConfirmationError);
    expect(error?.message).not.toMatch(/no verification code could be sent/);
    expect(error?.message).toMatch(/was verified/);
    expect(error?.message).toMatch(/release/);
    expect(error?.message).toMatch(/mailbox unavailable/);
    expect(error?.message).toMatch(/verifier\.release/);
    expect(await fixture.holdStore.list()).toHaveLength(1);
  });
});
