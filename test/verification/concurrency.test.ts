import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { RecipientAwaitingVerificationError } from '../../src/errors.js';
import { firstLine, startChild } from '../support/child-process.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  orderConfirmation,
  readVerification,
  receivedFor,
  verifyingTransport,
} from '../support/verification.js';

const fixture = usePipelineFixture();

describe('verification under concurrency', () => {
  it('sends one code per address for 100 confirmations to 20 new addresses at once, and releases each once', async () => {
    // 100 checks at once each read the verified addresses from the folder: on a loaded machine that may
    // take longer than the default 2 s, and a look-up that does not answer is (rightly) a block.
    const { transporter, verifier } = verifyingTransport(fixture, {}, { lookupTimeoutMs: 60_000 });
    const addresses = Array.from({ length: 20 }, (_, index) => ({
      customerId: `C-${4000 + index}`,
      address: `ny.kund${index}@outlook.com`,
    }));
    const sends = addresses.flatMap(({ customerId, address }) =>
      Array.from({ length: 5 }, (_, order) =>
        transporter.sendMail(orderConfirmation(address, customerId, `${customerId}-${order}`)).then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    );
    const errors = await Promise.all(sends);
    for (const error of errors) expect(error).toBeInstanceOf(RecipientAwaitingVerificationError);
    const awaiting = errors as RecipientAwaitingVerificationError[];
    expect(await fixture.holdStore.list()).toHaveLength(100);

    // At most one pending challenge per address: one code each, and every message waits on it.
    expect(fixture.sink.received).toHaveLength(20);
    for (const [index, { address }] of addresses.entries()) {
      expect(receivedFor(fixture.sink.received, address)).toHaveLength(1);
      const ids = new Set(awaiting.slice(index * 5, index * 5 + 5).map((error) => error.challengeId));
      expect(ids.size).toBe(1);
    }

    // Every address confirmed twice at once: each held message goes out exactly once.
    const codes = await Promise.all(
      addresses.map(
        async ({ address }) =>
          (await readVerification(receivedFor(fixture.sink.received, address)[0] as never)).code,
      ),
    );
    const results = await Promise.all(
      addresses.flatMap((customer, index) => [
        verifier.confirm({ ...customer, code: codes[index] as string }),
        verifier.confirm({ ...customer, code: codes[index] as string }),
      ]),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const released = results.flatMap((result) => (result.ok ? result.released.map(({ id }) => id) : []));
    expect(released).toHaveLength(100);
    expect(new Set(released)).toEqual(new Set(awaiting.map((error) => error.holdId)));
    expect(await fixture.holdStore.list()).toEqual([]);

    const confirmations = fixture.sink.received.slice(20);
    expect(confirmations).toHaveLength(100);
    const subjects = await Promise.all(
      confirmations.map(async ({ raw }) => (await simpleParser(raw)).subject),
    );
    expect(new Set(subjects).size).toBe(100);
  }, 120_000);

  it('releases each message once when two processes confirm the same code at the same time', async () => {
    const { transporter } = verifyingTransport(fixture);
    const customer = { customerId: 'C-3003', address: 'karin.berg@outlook.com' };
    const held: string[] = [];
    for (let order = 0; order < 5; order++) {
      const error = await transporter
        .sendMail(orderConfirmation(customer.address, customer.customerId, `47${order}`))
        .catch((rejected: RecipientAwaitingVerificationError) => rejected);
      held.push(error?.holdId ?? '');
    }
    const { code } = await readVerification(fixture.sink.received[0] as never);

    const args = [
      String(fixture.sink.port),
      join(fixture.dir, 'held'),
      join(fixture.dir, 'verification'),
      'confirm',
      customer.customerId,
      customer.address,
      code,
    ];
    const children = await Promise.all([startChild(args), startChild(args)]);
    for (const { go } of children) go();
    const answers = await Promise.all(children.map(async ({ lines }) => JSON.parse(await firstLine(lines))));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const released = answers.flatMap((answer) => answer.released as string[]);
    expect(released.sort()).toEqual([...held].sort());
    expect(receivedFor(fixture.sink.received, customer.address)).toHaveLength(1 + 5);
    expect(await fixture.holdStore.list()).toEqual([]);
  }, 120_000);
});
