import { simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { directoryOfCustomers, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A mailbox nodemailer would read otherwise than it was typed, against a real SMTP server: refused
// as typed, instead of sent to what nodemailer's address parser made of it.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's

const guarded = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());

const order = (fields: Partial<SendMailOptions>): SendMailOptions =>
  ({
    from: 'order@butiken.se',
    subject: 'Orderbekräftelse 4711',
    text: 'Tack!',
    ...fields,
    emailGuard: { customerId: 'C-1001', confirmation: { by: 'lena@butiken.se', reason: 'read back' } },
  }) as SendMailOptions;

async function blocked(fields: Partial<SendMailOptions>, typed: string) {
  const error = await guarded()
    .sendMail(order(fields))
    .then(
      () => undefined,
      (reason: { code?: string; message: string }) => reason,
    );
  expect(error?.code).toBe('RECIPIENT_BLOCKED');
  expect(error?.message).toContain(JSON.stringify(typed));
  expect(fixture.sink.received).toEqual([]);
  const entry = fixture.audit.entries.at(-1);
  expect(entry).toMatchObject({ outcome: 'held', action: 'block' });
  expect(entry?.recipients).toContainEqual(
    expect.objectContaining({
      address: typed,
      action: 'block',
      codes: expect.arrayContaining(['invalid-address']),
    }),
  );
}

describe('a mailbox nodemailer reads otherwise than it was typed', () => {
  it('blocks a phrase before an address without angle brackets, as typed', async () => {
    await blocked({ to: 'anna svensson1985@gmail.com' }, 'anna svensson1985@gmail.com');
    await blocked({ cc: `${ANNA}, johan. karlsson77@telia.com` }, 'johan. karlsson77@telia.com');
  });

  it("blocks a second address that nodemailer would make the first one's display name", async () => {
    await blocked({ to: `${ANNA} ${ERIK}` }, `${ANNA} ${ERIK}`);
    await blocked({ to: `${ANNA} (${ERIK})` }, `${ANNA} (${ERIK})`);
    await blocked({ bcc: `Familjen: "${ERIK}" <${ANNA}>;` }, `"${ERIK}" <${ANNA}>`);
    await blocked({ to: { name: ERIK, address: ANNA } }, `"${ERIK}" <${ANNA}>`);
  });

  it('sends a display name in quotes, in angle brackets, in a comment, or naming its own address', async () => {
    const to = [
      `"anna svensson" <${ANNA}>`,
      `Anna Svensson <anna@svenssonbygg.se>`,
      `${ANNA} (Anna Svensson)`,
      { name: ANNA, address: ANNA },
    ];
    await guarded().sendMail(order({ to }));
    const [delivered] = fixture.sink.received;
    expect(delivered?.to).toEqual([ANNA, 'anna@svenssonbygg.se']);
    const parsed = await simpleParser(delivered?.raw ?? '');
    expect(parsed.headers.get('to')).toMatchObject({
      value: [
        { address: ANNA, name: 'anna svensson' },
        { address: 'anna@svenssonbygg.se', name: 'Anna Svensson' },
        { address: ANNA, name: 'Anna Svensson' },
        // Nodemailer leaves out a name that is the address itself.
        { address: ANNA, name: '' },
      ],
    });
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'sent' });
  });
});
