import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { HeldMessageError } from '../../src/nodemailer/index.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A message held for a line break in an address (a header injection) is stored as nodemailer
// built it, where the line break became a group or a display name. Released as it is, it must be
// checked as it was named, not as that build reads.

const GOOD = 'anna.svensson1985@gmail.com';
const NEW_ADDRESS = 'new@example.com';

const fixture = usePipelineFixture();

const guarded = () => guardedTransport(fixture);

async function holdId(transporter: ReturnType<typeof guarded>, to: SendMailOptions['to']): Promise<string> {
  const error = (await transporter
    .sendMail({ from: 'order@butiken.se', to, text: 'Tack!', emailGuard: { customerId: 'C-1001' } })
    .then(
      () => undefined,
      (reason: unknown) => reason,
    )) as HeldMessageError | undefined;
  if (!error?.holdId) throw new Error('the message was sent, but it should have been held');
  return error.holdId;
}

describe('releasing a message held for a line break in an address', () => {
  it.each([
    ['an address', `${GOOD}\r\nBcc: ${NEW_ADDRESS}`],
    ['a display name', `Anna\r\nBcc: ${NEW_ADDRESS} <${GOOD}>`],
    ['an address object name', { name: `Anna\r\nBcc: ${NEW_ADDRESS}`, address: GOOD }],
  ] as const)('refuses it unchanged when the line break was in %s', async (_, to) => {
    const transporter = guarded();
    const id = await holdId(transporter, to as SendMailOptions['to']);
    await expect(
      fixture.holdStore.release(id, transporter, { by: 'lena@butiken.se', reason: 'looks fine' }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_BLOCKED' });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      release: { by: 'lena@butiken.se' },
    });
    expect((await fixture.holdStore.list()).map((held) => held.id)).toEqual([id]);
  });

  it('releases it to a corrected address', async () => {
    const transporter = guarded();
    const id = await holdId(transporter, `${GOOD}\r\nBcc: ${NEW_ADDRESS}`);
    await fixture.holdStore.release(id, transporter, {
      to: GOOD,
      by: 'lena@butiken.se',
      reason: 'corrected',
    });
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[GOOD]]);
  });
});
