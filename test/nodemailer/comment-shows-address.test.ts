import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/mime/check-message.js';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  guardOfCustomers,
  sentUnguarded,
  usePipelineFixture,
} from '../support/pipeline.js';

// A trial before going live: `Anna Svensson <anna.svensson1985@gmail.com> (erik.lind@telia.com)`
// was sent, nodemailer writing the header without the comment, while the same comment after a bare
// address (`anna… (stranger@example.com)`) was blocked. A comment holding another address is
// blocked as typed, whichever form it takes (docs/nodemailer.md).

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's
const SHOP = 'order@butiken.se';

const FORMS = [
  ['in angle brackets after a name', `Anna Svensson <${ANNA}> (${ERIK})`],
  ['in angle brackets alone', `<${ANNA}> (${ERIK})`],
  ['after a bare address', `${ANNA} (${ERIK})`],
  ['after a stranger’s address, in angle brackets', `Anna Svensson <${ANNA}> (stranger@example.com)`],
] as const;

const rawMessage = (to: string) =>
  [`From: ${SHOP}`, `To: ${to}`, 'Subject: Order', '', 'Tack!', ''].join('\r\n');

describe('a recipient with a comment holding another address', () => {
  it('is dropped by nodemailer alone when the address is in angle brackets', async () => {
    const sent = await sentUnguarded(fixture, annasOrder({ to: FORMS[0][1] }));
    expect(sent.to).toEqual([ANNA]);
    expect(sent.raw.toString('utf8')).not.toContain(ERIK);
  });

  for (const [form, to] of FORMS) {
    it(`is blocked as typed in the to option, ${form}`, async () => {
      const error = await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(annasOrder({ to })),
      );
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
      const [held] = await fixture.holdStore.list();
      const blocked = held?.recipients.filter(({ verdict }) => verdict.action === 'block') ?? [];
      expect(blocked.flatMap(({ verdict }) => verdict.findings.map(({ code }) => code))).toContain(
        'invalid-address',
      );
    });

    it(`is blocked by checkMessage and held from a raw message, ${form}`, async () => {
      const check = await checkMessage(rawMessage(to), {
        guard: guardOfCustomers(),
        resolveCustomer: () => 'C-1001',
      });
      expect(check.action).toBe('block');
      const error = await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
          annasOrder({ raw: rawMessage(to), envelope: { from: SHOP, to: [ANNA] } }),
        ),
      );
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
    });
  }

  it('is checked as an answer address in Reply-To', async () => {
    const raw = [
      `From: ${SHOP}`,
      `To: ${ANNA}`,
      `Reply-To: Kundtjänst <${SHOP}> (${ERIK})`,
      '',
      'Tack!',
    ].join('\r\n');
    const check = await checkMessage(raw, { guard: guardOfCustomers(), resolveCustomer: () => 'C-1001' });
    expect(check.action).toBe('block');
    expect(
      check.recipients.filter(({ verdict }) => verdict.action === 'block').map(({ address }) => address),
    ).toEqual([ERIK]);
  });

  it('is no remark where the comment holds no address', async () => {
    const check = await checkMessage(rawMessage(`Anna Svensson <${ANNA}> (privat)`), {
      guard: guardOfCustomers(),
      resolveCustomer: () => 'C-1001',
    });
    expect(check.action).toBe('send');
    await guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
      annasOrder({ to: `Anna Svensson <${ANNA}> (privat)` }),
    );
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
  });
});
