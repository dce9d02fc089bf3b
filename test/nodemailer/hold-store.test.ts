import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { holdMessage } from '../support/hold-message.js';
import {
  directoryOfCustomers,
  memoryAuditLog,
  smtpTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';
const WHO = { by: 'lena@butiken.se', reason: 'address read back on the phone' };

/** A transporter whose guard knows every customer, so another customer's address is recognised. */
function guardedTransport() {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory: directoryOfCustomers() }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return transporter;
}

/** An order for C-1001 to a typo of her address: held as `block`. Returns the hold id. */
async function holdOrder(): Promise<string> {
  const error = await guardedTransport()
    .sendMail({
      from: 'order@butiken.se',
      to: TYPO,
      subject: 'Orderbekräftelse 4711',
      text: 'Tack för din beställning.',
      emailGuard: { customerId: 'C-1001' },
    })
    .then(
      () => undefined,
      (reason: { holdId?: string; code?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

describe('the release of a corrected message', () => {
  it("refuses a correction to another customer's address, even when told the address is new", async () => {
    const id = await holdOrder();
    for (const confirmNew of [false, true]) {
      await expect(
        fixture.holdStore.release(id, guardedTransport(), { to: 'erik.lind@telia.com', confirmNew, ...WHO }),
      ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED', holdId: id });
    }
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.list()).map((held) => [held.id, held.state])).toEqual([[id, 'held']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      holdId: id,
      recipients: [
        { address: 'erik.lind@telia.com', codes: expect.arrayContaining(['belongs-to-other-customer']) },
      ],
    });
  });

  it('releases a correction new to the customer only when the releaser confirms it is new', async () => {
    const id = await holdOrder();
    await expect(
      fixture.holdStore.release(id, guardedTransport(), { to: 'stranger@example.com', ...WHO }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_NEEDS_CONFIRMATION', holdId: id });
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(1);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'release-refused', action: 'confirm' });
    await fixture.holdStore.release(id, guardedTransport(), {
      to: 'stranger@example.com',
      confirmNew: true,
      ...WHO,
    });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['stranger@example.com']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released',
      action: 'confirm',
      release: { ...WHO, confirmNew: true },
    });
    expect(await fixture.holdStore.list()).toEqual([]);
  });

  it("releases a correction to the customer's known address without more ado", async () => {
    const id = await holdOrder();
    await fixture.holdStore.release(id, guardedTransport(), { to: 'anna.svensson1985@gmail.com', ...WHO });
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'released', action: 'send', release: WHO });
  });

  it('answers a release with the Message-ID that was sent, in info as at the top', async () => {
    const id = await holdOrder();
    const result = await fixture.holdStore.release(id, guardedTransport(), {
      to: 'anna.svensson1985@gmail.com',
      ...WHO,
    });
    const sent = /^Message-ID: *(.+?)\r?$/im.exec(fixture.sink.received[0]?.raw.toString() ?? '')?.[1];
    expect(sent).toMatch(/^<.+@.+>$/);
    expect(result.messageId).toBe(sent);
    expect(result.info.messageId).toBe(sent);
  });

  it('refuses confirmNew that is not a boolean, naming the option', async () => {
    const id = await holdOrder();
    await expect(
      fixture.holdStore.release(id, guardedTransport(), {
        to: 'stranger@example.com',
        confirmNew: 'yes' as unknown as boolean,
        ...WHO,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'options.confirmNew' });
  });
});

describe('the release of a raw message held with no envelope, without to', () => {
  it('is refused naming the option to, not a command-line flag, and the header recipients', async () => {
    const raw = `From: order@butiken.se\r\nTo: ny.adress@outlook.com\r\nSubject: Order 4711\r\n\r\nTack.\r\n`;
    const id = await holdMessage(fixture, '', { raw });
    const error = (await fixture.holdStore
      .release(id, guardedTransport(), WHO)
      .catch((caught) => caught)) as {
      issues?: { path: unknown[]; code?: string; message: string }[];
    };
    expect(error.issues).toEqual([expect.objectContaining({ path: ['options', 'to'], code: 'no-envelope' })]);
    const [issue] = error.issues ?? [];
    expect(issue?.message).toContain('`to`');
    expect(issue?.message).not.toMatch(/--to|command line/);
    expect(issue?.message).toContain('ny.adress@outlook.com');
    expect(fixture.sink.received).toEqual([]);
  });

  it("is logged as a refused release, with who tried, why and why not, in the store's log", async () => {
    const raw = `From: order@butiken.se\r\nTo: ny.adress@outlook.com\r\nSubject: Order 4711\r\n\r\nTack.\r\n`;
    const id = await holdMessage(fixture, '', { raw });
    const log = memoryAuditLog();
    const store = createFileHoldStore(join(fixture.dir, 'held'), { auditLog: log });
    await expect(store.release(id, guardedTransport(), WHO)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(log.entries).toEqual([
      expect.objectContaining({
        outcome: 'release-refused',
        holdId: id,
        action: 'block',
        recipients: [expect.objectContaining({ field: 'to', address: 'ny.adress@outlook.com' })],
        release: {
          ...WHO,
          refusal: { code: 'INVALID_INPUT', message: expect.stringContaining('no envelope') },
        },
      }),
    ]);
    expect(fixture.sink.received).toEqual([]);
  });
});
