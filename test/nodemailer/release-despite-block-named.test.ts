import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { sendReleased } from '../../src/nodemailer/send-released.js';
import { stoppedWhenHeld } from '../../src/nodemailer/stopped-when-held.js';
import { ALL_CUSTOMERS } from '../support/fewer-customers.js';
import { holdMessage, transportChecking } from '../support/hold-message.js';
import { holdWithFields } from '../support/hold-with-fields.js';
import { usePipelineFixture } from '../support/pipeline.js';

// docs/nodemailer.md (`release`, `sendReleased`): `sendDespiteBlock` sends past a block only to the
// recipients the releaser names; held recipients nobody named, blind copies included, never go on
// the override alone.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const ERIK = 'erik.lind@telia.com';
const who = { by: 'lena@butiken.se', reason: 'kunden bad om det i telefon' };
const everyCustomer = () => transportChecking(fixture, createDirectory(ALL_CUSTOMERS));

describe('a release with sendDespiteBlock that names no recipients', () => {
  it('records the override it refused, and says the recipients must be named', async () => {
    const id = await holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });
    const refusal = await fixture.holdStore
      .release(id, everyCustomer(), { ...who, sendDespiteBlock: true })
      .catch((error: Error) => error);
    expect(refusal).toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect((refusal as Error).message).toContain('sendDespiteBlock');
    expect((refusal as Error).message).toContain('`to`');
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      holdId: id,
      release: {
        ...who,
        sendDespiteBlock: true,
        refusal: { code: 'RECIPIENT_BLOCKED', message: (refusal as Error).message },
      },
    });
    expect(fixture.sink.received).toEqual([]);
  });
});

describe('sendReleased with sendDespiteBlock', () => {
  it('does not send the held envelope past a block when the releaser named no one (not corrected)', async () => {
    const id = await holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });
    const held = await fixture.holdStore.get(id);
    if (!held) throw new Error(`${id} is not held`);
    const refusal = await sendReleased(everyCustomer(), {
      holdId: id,
      raw: held.raw,
      envelope: held.envelope,
      customerId: 'C-1001',
      stoppedWhenHeld: stoppedWhenHeld(held.recipients).map(({ address }) => address),
      ...who,
      sendDespiteBlock: true,
    }).catch((error: Error) => error);
    expect(refusal).toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      release: { sendDespiteBlock: true },
    });
  });

  it('sends past the block to an envelope the releaser named (corrected), recorded as such', async () => {
    const id = await holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });
    const held = await fixture.holdStore.get(id);
    if (!held) throw new Error(`${id} is not held`);
    await sendReleased(everyCustomer(), {
      holdId: id,
      raw: held.raw,
      envelope: held.envelope,
      customerId: 'C-1001',
      corrected: true,
      ...who,
      sendDespiteBlock: true,
    });
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[TYPO]]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'released-despite-block' });
  });
});

describe('a release with sendDespiteBlock to blind copies only', () => {
  it('checks and records each blind copy, and sends only to them', async () => {
    const id = await holdWithFields(fixture, { to: TYPO });
    await fixture.holdStore.release(id, everyCustomer(), { ...who, bcc: [TYPO], sendDespiteBlock: true });
    const [delivered] = fixture.sink.received;
    expect(delivered?.to).toEqual([TYPO]);
    expect(delivered?.raw.toString()).not.toContain(TYPO);
    const line = fixture.audit.entries.at(-1);
    expect(line).toMatchObject({
      outcome: 'released-despite-block',
      holdId: id,
      envelope: { to: [TYPO] },
      release: { sendDespiteBlock: true },
    });
    expect(line?.recipients).toContainEqual(
      expect.objectContaining({
        address: TYPO,
        action: 'block',
        codes: expect.arrayContaining(['near-miss']),
      }),
    );
  });

  it('never sends to a blind copy that is not an address, override or not, and records the refusal', async () => {
    const id = await holdWithFields(fixture, { to: TYPO });
    const hidden = `"${ERIK}"@evil.com`;
    const refusal = await fixture.holdStore
      .release(id, everyCustomer(), { ...who, bcc: [ANNA, hidden], sendDespiteBlock: true })
      .catch((error: Error) => error);
    expect(refusal).toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    const line = fixture.audit.entries.at(-1);
    expect(line).toMatchObject({
      outcome: 'release-refused',
      holdId: id,
      release: { sendDespiteBlock: true },
    });
    expect(line?.recipients).toContainEqual(
      expect.objectContaining({
        address: hidden,
        action: 'block',
        codes: expect.arrayContaining(['invalid-address']),
      }),
    );
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
