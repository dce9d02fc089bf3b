import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { releaseNeeds } from '../../src/nodemailer/release-needs.js';
import { ALL_CUSTOMERS } from '../support/fewer-customers.js';
import { holdMessage, transportChecking } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';

// docs/nodemailer.md (`release`): a blocked recipient leaves only by being corrected to an address
// that passes, or with `sendDespiteBlock: true` to the recipients the releaser names (`to`, and
// `cc`/`bcc` as held), logged as `released-despite-block` on the releasing person's account. An
// override that names no one would go to every held recipient, blind copies included, that nobody
// stated: the rule asks for them, and every release refuses on that answer.

const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';
const who = { by: 'lena@butiken.se', reason: 'kunden bad om det i telefon' };

describe('a blocked message released with sendDespiteBlock', () => {
  it('is refused for corrected-recipients without them, sends nothing, and logs the refusal', async () => {
    const id = await holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });
    const held = await fixture.holdStore.get(id);
    if (!held) throw new Error(`${id} is not held`);
    expect(held.action).toBe('block');
    expect((await releaseNeeds(held, { sendDespiteBlock: true })).map(({ code }) => code)).toEqual([
      'corrected-recipients',
    ]);
    const transporter = transportChecking(fixture, createDirectory(ALL_CUSTOMERS));
    await expect(
      fixture.holdStore.release(id, transporter, { ...who, sendDespiteBlock: true }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'release-refused', holdId: id });
    expect(fixture.audit.entries.some(({ outcome }) => outcome === 'released-despite-block')).toBe(false);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });

  it('goes to the recipient the releaser names, and is logged as released despite the block', async () => {
    const id = await holdMessage(fixture, TYPO, { directory: createDirectory(ALL_CUSTOMERS) });
    const held = await fixture.holdStore.get(id);
    if (!held) throw new Error(`${id} is not held`);
    expect(await releaseNeeds(held, { to: TYPO, sendDespiteBlock: true })).toEqual([]);
    const transporter = transportChecking(fixture, createDirectory(ALL_CUSTOMERS));
    await fixture.holdStore.release(id, transporter, { ...who, to: TYPO, sendDespiteBlock: true });
    const [delivered] = fixture.sink.received;
    expect(delivered?.to).toEqual([TYPO]);
    expect(delivered?.raw.toString()).toMatch(new RegExp(`^To: ${TYPO}\\r$`, 'm'));
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released-despite-block',
      holdId: id,
      release: { by: who.by, reason: who.reason, sendDespiteBlock: true },
    });
  });
});
