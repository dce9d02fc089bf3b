import { describe, expect, it } from 'vitest';
import type { AsyncDirectory } from '../../src/contacts/async-directory.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { ALL_CUSTOMERS, holdOrderToOtherCustomer, KARINS, RELEASED_BY } from '../support/fewer-customers.js';
import { failure, type PipelineFixture, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();
const LOOKUP_TIMEOUT_MS = 150;

/**
 * Every customer, asked as a database directory is, whose count never answers: a PostgreSQL
 * `count(*)` waiting behind a lock on the customer table.
 */
function countNeverAnswers(): AsyncDirectory & { size(): Promise<number> } {
  const everyone = createDirectory(ALL_CUSTOMERS);
  return {
    asynchronous: true,
    get: async (id) => everyone.get(id),
    findAddress: async (input, options) => everyone.findAddress(input, options),
    findPhone: async (input) => everyone.findPhone(input),
    size: () => new Promise<number>(() => undefined),
  };
}

function transportWith(fixture: PipelineFixture, directory: AsyncDirectory) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory, lookupTimeoutMs: LOOKUP_TIMEOUT_MS }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

describe('a count of customers that never answers', () => {
  it('holds the message as counted in vain once the lookup time limit passes, and logs the hold', async () => {
    const sent = transportWith(fixture, countNeverAnswers()).sendMail({
      from: 'order@butiken.se',
      to: 'erik.lind@telia.com',
      subject: 'Order 4711',
      text: 'Tack',
      emailGuard: { customerId: 'C-1001' },
    } as Parameters<ReturnType<typeof smtpTransport>['sendMail']>[0]);
    const settled = await Promise.race([
      failure(sent),
      new Promise((resolve) => setTimeout(() => resolve('never settled'), LOOKUP_TIMEOUT_MS * 20)),
    ]);
    expect(settled).toMatchObject({ message: expect.stringMatching(/^Held /), holdId: expect.any(String) });
    const holdId = (settled as { holdId: string }).holdId;
    const held = await fixture.holdStore.get(holdId);
    expect(held).toMatchObject({ state: 'held', customersCountFailed: true });
    expect(held?.customersKnown).toBeUndefined();
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'held', holdId });
    expect(fixture.sink.received).toEqual([]);
  });

  it('refuses a release whose count never answers, as one that knows fewer customers', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const release = fixture.holdStore.release(id, transportWith(fixture, countNeverAnswers()), {
      ...RELEASED_BY,
      to: KARINS,
      confirmNew: true,
    });
    const settled = await Promise.race([
      failure(release),
      new Promise((resolve) => setTimeout(() => resolve('never settled'), LOOKUP_TIMEOUT_MS * 20)),
    ]);
    expect(settled).toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: 3, now: undefined });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
