import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annasOrder, failure, guardedTransport, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const INJECTED = 'order@butiken.se>\r\nRCPT TO:<erik.lind@telia.com';

describe('a held message whose envelope sender holds an injection', () => {
  it('is listed and shown with the sender as given, escaped, and labelled as the sender', async () => {
    const transporter = guardedTransport(fixture);
    const held = (await failure(
      transporter.sendMail(annasOrder({ envelope: { from: INJECTED, to: ANNA } })),
    )) as { code?: string; holdId?: string; messageId?: string };
    expect(held?.code).toBe('RECIPIENT_BLOCKED');
    // The Message-ID is not made from the injected text (nodemailer reads erik's address from it).
    expect(held.messageId).not.toMatch(/telia\.com/);
    const store = join(fixture.dir, 'held');
    for (const [locale, sender] of [
      ['en', 'sender (MAIL FROM)'],
      ['sv', 'avsändare (MAIL FROM)'],
    ] as const) {
      const list = await runCliInProcess(['holds', 'list', '--store', store, '--locale', locale]);
      expect(list.stdout).toContain(`${sender}: order@butiken.se>\\x0d\\x0aRCPT TO:<erik.lind@telia.com`);
      expect(list.stdout).not.toMatch(/envelope: order@butiken/);
      const show = await runCliInProcess([
        'holds',
        'show',
        held.holdId as string,
        '--store',
        store,
        '--locale',
        locale,
      ]);
      expect(show.status).toBe(0);
      const envelopeLine = show.stdout.split('\n').find((line) => /^\s*(envelope|kuvert)/i.test(line)) ?? '';
      // Not the address nodemailer made of it: the text given, escaped.
      expect(envelopeLine).toContain('order@butiken.se>\\x0d\\x0aRCPT TO:<erik.lind@telia.com');
      expect(envelopeLine).not.toMatch(/^\s*\S+:\s*erik\.lind@telia\.com ->/);
      expect(show.stdout).not.toMatch(/@telia\.com>\s*$/m);
    }
  });

  it('gives the sender as given in --json of show and list, not the address nodemailer read from it', async () => {
    const transporter = guardedTransport(fixture);
    const held = (await failure(
      transporter.sendMail(annasOrder({ envelope: { from: INJECTED, to: ANNA } })),
    )) as { holdId?: string };
    const store = join(fixture.dir, 'held');
    const show = await runCliInProcess(['holds', 'show', held.holdId as string, '--store', store, '--json']);
    expect(show.status).toBe(0);
    expect(JSON.parse(show.stdout).envelope).toEqual({ from: INJECTED, to: [ANNA] });
    const list = await runCliInProcess(['holds', 'list', '--store', store, '--json']);
    const listed = (JSON.parse(list.stdout) as { id: string; envelope: unknown }[]).find(
      ({ id }) => id === held.holdId,
    );
    expect(listed?.envelope).toEqual({ from: INJECTED, to: [ANNA] });
  });
});
