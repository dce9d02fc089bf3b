import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A person releasing a held message with confirmNew says the customer confirmed a new address.
// That does not answer a check that believes the address is a slip of a known one, whether the
// address was typed at release or kept as it was held. The SMTP server's RCPT TO is the truth here.

const fixture = usePipelineFixture();
const WHO = { by: 'lena@butiken.se', reason: 'the customer confirmed the new address on the phone' };

describe('a kept recipient the check finds probably not the customer’s', () => {
  const doubted: [string, string][] = [
    ['a sibling domain of a known address', 'anna@svenssonbygg.com'],
    ['a known address without its number', 'anna.svensson@gmail.com'],
    ['a known address with its names turned round', 'svensson.anna1985@gmail.com'],
  ];
  for (const [what, address] of doubted) {
    it(`is not released with confirmNew: ${what}`, async () => {
      const id = await holdMessage(fixture, address);
      const release = fixture.holdStore.release(id, guardedTransport(fixture), { ...WHO, confirmNew: true });
      await expect(release).rejects.toMatchObject({
        code: 'RECIPIENT_BLOCKED',
        message: expect.stringContaining(`${address} is probably not the customer's address`),
      });
      // A library caller is told the release's own options, not the command line's flags.
      const refusal = (await release.catch((error: Error) => error)) as Error;
      expect(refusal.message).toContain("Correct the recipient (the release's `to` option)");
      expect(refusal.message).toContain('(`confirmNew`) does not answer this');
      expect(refusal.message).not.toMatch(/--to|--confirm-new/);
      expect(fixture.sink.received).toEqual([]);
      expect((await fixture.holdStore.get(id))?.id).toBe(id);
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'release-refused',
        release: { refusal: { code: 'RECIPIENT_BLOCKED', message: refusal.message } },
      });
    });
  }

  it('is refused without confirmNew too, with the same way out rather than a call for confirmNew', async () => {
    const id = await holdMessage(fixture, 'anna@svenssonbygg.com');
    const release = fixture.holdStore.release(id, guardedTransport(fixture), WHO);
    await expect(release).rejects.toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      message: expect.not.stringContaining('release it with confirmNew'),
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('goes out once corrected to the known address', async () => {
    const id = await holdMessage(fixture, 'anna@svenssonbygg.com');
    await fixture.holdStore.release(id, guardedTransport(fixture), { ...WHO, to: 'anna@svenssonbygg.se' });
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([['anna@svenssonbygg.se']]);
  });

  it('still goes out with confirmNew when it is only new to the customer', async () => {
    const id = await holdMessage(fixture, 'anna.s@outlook.com');
    await fixture.holdStore.release(id, guardedTransport(fixture), { ...WHO, confirmNew: true });
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([['anna.s@outlook.com']]);
  });
});
