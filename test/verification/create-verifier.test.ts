import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  RecipientAwaitingVerificationError,
  RecipientBlockedError,
  VerificationRateLimitedError,
} from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { inventoryMessage } from '../../src/incident/inventory-message.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  newCustomer,
  orderConfirmation,
  readVerification,
  receivedFor,
  verifyingTransport,
} from '../support/verification.js';

const fixture = usePipelineFixture();
const address = 'karin.berg@outlook.com';
const customer = { customerId: newCustomer.id, address };

/** Sends the order confirmation and returns what `sendMail` rejected with. */
async function sendHeld(transporter: ReturnType<typeof verifyingTransport>['transporter'], order = '4711') {
  const error = await transporter.sendMail(orderConfirmation(address, newCustomer.id, order)).then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  expect(error).toBeInstanceOf(RecipientAwaitingVerificationError);
  return error as RecipientAwaitingVerificationError;
}

/** Every file of a folder and its subfolders, as text. */
async function readAll(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')),
  );
  return texts.join('\n');
}

describe('verifying a new customer address before the order confirmation goes out', () => {
  it('holds the confirmation, sends one code with no personal data, refuses a wrong code and releases it once on the right one', async () => {
    const { transporter, verifier, guard } = verifyingTransport(fixture);

    const error = await sendHeld(transporter);
    expect(error.code).toBe('RECIPIENT_AWAITING_VERIFICATION');
    expect(error.holdId).toMatch(/^\d{8}T/);
    expect(error.challengeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fixture.holdStore.list()).toHaveLength(1);

    // Exactly one message reached the new address: the code, and nothing personal beside the address.
    expect(fixture.sink.received).toHaveLength(1);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    expect(codeMessage.to).toEqual([address]);
    const inventory = await inventoryMessage(codeMessage.raw, {
      customer: { ...newCustomer, emails: [address] },
      ignore: ['order@butiken.se'],
    });
    // The code itself is the one credential in it (whoever reads it can prove the address), and nothing else.
    expect(
      inventory.items
        .filter((item) => item.kind !== 'email-address')
        .map((item) => [item.category, item.kind]),
    ).toEqual([['credentials', 'login-code']]);
    const { code, text } = await readVerification(codeMessage);
    expect(code).toMatch(/^\d{6}$/);
    expect(text).toContain('Butiken AB');
    expect(text).not.toContain(newCustomer.id);
    expect(text).not.toContain('Karin');
    expect((await simpleParser(codeMessage.raw)).subject).toBe('Din kod från Butiken AB');

    // Kept only as a keyed hash.
    expect(await readAll(join(fixture.dir, 'verification'))).not.toMatch(
      new RegExp(`(?<!\\w)${code}(?!\\w)`),
    );

    const wrong = code === '000000' ? '111111' : '000000';
    expect(await verifier.confirm({ ...customer, code: wrong })).toEqual({ ok: false, reason: 'wrong-code' });
    expect(fixture.sink.received).toHaveLength(1);
    expect(await verifier.isVerified(customer)).toBe(false);

    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.released.map((released) => released.id)).toEqual([error.holdId]);
    const confirmations = receivedFor(fixture.sink.received, address).slice(1);
    expect(confirmations).toHaveLength(1);
    expect((await simpleParser(confirmations[0]?.raw ?? '')).subject).toBe('Orderbekräftelse 4711');
    expect(await fixture.holdStore.list()).toEqual([]);
    expect(await verifier.isVerified(customer)).toBe(true);
    const releasedEntry = fixture.audit.entries.find((entry) => entry.outcome === 'released');
    expect(releasedEntry?.holdId).toBe(error.holdId);
    expect(releasedEntry?.release?.by).toBe('email-guard verifier');
    expect(fixture.audit.entries.map((entry) => entry.outcome)).toEqual([
      'held',
      'verification-sent',
      'release-started',
      'released',
    ]);

    // The next confirmation to the address goes straight through, with no new code.
    await transporter.sendMail(orderConfirmation(address, newCustomer.id, '4712'));
    expect(receivedFor(fixture.sink.received, address)).toHaveLength(3);
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('sent');
    expect(fixture.audit.entries.at(-1)?.recipients[0]?.codes).toEqual(['exact-match']);

    // The order form sees the address as known too.
    const verdict = await guard.check({ entered: address, customerId: newCustomer.id });
    expect(verdict.findings.map((finding) => finding.code)).toEqual(['exact-match']);
    // And a slip of the verified address is a near miss, blocked, never sent a code.
    const slip = await transporter
      .sendMail(orderConfirmation('karin.berg@outlok.com', newCustomer.id, '4713'))
      .catch((rejected: unknown) => rejected);
    expect(slip).toBeInstanceOf(RecipientBlockedError);
    expect(fixture.sink.received).toHaveLength(3);
  });

  it('refuses the right code after ttlMs and releases nothing', async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 0);
    const { transporter, verifier } = verifyingTransport(fixture, { now: () => clock, ttlMs: 10 * 60_000 });
    await sendHeld(transporter);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { code } = await readVerification(codeMessage);

    clock += 10 * 60_000;
    expect(await verifier.confirm({ ...customer, code })).toEqual({ ok: false, reason: 'expired' });
    expect(fixture.sink.received).toHaveLength(1);
    expect(await fixture.holdStore.list()).toHaveLength(1);
    expect(await verifier.isVerified(customer)).toBe(false);
  });

  it('releases with the link as with the code, once', async () => {
    const { transporter, verifier } = verifyingTransport(fixture, {
      linkFor: (token) => `https://butiken.se/verifiera?t=${token}`,
    });
    const error = await sendHeld(transporter);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { link } = await readVerification(codeMessage);
    const token = new URL(link ?? '').searchParams.get('t') ?? '';
    // The link is the one thing beside the code: the message holds no personal data of the customer.
    const inventory = await inventoryMessage(codeMessage.raw, {
      customer: { ...newCustomer, emails: [address] },
    });
    // ...and it is a credential, as inventoryMessage says: whoever holds it can prove the address.
    expect(
      inventory.items
        .filter((item) => item.kind !== 'email-address')
        .map((item) => [item.category, item.kind]),
    ).toEqual([
      ['credentials', 'login-code'],
      ['credentials', 'account-link'],
    ]);
    expect(await readAll(join(fixture.dir, 'verification'))).not.toContain(token.split('.').at(-1));

    expect(await verifier.confirmToken(`${token.slice(0, -4)}AAAA`)).toEqual({
      ok: false,
      reason: 'wrong-code',
    });
    const first = await verifier.confirmToken(token);
    expect(first.ok && first.released.map((released) => released.id)).toEqual([error.holdId]);
    const again = await verifier.confirmToken(token);
    expect(again.ok && again.released).toEqual([]);
    expect(receivedFor(fixture.sink.received, address)).toHaveLength(2);
    expect(await verifier.confirmToken('not-a-token')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('reuses a pending challenge: two held confirmations, one code, both released by it', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const first = await sendHeld(transporter, '4711');
    const second = await sendHeld(transporter, '4712');
    expect(second.challengeId).toBe(first.challengeId);
    expect(fixture.sink.received).toHaveLength(1);
    const { code } = await readVerification(fixture.sink.received[0] as never);
    const result = await verifier.confirm({ ...customer, code });
    expect(result.ok && result.released.map((released) => released.id).sort()).toEqual(
      [first.holdId, second.holdId].sort(),
    );
    expect(fixture.sink.received).toHaveLength(3);
  });

  it('caps wrong attempts: after maxAttempts even the right code is refused', async () => {
    const { transporter, verifier } = verifyingTransport(fixture, { maxAttempts: 3 });
    await sendHeld(transporter);
    const { code } = await readVerification(fixture.sink.received[0] as never);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await verifier.confirm({ ...customer, code: wrong })).toEqual({
        ok: false,
        reason: 'wrong-code',
      });
    }
    expect(await verifier.confirm({ ...customer, code })).toEqual({ ok: false, reason: 'too-many-attempts' });
    expect(await fixture.holdStore.list()).toHaveLength(1);
  });

  it('sends at most maxStartsPerAddressPerHour codes to one address', async () => {
    let clock = Date.UTC(2026, 0, 5, 9, 0);
    const { verifier } = verifyingTransport(fixture, {
      now: () => clock,
      ttlMs: 60_000,
      maxStartsPerAddressPerHour: 2,
    });
    await verifier.start(customer);
    clock += 60_000;
    await verifier.start(customer);
    clock += 60_000;
    await expect(verifier.start(customer)).rejects.toBeInstanceOf(VerificationRateLimitedError);
    await expect(verifier.start({ customerId: 'C-2002', address })).rejects.toBeInstanceOf(
      VerificationRateLimitedError,
    );
    expect(fixture.sink.received).toHaveLength(2);
    clock += 60 * 60_000;
    expect((await verifier.start(customer)).sent).toBe(true);
  });

  it('never sends a code for a near miss, a domain typo or another customer’s address', async () => {
    const { transporter } = verifyingTransport(fixture);
    for (const [to, customerId] of [
      ['anna.svensson185@gmail.com', 'C-1001'],
      ['karin.berg@gmial.com', newCustomer.id],
      ['erik.lind@telia.com', newCustomer.id],
    ] as const) {
      const error = await transporter
        .sendMail(orderConfirmation(to, customerId))
        .catch((rejected: unknown) => rejected);
      expect(error).not.toBeInstanceOf(RecipientAwaitingVerificationError);
      expect((error as { code?: string }).code).toMatch(/^RECIPIENT_(BLOCKED|NEEDS_CONFIRMATION)$/);
    }
    expect(fixture.sink.received).toEqual([]);
  });

  it('sends no code to a throw-away mailbox: the order is held for a person, and the error says why', async () => {
    const { transporter, verifier } = verifyingTransport(fixture);
    const to = 'karin@mailinator.com';
    const error = await transporter
      .sendMail(orderConfirmation(to, newCustomer.id))
      .catch((rejected: unknown) => rejected);
    expect(error).not.toBeInstanceOf(RecipientAwaitingVerificationError);
    expect(error).toMatchObject({
      code: 'RECIPIENT_NEEDS_CONFIRMATION',
      message: expect.stringContaining('throw-away mailbox (disposable-domain)'),
    });
    expect(fixture.sink.received).toEqual([]);
    const held = await fixture.holdStore.list();
    expect(held).toHaveLength(1);
    expect(await verifier.isVerified({ customerId: newCustomer.id, address: to })).toBe(false);
  });

  it('treats an address verified for another customer as that customer’s: no code, held as the other-customer finding says', async () => {
    const { transporter, verifier, guard } = verifyingTransport(fixture);
    const error = await sendHeld(transporter);
    const [codeMessage] = fixture.sink.received;
    if (!codeMessage) throw new Error('no verification message');
    const { code } = await readVerification(codeMessage);
    expect((await verifier.confirm({ ...customer, code })).ok).toBe(true);
    expect(receivedFor(fixture.sink.received, address)).toHaveLength(2);
    expect((await fixture.holdStore.list()).map(({ id }) => id)).not.toContain(error.holdId);

    // Another new customer's order to the same mailbox (another spelling of it, too).
    for (const [to, order] of [
      [address, '4801'],
      ['Karin.Berg+butik@outlook.com', '4802'],
    ] as const) {
      const other = await transporter
        .sendMail(orderConfirmation(to, 'C-4001', order))
        .catch((rejected: unknown) => rejected);
      expect(other).not.toBeInstanceOf(RecipientAwaitingVerificationError);
      expect((other as { code?: string }).code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    }
    // No new code went out, and the held orders say why.
    expect(fixture.sink.received).toHaveLength(2);
    const held = await fixture.holdStore.list();
    expect(held).toHaveLength(2);
    for (const message of held) {
      expect(message.recipients[0]?.verdict.findings.map(({ code: finding }) => finding)).toContain(
        'belongs-to-other-customer',
      );
    }
    // The order form sees it the same way, and start refuses it outright.
    const verdict = await guard.check({ entered: address, customerId: 'C-4001' });
    expect(verdict.findings.map(({ code: finding }) => finding)).toContain('belongs-to-other-customer');
    await expect(verifier.start({ customerId: 'C-4001', address })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'input.address',
    });
    expect(fixture.sink.received).toHaveLength(2);
    // For the customer it was verified for, it stays known.
    await transporter.sendMail(orderConfirmation(address, newCustomer.id, '4712'));
    expect(fixture.sink.received).toHaveLength(3);
  });

  it('checks a message that carries a made-up verification mark like any other', async () => {
    const { transporter } = verifyingTransport(fixture);
    const forged = {
      ...orderConfirmation(address),
      emailGuard: { customerId: newCustomer.id, verification: 'made-up' },
    };
    await expect(transporter.sendMail(forged)).rejects.toBeInstanceOf(RecipientAwaitingVerificationError);
    // Only the code went out; the confirmation is held.
    expect(fixture.sink.received).toHaveLength(1);
    expect((await simpleParser(fixture.sink.received[0]?.raw ?? '')).subject).toBe('Din kod från Butiken AB');
  });
});

describe('the verifier and the plugin refuse misuse', () => {
  it('names the field of an address with a line break, a missing verifier and a bad option', async () => {
    const { verifier } = verifyingTransport(fixture);
    await expect(
      verifier.start({ customerId: newCustomer.id, address: 'karin@outlook.com\r\nBcc: x@example.com' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.address' });
    await expect(verifier.confirm({ customerId: '', address, code: '1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'input.customerId',
    });
    expect(() =>
      nodemailerGuard({
        guard: createGuard(),
        holdStore: fixture.holdStore,
        auditLog: false,
        unverified: 'verify',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.verifier' }));
    expect(() =>
      createVerifier({
        store: createFileVerificationStore(join(fixture.dir, 'v')),
        transporter: verifyingTransport(fixture).transporter,
        from: 'order@butiken.se',
        codeLength: 3,
      }),
    ).toThrow(expect.objectContaining({ field: 'options.codeLength' }));
    expect(fixture.sink.received).toEqual([]);
  });
});
