import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { RecipientAwaitingVerificationError } from '../../src/errors.js';
import { firstLine, startChild } from '../support/child-process.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  orderConfirmation,
  readVerification,
  receivedFor,
  verifyingTransport,
} from '../support/verification.js';

const fixture = usePipelineFixture();
const customer = { customerId: 'C-3003', address: 'karin.berg@outlook.com' };

/** Holds three confirmations for the new address, then has a child confirm the code and kills it once verified. */
async function verifyThenKill(): Promise<{ held: string[]; code: string }> {
  const { transporter } = verifyingTransport(fixture);
  const held: string[] = [];
  for (let order = 0; order < 3; order++) {
    const error = await transporter
      .sendMail(orderConfirmation(customer.address, customer.customerId, `48${order}`))
      .catch((rejected: RecipientAwaitingVerificationError) => rejected);
    held.push(error?.holdId ?? '');
  }
  const { code } = await readVerification(fixture.sink.received[0] as never);
  const { child, go, lines } = await startChild([
    String(fixture.sink.port),
    join(fixture.dir, 'held'),
    join(fixture.dir, 'verification'),
    'hang-after-verified',
    customer.customerId,
    customer.address,
    code,
  ]);
  const exited = new Promise((resolveExit) => child.on('exit', resolveExit));
  go();
  expect(await firstLine(lines)).toBe('verified');
  // Killed between "verified" and "released": no clean-up runs.
  child.kill('SIGKILL');
  await exited;
  return { held, code };
}

async function subjectsFor(address: string): Promise<string[]> {
  const messages = receivedFor(fixture.sink.received, address).slice(1);
  return Promise.all(messages.map(async ({ raw }) => (await simpleParser(raw)).subject ?? ''));
}

describe('a process killed between verifying an address and releasing its messages', () => {
  it('leaves them held and releasable by release(), each sent once', async () => {
    const { held } = await verifyThenKill();
    expect(receivedFor(fixture.sink.received, customer.address)).toHaveLength(1);
    expect((await fixture.holdStore.list()).map(({ id }) => id).sort()).toEqual([...held].sort());

    const { verifier } = verifyingTransport(fixture);
    expect(await verifier.isVerified(customer)).toBe(true);
    const released = await verifier.release(customer);
    expect(released.map(({ id }) => id).sort()).toEqual([...held].sort());
    expect(await verifier.release(customer)).toEqual([]);
    expect((await subjectsFor(customer.address)).sort()).toEqual([
      'Orderbekräftelse 480',
      'Orderbekräftelse 481',
      'Orderbekräftelse 482',
    ]);
    expect(await fixture.holdStore.list()).toEqual([]);
  }, 120_000);

  it('leaves them releasable by the next confirm of the same code, each sent once', async () => {
    const { held, code } = await verifyThenKill();
    const { verifier } = verifyingTransport(fixture);
    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok && result.released.map(({ id }) => id).sort()).toEqual([...held].sort());
    const again = await verifier.confirm({ ...customer, code });
    expect(again.ok && again.released).toEqual([]);
    expect(await subjectsFor(customer.address)).toHaveLength(3);
    // The address is known from then on: the next confirmation goes straight through.
    const { transporter } = verifyingTransport(fixture);
    await transporter.sendMail(orderConfirmation(customer.address, customer.customerId, '490'));
    expect(await subjectsFor(customer.address)).toHaveLength(4);
  }, 120_000);
});
