import { describe, expect, it } from 'vitest';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// What a refused release says must be true: which field of the message's own header stopped it,
// and a next step that can work (a release corrects the envelope's recipients, nothing else).
const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const everyone = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());
const raw = (header: string) =>
  `From: order@butiken.se\r\n${header}\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack!\r\n`;

async function heldThenRefused(message: Parameters<typeof annasOrder>[0], to?: string) {
  const held = await failure(everyone().sendMail(annasOrder(message)));
  const id = (held as { holdId?: string } | undefined)?.holdId as string;
  const refused = await failure(
    fixture.holdStore.release(id, everyone(), {
      by: 'lena@butiken.se',
      reason: 'read back',
      ...(to === undefined ? {} : { to }),
    }),
  );
  expect(fixture.sink.received).toEqual([]);
  return refused;
}

describe('a refused release says what is true', () => {
  // A correction writes the To field anew (replaceRecipients): where the other address is then gone
  // from everything that would be sent, the stop for the name is answered (released below); where the
  // message still shows it (here in the body), the stop found when it was held stands, said as it was.
  it('of a To whose display name showed another address, corrected while the body still shows it', async () => {
    const refused = await heldThenRefused(
      {
        raw: `From: order@butiken.se\r\nTo: "${ERIK}" <${ANNA}>\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack! Kopia till ${ERIK}.\r\n`,
        envelope: { to: [ANNA] },
      },
      ANNA,
    );
    expect(refused?.code).toBe('RECIPIENT_BLOCKED');
    expect(refused?.message).not.toContain(`${ANNA} was blocked`);
    expect(refused?.message).toContain(
      `${ANNA} was not blocked itself: the message was held because its own header showed another address in a display name ("${ERIK}" <${ANNA}>)`,
    );
    expect(refused?.message).toContain(
      'Discard the message and send it again with no other address in a display name.',
    );
    expect(refused?.message).not.toContain('Correct the recipient and release');
  });

  for (const field of ['Mail-Reply-To', 'Errors-To', 'Disposition-Notification-To'])
    it(`names ${field}, the answer field that stopped it`, async () => {
      const refused = await heldThenRefused(
        { raw: raw(`To: ${ANNA}\r\n${field}: ${ERIK}`), envelope: { to: [ANNA] } },
        ANNA,
      );
      expect(refused?.code).toBe('RECIPIENT_BLOCKED');
      expect(refused?.message).toContain(`A release corrects the recipients, not ${field}`);
    });

  it('names Reply-To when Reply-To stopped it', async () => {
    const refused = await heldThenRefused({ replyTo: ERIK }, ANNA);
    expect(refused?.message).toContain('A release corrects the recipients, not Reply-To');
  });
});
