import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { directoryOfCustomers, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A resent destination field given among the options' headers (RFC 5322 §3.6.6) is checked as the
// same field of a prebuilt message is: a relay that reads its recipients from the header delivers to it.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's

const guarded = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());

const order = (headers: SendMailOptions['headers']): SendMailOptions =>
  ({
    from: 'order@butiken.se',
    to: ANNA,
    subject: 'Orderbekräftelse 4711',
    text: 'Tack!',
    headers,
    emailGuard: { customerId: 'C-1001' },
  }) as SendMailOptions;

describe('resent destination fields among the headers', () => {
  const shapes: [string, SendMailOptions['headers']][] = [
    ['Resent-To as an object key', { 'Resent-To': ERIK }],
    ['resent-cc in lower case', { 'resent-cc': `Erik <${ERIK}>` }],
    ['Resent-Bcc in a list', [{ key: 'Resent-Bcc', value: ERIK }]],
  ];
  for (const [shape, headers] of shapes) {
    it(`holds another customer's address in ${shape}`, async () => {
      const error = await guarded()
        .sendMail(order(headers))
        .then(
          () => undefined,
          (reason: { code?: string }) => reason,
        );
      expect(error?.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries.at(-1)?.recipients).toContainEqual(
        expect.objectContaining({
          address: ERIK,
          codes: expect.arrayContaining(['belongs-to-other-customer']),
        }),
      );
    });
  }

  it("sends a Resent-To of the customer's own address, with the field as given", async () => {
    await guarded().sendMail(order({ 'Resent-To': ANNA }));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(fixture.sink.received[0]?.raw.toString()).toContain(`Resent-To: ${ANNA}`);
  });
});
