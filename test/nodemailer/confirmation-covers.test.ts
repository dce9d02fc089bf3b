import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { directoryOfCustomers, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// What a confirmation lets through, as a real SMTP server receives it: only the addresses a person
// read back, and never another customer's address or one slip from it.

const fixture = usePipelineFixture();
const OWN_NEW = 'anna.s@outlook.com'; // new to C-1001: `confirm` (unverified-address)
const OTHER_NEW = 'anna@svensson.nu'; // new to C-1001 as well
const OTHERS = 'erik.lind@telia.com'; // C-2002's address: belongs-to-other-customer
const NEAR_OTHERS = 'erik.lind1@telia.com'; // one slip from C-2002's address
const WHO = { by: 'lena@butiken.se', reason: 'read back to the customer on the phone' };

const guarded = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());

function order(fields: Partial<SendMailOptions>, confirmation: object): SendMailOptions {
  return {
    from: 'order@butiken.se',
    subject: 'Orderbekräftelse 4711',
    text: 'Tack för din beställning, Anna Svensson.',
    ...fields,
    emailGuard: { customerId: 'C-1001', confirmation },
  } as SendMailOptions;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the message was sent, but it should have been held');
    },
    (error: unknown) => error as Error & { code?: string; holdId?: string },
  );

describe('a confirmation covers what was read back', () => {
  it("holds as block a Bcc one slip from another customer's address, the To read back", async () => {
    const error = await rejection(guarded().sendMail(order({ to: OWN_NEW, bcc: NEAR_OTHERS }, WHO)));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(error.message).toContain(`"${NEAR_OTHERS}" (near-miss-other-name)`);
    expect(fixture.sink.received).toEqual([]);
    const [held] = await fixture.holdStore.list();
    expect(held).toMatchObject({ id: error.holdId, action: 'block' });
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'held', action: 'block', override: { ...WHO, applied: false } },
    ]);
  });

  it("holds as block another customer's address in Cc, even when it is named as read back", async () => {
    const confirmation = { ...WHO, addresses: [OWN_NEW, OTHERS] };
    const error = await rejection(guarded().sendMail(order({ to: OWN_NEW, cc: OTHERS }, confirmation)));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(error.message).toContain(`"${OTHERS}" (belongs-to-other-customer)`);
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries[0]).toMatchObject({ outcome: 'held', action: 'block' });
  });

  it('holds two recipients to confirm when the confirmation does not name the addresses read back', async () => {
    const error = await rejection(guarded().sendMail(order({ to: OWN_NEW, cc: OTHER_NEW }, WHO)));
    expect(error.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(error.message).toContain('required when more than one recipient needs confirming');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries[0]).toMatchObject({ outcome: 'held', override: { applied: false } });
  });

  it('holds a recipient to confirm that the addresses read back leave out', async () => {
    const confirmation = { ...WHO, addresses: [OWN_NEW] };
    const error = await rejection(guarded().sendMail(order({ to: OWN_NEW, bcc: OTHER_NEW }, confirmation)));
    expect(error.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(error.message).toContain(`does not name "${OTHER_NEW}" (`);
    expect(fixture.sink.received).toEqual([]);
  });

  it('sends to every recipient the addresses read back name, in any case', async () => {
    const confirmation = { ...WHO, addresses: [OWN_NEW.toUpperCase(), OTHER_NEW] };
    await guarded().sendMail(order({ to: OWN_NEW, cc: OTHER_NEW }, confirmation));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[OWN_NEW, OTHER_NEW]]);
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent', action: 'confirm', override: { by: WHO.by, reason: WHO.reason, applied: true } },
    ]);
  });

  it('sends to a recipient read back in the other Unicode form (NFD for NFC), as the check reads it', async () => {
    // RFC 6532 §3.1: `å` typed as `a` + U+030A is the same local part as the one letter `å`.
    const composed = '\u00e5sa.lund@telia.com';
    const confirmation = { ...WHO, addresses: ['a\u030asa.lund@telia.com', OTHER_NEW] };
    await guarded().sendMail(order({ to: composed, cc: OTHER_NEW }, confirmation));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[composed, OTHER_NEW]]);
    expect(fixture.audit.entries[0]).toMatchObject({ outcome: 'sent', override: { applied: true } });
  });

  it('holds a recipient read back without a dot that its provider does not ignore', async () => {
    // telia.com has no dot rule: `asalund` is another mailbox than `asa.lund`, so it is not read back.
    const confirmation = { ...WHO, addresses: ['asalund@telia.com', OTHER_NEW] };
    const error = await rejection(
      guarded().sendMail(order({ to: 'asa.lund@telia.com', cc: OTHER_NEW }, confirmation)),
    );
    expect(error.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(error.message).toContain('does not name "asa.lund@telia.com" (');
    expect(fixture.sink.received).toEqual([]);
  });

  it('sends to the one recipient to confirm with a confirmation that names no addresses, as before', async () => {
    await guarded().sendMail(order({ to: OWN_NEW }, WHO));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[OWN_NEW]]);
    expect(fixture.audit.entries[0]).toMatchObject({ outcome: 'sent', override: { applied: true } });
  });

  it('refuses an empty list of addresses read back', async () => {
    const promise = guarded().sendMail(order({ to: OWN_NEW }, { ...WHO, addresses: [] }));
    await expect(promise).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'emailGuard.confirmation.addresses',
    });
    expect(fixture.sink.received).toEqual([]);
  });
});
