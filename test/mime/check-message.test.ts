import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { EmailGuardError, InvalidInputError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { type CheckMessageOptions, checkMessage } from '../../src/mime/index.js';
import { customers, directoryOfCustomers } from '../support/pipeline.js';

const fixtures = join(__dirname, '..', 'fixtures', 'mime');
const fixture = (name: string) => join(fixtures, name);

const options: CheckMessageOptions = {
  guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
  resolveCustomer: (headers) => {
    const id = headers.get('x-customer-id');
    return typeof id === 'string' ? id : undefined;
  },
};

const summary = (check: Awaited<ReturnType<typeof checkMessage>>) =>
  check.recipients.map(({ field, address, verdict }) => `${field}:${address}:${verdict.action}`);

describe('checkMessage', () => {
  it('passes an order confirmation whose every recipient is known', async () => {
    const check = await checkMessage(createReadStream(fixture('order-confirmation.eml')), options);
    expect(check).toMatchObject({
      ok: true,
      action: 'send',
      messageId: '<4711.order@butiken.se>',
      customerId: 'C-1001',
    });
    expect(summary(check)).toEqual(['to:anna.svensson1985@gmail.com:send', 'cc:anna@svenssonbygg.se:send']);
    expect(check.recipients[0]?.name).toBe('Anna Svensson');
    expect(check.problems).toBeUndefined();
  });

  it('blocks a message with a typo in Cc and says which recipient it is', async () => {
    const check = await checkMessage(await readFile(fixture('typo-in-cc.eml')), options);
    expect(check).toMatchObject({ ok: false, action: 'block' });
    expect(summary(check)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'cc:anna.svensson185@gmail.com:block',
    ]);
    expect(check.recipients[1]?.verdict.suggestion).toBe('anna.svensson1985@gmail.com');
  });

  it('asks for a confirmation of an address the customer has not used', async () => {
    const check = await checkMessage(createReadStream(fixture('unknown-recipient.eml')), options);
    expect(check).toMatchObject({ ok: false, action: 'confirm' });
    expect(check.recipients[0]?.verdict.findings[0]?.code).toBe('unverified-address');
  });

  it('opens groups, follows folded fields and checks Bcc', async () => {
    const group = await checkMessage(await readFile(fixture('group-with-typo.eml'), 'utf8'), options);
    expect(summary(group)).toEqual(['to:anna.svensson1985@gmail.com:send', 'to:anna@svensonbygg.se:block']);
    const folded = await checkMessage(createReadStream(fixture('folded-to-and-bcc.eml')), options);
    expect(summary(folded)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'to:anna@svenssonbygg.se:send',
      'bcc:kundtjanst@butiken.se:confirm',
    ]);
    expect(folded).toMatchObject({ ok: false, action: 'confirm' });
  });

  it('checks the address, not the display name an encoded word dresses it in', async () => {
    const check = await checkMessage(createReadStream(fixture('encoded-name-hides-typo.eml')), options);
    expect(summary(check)).toContain('to:anna.svensson1985@gmial.com:block');
    expect(check.action).toBe('block');
  });

  it('blocks a token in a list that names no address, as nodemailerGuard does, rather than dropping it', async () => {
    const check = await checkMessage(createReadStream(fixture('token-without-at.eml')), options);
    expect(check).toMatchObject({ ok: false, action: 'block' });
    expect(summary(check)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'to:anna.svensson.gmail.com:block',
    ]);
    expect(check.recipients[1]?.verdict.findings[0]?.code).toBe('invalid-address');
  });

  it('checks the envelope a content filter knows, where the mail really goes', async () => {
    const check = await checkMessage(createReadStream(fixture('order-confirmation.eml')), {
      ...options,
      envelope: { to: ['anna.svensson1985@gmail.com', 'anna.svenson1985@gmail.com'] },
    });
    expect(summary(check).slice(2)).toEqual([
      'envelope:anna.svensson1985@gmail.com:send',
      'envelope:anna.svenson1985@gmail.com:block',
    ]);
    expect(check.ok).toBe(false);
  });

  // An answer to the message goes to Reply-To, From, Sender, Mail-Followup-To or a receipt field
  // (RFC 5322 §3.6.2, RFC 8098 §2.1), with the order quoted: another customer's address there reads it.
  const withDirectory: CheckMessageOptions = {
    ...options,
    guard: createGuard({
      lookupCustomer: async (id) => customers[id],
      directory: directoryOfCustomers(),
    }),
  };

  it("blocks another customer's address in every answer field of every repeated line, naming the field", async () => {
    const check = await checkMessage(
      createReadStream(fixture('answer-fields-other-customer.eml')),
      withDirectory,
    );
    expect(check).toMatchObject({ ok: false, action: 'block' });
    expect(summary(check)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'reply-to:erik.lind@telia.com:block',
      'header:erik.lind@telia.com:block',
      'header:erik.lind@telia.com:block',
    ]);
    expect(check.recipients.slice(1).map(({ header }) => header)).toEqual([
      undefined,
      'Return-Receipt-To',
      'Mail-Followup-To',
    ]);
    for (const { verdict } of check.recipients.slice(1))
      expect(verdict.findings.map(({ code }) => code)).toEqual(['belongs-to-other-customer']);
    expect(
      check.recipients.slice(1).map(({ verdict }) => verdict.findings[0]?.message.split(':')[0]),
    ).toEqual([
      "Reply-To names another customer's address",
      "Return-Receipt-To names another customer's address",
      "Mail-Followup-To names another customer's address",
    ]);

    const originators = await checkMessage(
      await readFile(fixture('originator-other-customer.eml')),
      withDirectory,
    );
    expect(summary(originators)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'from:erik.lind@telia.com:block',
      'sender:erik.lind@telia.com:block',
    ]);
    expect(originators.recipients[2]?.verdict.findings[0]?.message).toMatch(
      /^Sender names another customer's address/,
    );
  });

  it("passes the company's own answer addresses without a remark", async () => {
    const check = await checkMessage(createReadStream(fixture('answer-fields-own.eml')), withDirectory);
    expect(check).toMatchObject({ ok: true, action: 'send' });
    expect(summary(check)).toEqual(['to:anna.svensson1985@gmail.com:send']);
  });

  it('reads a message with bare LF line endings', async () => {
    const check = await checkMessage(await readFile(fixture('lf-line-endings.eml')), options);
    expect(check).toMatchObject({ ok: true, messageId: '<4716.order@butiken.se>' });
  });

  it('checks the Resent-To, Resent-Cc and Resent-Bcc fields a resending relay delivers to', async () => {
    const check = await checkMessage(createReadStream(fixture('resent-to-typo.eml')), options);
    expect(summary(check)).toEqual([
      'to:anna.svensson1985@gmail.com:send',
      'resent-to:anna.svensson1985@gmail.com:send',
      'resent-to:anna.svensson185@gmail.com:block',
      'resent-cc:anna@svenssonbygg.se:send',
      'resent-bcc:anna@svensonbygg.se:block',
    ]);
    expect(check.recipients[1]?.name).toBe('Anna Svensson');
    expect(check).toMatchObject({ ok: false, action: 'block', messageId: '<4718.order@butiken.se>' });
    // mailparser reads the same fields from the same file, so none of them is made up.
    const parsed = await simpleParser(await readFile(fixture('resent-to-typo.eml')));
    expect(String(parsed.headers.get('resent-bcc'))).toBe('anna@svensonbygg.se');
  });

  it('reads on past a bare LF line in a CRLF header, so a Cc after it is checked', async () => {
    const raw = await readFile(fixture('bare-lf-line-before-cc.eml'));
    for (const input of [
      raw,
      raw.toString('utf8'),
      createReadStream(fixture('bare-lf-line-before-cc.eml')),
    ]) {
      const check = await checkMessage(input, options);
      expect(summary(check)).toEqual([
        'to:anna.svensson1985@gmail.com:send',
        'cc:anna.svensson185@gmail.com:block',
      ]);
      expect(check.ok).toBe(false);
    }
    // A reader that takes a bare LF as a line ending ends the header at that line: the Cc hides there.
    const parsed = await simpleParser(raw);
    expect(parsed.cc).toBeUndefined();
  });

  it('checks every field any reading of mixed line endings could take as a header', async () => {
    const known = 'X-Customer-ID: C-1001\r\nTo: anna.svensson1985@gmail.com';
    for (const gap of ['\r\n\n', '\n\r\n', '\r\n\r\r\n', '\r\n\r \r\n']) {
      const raw = `${known}\r\nSubject: x${gap}Cc: anna.svensson185@gmail.com\r\n\r\nHej`;
      const check = await checkMessage(raw, options);
      expect(summary(check), JSON.stringify(gap)).toContain('cc:anna.svensson185@gmail.com:block');
    }
    // Once a header line ended in CRLF, only an empty CRLF line ends the header for sure.
    const mixed = `${known}\r\nSubject: x\n\nCc: anna.svensson185@gmail.com\n\r\n\r\nHej`;
    expect(summary(await checkMessage(mixed, options))).toContain('cc:anna.svensson185@gmail.com:block');
    // A message in bare LF throughout ends at its first empty line, as before.
    const lf =
      'X-Customer-ID: C-1001\nTo: anna.svensson1985@gmail.com\nSubject: x\n\nCc: anna.svensson185@gmail.com\n';
    expect(summary(await checkMessage(lf, options))).toEqual(['to:anna.svensson1985@gmail.com:send']);
    // An empty line before the first field does not hide the fields after it.
    const leading = `\r\n${known}\r\nCc: anna.svensson185@gmail.com\r\n\r\nHej`;
    expect(summary(await checkMessage(leading, options))).toContain('cc:anna.svensson185@gmail.com:block');
  });

  it('answers a message without recipients, or one that is no message at all, with block and a problem', async () => {
    const none = await checkMessage(createReadStream(fixture('no-recipients.eml')), options);
    expect(none).toMatchObject({
      ok: false,
      action: 'block',
      recipients: [],
      messageId: '<4715.order@butiken.se>',
    });
    expect(none.problems?.[0]?.code).toBe('no-recipients');
    const garbage = await checkMessage(await readFile(fixture('not-a-message.eml')), options);
    expect(garbage).toMatchObject({ ok: false, action: 'block', problems: [{ code: 'no-recipients' }] });
    const empty = await checkMessage('', options);
    expect(empty.problems?.[0]?.code).toBe('no-recipients');
  });

  it('refuses a header section larger than allowed', async () => {
    const raw = `X-Padding: ${'x'.repeat(5000)}\r\nTo: anna.svensson1985@gmail.com\r\n\r\nBody`;
    const check = await checkMessage(raw, { ...options, maxHeaderBytes: 1024 });
    expect(check).toMatchObject({ ok: false, action: 'block', problems: [{ code: 'header-too-large' }] });
    const streamed = await checkMessage(Readable.from([Buffer.from(raw)]), {
      ...options,
      maxHeaderBytes: 1024,
    });
    expect(streamed.problems?.[0]?.code).toBe('header-too-large');
  });

  it('reads only the header of a large message and leaves the body in the stream', async () => {
    const header = await readFile(fixture('lf-line-endings.eml'), 'utf8');
    const bodyChunk = Buffer.alloc(64 * 1024, 'A');
    const chunks = 400; // 25 MiB of body
    let pulled = 0;
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(header.slice(0, 40));
        yield Buffer.from(header.slice(40));
        for (let index = 0; index < chunks; index++) {
          pulled++;
          yield bodyChunk;
        }
      })(),
      { objectMode: false },
    );
    const check = await checkMessage(stream, options);
    expect(check.ok).toBe(true);
    expect(pulled).toBeLessThan(chunks / 10);
    const next = stream.read(5) as Buffer | null;
    expect(next?.toString()).toBe('Tack!');
    stream.destroy();
  });

  it('rejects with MESSAGE_UNREADABLE when the stream itself fails', async () => {
    const stream = new PassThrough();
    const promise = checkMessage(stream, options);
    stream.write('To: anna.svensson1985@gmail.com\r\n');
    stream.destroy(new Error('connection reset'));
    await expect(promise).rejects.toMatchObject({ code: 'MESSAGE_UNREADABLE' });
  });

  it('fails closed when the customer cannot be resolved', async () => {
    const check = await checkMessage(await readFile(fixture('order-confirmation.eml')), {
      ...options,
      resolveCustomer: () => {
        throw new Error('CRM unavailable');
      },
    });
    expect(check).toMatchObject({ ok: false, action: 'block', customerLookup: { reason: 'error' } });
  });

  it('holds a message that names no customer, or a malformed one, as a failed lookup instead of throwing', async () => {
    const missing = await checkMessage(createReadStream(fixture('no-customer-id.eml')), {
      ...options,
      resolveCustomer: (headers) => String(headers.get('x-customer-id') ?? ''),
    });
    expect(missing).toMatchObject({ ok: false, action: 'block', customerLookup: { reason: 'not-found' } });
    expect(missing.recipients[0]?.verdict.findings[0]).toMatchObject({ code: 'lookup-failed' });
    const malformed = await checkMessage(await readFile(fixture('order-confirmation.eml')), {
      ...options,
      resolveCustomer: () => ({ id: 'C-1001', emails: null }) as unknown as Customer,
    });
    expect(malformed).toMatchObject({ ok: false, action: 'block', customerId: 'C-1001' });
    expect(malformed.customerLookup?.reason).toBe('error');
    expect(malformed.customerLookup?.error).toMatch(/^invalid customer record: emails: /);
  });

  it('refuses input that breaks the schema, naming the field', async () => {
    await expect(checkMessage(42 as unknown as string, options)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      checkMessage('', { ...options, guard: undefined } as unknown as CheckMessageOptions),
    ).rejects.toThrow(/options\.guard/);
  });

  it('gives every byte string an answer and never throws anything but an EmailGuardError', async () => {
    const cheap: CheckMessageOptions = { ...options, resolveCustomer: () => customers['C-1001'] };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(
                'To: ',
                'Cc: ',
                'a@b.se',
                ', ',
                '<',
                '>',
                ':',
                ';',
                '"',
                '\r\n',
                '\n',
                ' ',
                '=?utf-8?B?',
                '?=',
              ),
              {
                maxLength: 30,
              },
            )
            .map((parts) => parts.join('')),
        ),
        async (raw) => {
          try {
            const check = await checkMessage(raw, cheap);
            expect(['send', 'confirm', 'block']).toContain(check.action);
            if (check.recipients.length === 0) expect(check.ok).toBe(false);
          } catch (error) {
            expect(error).toBeInstanceOf(EmailGuardError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
