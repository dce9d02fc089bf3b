import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import {
  type AuditEntry,
  createJsonLinesAuditLog,
  type HeldMessageError,
  type HeldMessageWithRaw,
  type HoldStore,
  type NodemailerGuardOptions,
  nodemailerGuard,
  sendReleased,
} from '../../src/nodemailer/index.js';
import { customers, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const NEW_ADDRESS = 'anna.s@outlook.com'; // not on file: the guard asks for a confirmation

const fixture = usePipelineFixture();

function guarded(options: Partial<NodemailerGuardOptions> = {}) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
      // A test that finds the customer its own way does so instead of the header.
      ...(options.resolveCustomer ? {} : { customerIdHeader: 'X-Customer-Id' }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
      ...options,
    }),
  );
  return transporter;
}

function order(fields: Partial<SendMailOptions> = {}): SendMailOptions {
  return {
    from: 'Butiken <order@butiken.se>',
    to: GOOD,
    subject: 'Orderbekräftelse 4711',
    text: 'Tack för din beställning av en cykel.',
    headers: { 'X-Customer-Id': 'C-1001' },
    attachments: [{ filename: 'kvitto.txt', content: 'Kvitto 4711: 4 995 kr' }],
    ...fields,
  };
}

async function heldError(promise: Promise<unknown>): Promise<HeldMessageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!error) throw new Error('the message was sent, but it should have been held');
  return error as HeldMessageError;
}

describe('nodemailerGuard', () => {
  it('delivers an allowed message with its headers and attachment intact', async () => {
    const info = await guarded().sendMail(order({ cc: 'Anna <anna@svenssonbygg.se>' }));
    expect(fixture.sink.received).toHaveLength(1);
    const [delivered] = fixture.sink.received;
    expect(delivered?.to).toEqual([GOOD, 'anna@svenssonbygg.se']);
    const parsed = await simpleParser(delivered?.raw ?? '');
    expect(parsed.subject).toBe('Orderbekräftelse 4711');
    expect(parsed.messageId).toBe(info.messageId);
    // The customer id found the customer; it is personal data, and never reaches the recipient.
    expect(parsed.headers.has('x-customer-id')).toBe(false);
    expect(delivered?.raw.toString()).not.toContain('C-1001');
    expect(parsed.text?.trim()).toBe('Tack för din beställning av en cykel.');
    expect(parsed.attachments[0]?.content.toString()).toBe('Kvitto 4711: 4 995 kr');
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent', action: 'send', messageId: info.messageId, customerId: 'C-1001', mode: 'enforce' },
    ]);
  });

  it("gives a message without a Message-ID one at the sender's domain, as nodemailer does", async () => {
    const info = await guarded().sendMail(order());
    expect(info.messageId).toMatch(/^<[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}@butiken\.se>$/);
    const parsed = await simpleParser(fixture.sink.received[0]?.raw ?? '');
    expect(parsed.messageId).toBe(info.messageId);
    expect(fixture.audit.entries[0]?.messageId).toBe(info.messageId);
    // One set as a custom header field is the message's id, as nodemailer has it.
    const custom = await guarded().sendMail(
      order({ headers: { 'X-Customer-Id': 'C-1001', 'Message-ID': '<4711.custom@butiken.se>' } }),
    );
    expect(custom.messageId).toBe('<4711.custom@butiken.se>');
    expect((await simpleParser(fixture.sink.received[1]?.raw ?? '')).messageId).toBe(
      '<4711.custom@butiken.se>',
    );
    expect(fixture.audit.entries[1]?.messageId).toBe('<4711.custom@butiken.se>');
    // Without a sender, at `localhost`, as mime-node `_generateMessageId` has it.
    const bare = await guarded().sendMail(order({ from: undefined, envelope: { from: false, to: [GOOD] } }));
    expect(bare.messageId).toMatch(/@localhost>$/);
  });

  it('holds the whole message when one recipient is blocked, and keeps it whole in the store', async () => {
    const error = await heldError(guarded().sendMail(order({ cc: TYPO })));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
    const [held] = await fixture.holdStore.list();
    expect(held?.id).toBe(error.holdId);
    expect(held?.action).toBe('block');
    expect(held?.recipients.map(({ field, address, verdict }) => [field, address, verdict.action])).toEqual([
      ['to', GOOD, 'send'],
      ['cc', TYPO, 'block'],
    ]);
    expect(held?.envelope.to).toEqual([GOOD, TYPO]);
    const stored = await fixture.holdStore.get(held?.id ?? '');
    const parsed = await simpleParser(stored?.raw ?? '');
    expect(parsed.subject).toBe('Orderbekräftelse 4711');
    expect(parsed.messageId).toBe(error.messageId);
    expect(parsed.attachments[0]?.content.toString()).toBe('Kvitto 4711: 4 995 kr');
    expect(fixture.audit.entries).toMatchObject([{ outcome: 'held', holdId: error.holdId, action: 'block' }]);
    expect(fixture.audit.entries[0]?.recipients[1]).toMatchObject({ address: TYPO, action: 'block' });
    expect(fixture.audit.entries[0]?.recipients[1]?.codes[0]).toBe('near-miss');
  });

  const shapes: [string, Partial<SendMailOptions>][] = [
    ['a comma list in to', { to: `${GOOD}, ${TYPO}` }],
    ['a name and address object in cc', { cc: { name: 'Anna', address: TYPO } }],
    ['an array of strings and objects in bcc', { bcc: [GOOD, { name: 'A', address: TYPO }] }],
    ['a group in to', { to: `Familjen: ${GOOD}, ${TYPO};` }],
    ['a nested array in cc', { cc: [[GOOD], [[TYPO]]] as unknown as string[] }],
    ['an explicit envelope', { envelope: { from: 'order@butiken.se', to: [TYPO] } }],
    ['an envelope cc', { envelope: { from: 'order@butiken.se', to: GOOD, cc: TYPO } }],
    ['a To header set through headers', { to: undefined, headers: { 'X-Customer-Id': 'C-1001', To: TYPO } }],
    ['an address with no @', { cc: 'anna.svensson1985.gmail.com' }],
    // Nodemailer delivers to an object's address and never reads its group.
    ['an address object that also has a group', { to: { address: TYPO, group: [{ address: GOOD }] } }],
    [
      'a bcc object that also has a group',
      { bcc: [{ address: TYPO, name: 'A', group: [{ address: GOOD }] }] },
    ],
    [
      'an envelope address that also has a group',
      { envelope: { from: 'order@butiken.se', to: { address: TYPO, group: [{ address: GOOD }] } } },
    ],
    // Nodemailer drops white space and colons from a header's name: these are Bcc and To fields.
    ['a header named "Bcc "', { headers: { 'X-Customer-Id': 'C-1001', 'Bcc ': TYPO } }],
    ['a header named "Bcc:"', { headers: { 'X-Customer-Id': 'C-1001', 'Bcc:': TYPO } }],
    [
      'a header named "To:" and nothing else',
      { to: undefined, headers: { 'X-Customer-Id': 'C-1001', 'To:': TYPO } },
    ],
    [
      'a header list entry named " cc "',
      {
        headers: [
          { key: 'X-Customer-Id', value: 'C-1001' },
          { key: ' cc ', value: TYPO },
        ],
      },
    ],
    // A prebuilt message is delivered by the envelope `to` gives it; its own To field is checked too.
    ['a raw message with its own To and a to', { raw: `To: ${TYPO}\r\nSubject: x\r\n\r\nx\r\n`, to: GOOD }],
  ];
  for (const [shape, fields] of shapes) {
    it(`finds the blocked recipient in ${shape}`, async () => {
      const error = await heldError(guarded().sendMail(order(fields)));
      expect(error.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
      expect(await fixture.holdStore.list()).toHaveLength(1);
    });
  }

  it('delivers every shape when every recipient is known', async () => {
    const transporter = guarded();
    await transporter.sendMail(order({ to: `${GOOD}, Anna <anna@svenssonbygg.se>` }));
    await transporter.sendMail(order({ to: `Familjen: ${GOOD};`, bcc: [{ name: 'Anna', address: GOOD }] }));
    await transporter.sendMail(
      order({ envelope: { from: 'order@butiken.se', to: ['anna@svenssonbygg.se'] } }),
    );
    expect(fixture.sink.received.map((message) => message.to)).toEqual([
      [GOOD, 'anna@svenssonbygg.se'],
      [GOOD],
      ['anna@svenssonbygg.se'],
    ]);
  });

  const injections: [string, Partial<SendMailOptions>][] = [
    ['to', { to: `${GOOD}\r\nBcc: thief@example.com` }],
    ['a cc list', { cc: `${GOOD}, anna@svenssonbygg.se\nBcc: thief@example.com` }],
    ['a display name', { to: { name: 'Anna\r\nBcc: thief@example.com', address: GOOD } }],
    ['an address object', { cc: [{ name: 'Anna', address: `${GOOD}\rBcc: thief@example.com` }] }],
    ['bcc', { bcc: [`${GOOD}\n`] }],
    [
      'the envelope',
      { envelope: { from: 'order@butiken.se', to: [`${GOOD}\r\nRCPT TO:<thief@example.com>`] } },
    ],
    ['the sender', { from: 'order@butiken.se\r\nBcc: thief@example.com' }],
    ['reply-to', { replyTo: { name: 'Butiken\nBcc: thief@example.com', address: 'order@butiken.se' } }],
    [
      'the envelope sender',
      { envelope: { from: 'order@butiken.se\r\nRCPT TO:<thief@example.com>', to: GOOD } },
    ],
    [
      'a prepared custom header',
      {
        headers: {
          'X-Customer-Id': 'C-1001',
          'X-Foo': { prepared: true, value: 'x\r\nBcc: thief@example.com' },
        },
      },
    ],
    [
      'a custom header given as a list',
      {
        headers: {
          'X-Customer-Id': 'C-1001',
          'X-Foo': ['x', { prepared: true, value: 'y\nBcc: thief@example.com' }],
        },
      },
    ],
  ];
  for (const [field, fields] of injections) {
    it(`refuses a line break in ${field}, so nothing reaches the server`, async () => {
      const error = await heldError(guarded().sendMail(order(fields)));
      expect(error.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
      const blocked = error.recipients.find((recipient) => recipient.verdict.action === 'block');
      expect(blocked?.address).toMatch(/[\r\n]/);
      expect(blocked?.verdict.findings[0]).toMatchObject({
        code: 'invalid-address',
        reason: 'control-characters',
      });
    });
  }

  it('names the custom header a line break came in, in the error and the audit log', async () => {
    const injected = 'x\r\nBcc: thief@example.com';
    const error = await heldError(
      guarded().sendMail(
        order({ headers: { 'X-Customer-Id': 'C-1001', 'X-Foo': { prepared: true, value: injected } } }),
      ),
    );
    expect(error.recipients.find(({ field }) => field === 'header')).toMatchObject({
      field: 'header',
      header: 'X-Foo',
      address: injected,
    });
    expect(fixture.audit.entries[0]?.recipients.find(({ field }) => field === 'header')).toMatchObject({
      field: 'header',
      header: 'X-Foo',
      action: 'block',
      codes: ['invalid-address'],
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('checks the recipients a prebuilt raw message names in its own header, and logs every decision', async () => {
    const raw = (to: string) =>
      `From: order@butiken.se\r\nTo: ${to}\r\nSubject: Order 4711\r\nMessage-ID: <4711.raw@butiken.se>\r\n\r\nTack!\r\n`;
    const transporter = guarded({ resolveCustomer: () => customers['C-1001'] });
    const error = await heldError(transporter.sendMail({ raw: raw(TYPO) }));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(error.recipients.map(({ field, address }) => `${field}:${address}`)).toEqual([`to:${TYPO}`]);
    expect((await fixture.holdStore.get(error.holdId ?? ''))?.raw.toString()).toBe(raw(TYPO));
    // The header's To is checked even when an envelope sends the message elsewhere.
    const enveloped = await heldError(
      transporter.sendMail({
        raw: Buffer.from(raw(`${GOOD}, anna.svensson.gmail.com`)),
        envelope: { from: 'order@butiken.se', to: [GOOD] },
      }),
    );
    expect(enveloped.code).toBe('RECIPIENT_BLOCKED');
    await transporter.sendMail({
      raw: Readable.from([raw(GOOD)]),
      envelope: { from: 'order@butiken.se', to: [GOOD] },
    });
    expect(fixture.sink.received.map((message) => message.raw.toString())).toEqual([raw(GOOD)]);
    expect(fixture.audit.entries.map(({ outcome, messageId }) => [outcome, messageId])).toEqual([
      ['held', '<4711.raw@butiken.se>'],
      ['held', '<4711.raw@butiken.se>'],
      ['sent', '<4711.raw@butiken.se>'],
    ]);
  });

  it('holds a confirm verdict until a person confirms it, and logs who did', async () => {
    const transporter = guarded();
    const error = await heldError(transporter.sendMail(order({ to: NEW_ADDRESS })));
    expect(error.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(fixture.sink.received).toEqual([]);

    const confirmation = { by: 'lena@butiken.se', reason: 'read back on the phone' };
    const info = await transporter.sendMail({
      ...order({ to: NEW_ADDRESS }),
      emailGuard: { confirmation },
    } as SendMailOptions);
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.sink.received[0]?.raw.toString()).not.toMatch(/emailGuard|read back on the phone/i);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'sent',
      action: 'confirm',
      messageId: info.messageId,
      override: { ...confirmation, applied: true },
    });
  });

  it('never lets a confirmation through a block verdict', async () => {
    const confirmation = { by: 'lena@butiken.se', reason: 'customer insists' };
    const error = await heldError(
      guarded().sendMail({ ...order({ to: TYPO }), emailGuard: { confirmation } } as SendMailOptions),
    );
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries[0]?.override).toEqual({ ...confirmation, applied: false });
  });

  it('checks a message that carries a release token it did not give out', async () => {
    const forged = {
      ...order({ to: TYPO }),
      emailGuard: { release: '00000000-0000-4000-8000-000000000000' },
    };
    const error = await heldError(guarded().sendMail(forged as SendMailOptions));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
  });

  it('refuses a confirmation that does not say who gave it', async () => {
    const promise = guarded().sendMail({
      ...order({ to: NEW_ADDRESS }),
      emailGuard: { confirmation: { by: ' ', reason: 'x' } },
    } as SendMailOptions);
    await expect(promise).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'emailGuard.confirmation.by',
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('holds the message when the customer cannot be resolved, whichever way it fails', async () => {
    const failures: [string, NonNullable<NodemailerGuardOptions['resolveCustomer']>][] = [
      [
        'error',
        async () => {
          throw new Error('CRM unavailable');
        },
      ],
      ['timeout', () => new Promise(() => undefined)],
      ['not-found', async () => undefined],
    ];
    for (const [reason, resolveCustomer] of failures) {
      const error = await heldError(guarded({ resolveCustomer, resolveTimeoutMs: 50 }).sendMail(order()));
      expect(error.code).toBe('RECIPIENT_BLOCKED');
      expect(error.recipients[0]?.verdict.findings.map((finding) => finding.code)).toContain('lookup-failed');
      expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'held', customerLookup: { reason } });
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(3);
  });

  it('holds and logs a message whose customer is missing or malformed, instead of failing the send', async () => {
    const cases: [Partial<NodemailerGuardOptions>, string, RegExp | undefined][] = [
      [{ guard: createGuard(), resolveCustomer: () => '' }, 'not-found', undefined],
      [{ resolveCustomer: () => '  ' }, 'not-found', undefined],
      [
        { resolveCustomer: () => ({ id: 'C-1', emails: null }) as unknown as Customer },
        'error',
        /^invalid customer record: emails: /,
      ],
      [
        { guard: createGuard({ lookupCustomer: async () => ({ id: 1 }) as unknown as Customer }) },
        'error',
        /^invalid customer record: id: /,
      ],
    ];
    for (const [options, reason, error] of cases) {
      const held = await heldError(guarded(options).sendMail(order()));
      expect(held.code).toBe('RECIPIENT_BLOCKED');
      const finding = held.recipients[0]?.verdict.findings[0];
      expect(finding).toMatchObject({ code: 'lookup-failed', reason });
      const entry = fixture.audit.entries.at(-1);
      expect(entry).toMatchObject({ outcome: 'held', holdId: held.holdId, customerLookup: { reason } });
      if (error) expect(entry?.customerLookup?.error).toMatch(error);
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(cases.length);
  });

  it('holds and logs a message whose customer throws when it is read (a getter, a Proxy)', async () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('proxy trap');
        },
        has() {
          throw new Error('proxy trap');
        },
        ownKeys() {
          throw new Error('proxy trap');
        },
        getOwnPropertyDescriptor() {
          throw new Error('proxy trap');
        },
      },
    ) as Customer;
    const getter = Object.defineProperty({ emails: [GOOD] }, 'id', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    }) as unknown as Customer;
    const cases: Partial<NodemailerGuardOptions>[] = [
      { resolveCustomer: () => throwing },
      { resolveCustomer: async () => throwing },
      { resolveCustomer: () => getter },
      { guard: createGuard({ lookupCustomer: async () => throwing }), resolveCustomer: () => 'C-1001' },
      { guard: createGuard({ lookupCustomer: async () => getter }), resolveCustomer: () => 'C-1001' },
    ];
    for (const options of cases) {
      const held = await heldError(guarded(options).sendMail(order()));
      expect(held.code).toBe('RECIPIENT_BLOCKED');
      expect(held.recipients[0]?.verdict.findings[0]).toMatchObject({
        code: 'lookup-failed',
        reason: 'error',
      });
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'held',
        customerLookup: { reason: 'error' },
      });
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toHaveLength(cases.length);
  });

  it('sends when the customer cannot be resolved and the caller chose to fail open, but never past a block', async () => {
    const transporter = guarded({ resolveCustomer: async () => undefined, failOpen: true });
    await transporter.sendMail(order());
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.audit.entries[0]).toMatchObject({
      outcome: 'sent',
      failedOpen: true,
      customerLookup: { reason: 'not-found' },
    });
    const error = await heldError(transporter.sendMail(order({ to: 'anna@gmial.com' })));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('looks the customer up once per message, however many recipients it has', async () => {
    let lookups = 0;
    const guard = createGuard({
      lookupCustomer: async (id) => {
        lookups++;
        return customers[id];
      },
    });
    await guarded({ guard }).sendMail(order({ cc: 'anna@svenssonbygg.se', bcc: GOOD }));
    expect(lookups).toBe(1);
    expect(fixture.sink.received).toHaveLength(1);
    const error = await heldError(guarded({ guard, resolveCustomer: () => 'C-404' }).sendMail(order()));
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      customerId: 'C-404',
      customerLookup: { reason: 'not-found' },
    });
  });

  it('checks against a customer object that resolveCustomer returns directly', async () => {
    const transporter = guarded({ resolveCustomer: async () => customers['C-2002'] });
    await transporter.sendMail(order({ to: 'erik.lind@telia.com' }));
    await expect(transporter.sendMail(order({ to: 'erik.lindh@telia.com' }))).rejects.toMatchObject({
      code: 'RECIPIENT_BLOCKED',
    });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['erik.lind@telia.com']]);
    expect(fixture.audit.entries.map((entry) => entry.customerId)).toEqual(['C-2002', 'C-2002']);
  });

  it('sends everything in monitor mode and logs what would have been held', async () => {
    const transporter = guarded({ mode: 'monitor' });
    await transporter.sendMail(order({ cc: TYPO }));
    await transporter.sendMail(order());
    expect(fixture.sink.received).toHaveLength(2);
    expect(await fixture.holdStore.list()).toEqual([]);
    expect(
      fixture.audit.entries.map((entry: AuditEntry) => [entry.mode, entry.outcome, entry.action]),
    ).toEqual([
      ['monitor', 'monitored', 'block'],
      ['monitor', 'sent', 'send'],
    ]);
  });

  it('holds a line break even in monitor mode, where nodemailer would split it into recipients', async () => {
    const error = await heldError(
      guarded({ mode: 'monitor' }).sendMail(order({ to: `${GOOD}\r\nBcc: thief@example.com` })),
    );
    expect(error.code).toBe('RECIPIENT_BLOCKED');
    const prepared = { prepared: true, value: 'x\r\nBcc: thief@example.com' };
    const header = await heldError(
      guarded({ mode: 'monitor' }).sendMail(
        order({ headers: { 'X-Customer-Id': 'C-1001', 'X-Foo': prepared } }),
      ),
    );
    expect(header.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries).toMatchObject([
      { mode: 'monitor', outcome: 'held' },
      { mode: 'monitor', outcome: 'held' },
    ]);
  });

  it('writes one JSON line per decision to the default audit log, without subjects or bodies', async () => {
    const path = join(fixture.dir, 'logs', 'audit.jsonl');
    const transporter = guarded({ auditLog: createJsonLinesAuditLog(path) });
    await transporter.sendMail(order());
    await transporter.sendMail(order({ to: `${GOOD}\r\nBcc: thief@example.com` })).catch(() => undefined);
    const text = await readFile(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const entries = lines.map((line) => JSON.parse(line) as AuditEntry);
    expect(entries.map((entry) => entry.outcome)).toEqual(['sent', 'held']);
    expect(entries[1]?.recipients[0]?.address).toBe(`${GOOD}\r\nBcc: thief@example.com`);
    expect(text).not.toContain('Orderbekräftelse');
    expect(text).not.toContain('cykel');
  });

  it('does not send a message whose decision cannot be logged, and says it was neither sent nor held', async () => {
    const failing = { record: async () => Promise.reject(new Error('disk full')) };
    // Sent in enforce mode, and a typo let through in monitor mode.
    for (const [mode, to] of [
      ['enforce', GOOD],
      ['monitor', TYPO],
    ] as const) {
      await expect(guarded({ auditLog: failing, mode }).sendMail(order({ to })), mode).rejects.toMatchObject({
        code: 'AUDIT_LOG_FAILED',
        message:
          'the decision could not be written to the audit log; the message was neither sent nor held (send it again)',
      });
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.list()).toEqual([]);
  });

  it('keeps a held message, and says where, when its decision cannot be logged', async () => {
    const failing = { record: async () => Promise.reject(new Error('disk full')) };
    const error = (await guarded({ auditLog: failing })
      .sendMail(order({ to: TYPO }))
      .catch((reason: unknown) => reason)) as Error & { code: string };
    expect(error.code).toBe('AUDIT_LOG_FAILED');
    const [held] = await fixture.holdStore.list();
    expect(error.message).toContain(`held as ${held?.id}`);
    expect(fixture.sink.received).toEqual([]);
  });

  it('does not send a message it should hold when the hold store fails', async () => {
    const broken: HoldStore = {
      ...fixture.holdStore,
      hold: async () => Promise.reject(new Error('read-only file system')),
    };
    await expect(guarded({ holdStore: broken }).sendMail(order({ to: TYPO }))).rejects.toMatchObject({
      code: 'HOLD_STORE_FAILED',
    });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries).toMatchObject([{ outcome: 'hold-failed' }]);
  });

  it('works with any store that implements HoldStore', async () => {
    const kept = new Map<string, HeldMessageWithRaw>();
    const memoryStore: HoldStore = {
      async hold(input) {
        const held = {
          ...input,
          id: `H-${kept.size + 1}`,
          heldAt: new Date().toISOString(),
          size: input.raw.byteLength,
          state: 'held' as const,
        };
        kept.set(held.id, { ...held, raw: Buffer.from(input.raw) });
        const { raw: _raw, ...listed } = kept.get(held.id) as HeldMessageWithRaw;
        return listed;
      },
      list: async () => [...kept.values()].map(({ raw: _raw, ...held }) => held),
      get: async (id) => kept.get(id),
      async release(id, transporter, options) {
        const held = kept.get(id);
        if (!held) throw new Error(`no ${id}`);
        // The recipients the releaser names go as a correction: only to them does an override send.
        const named = typeof options.to === 'string' ? [options.to] : options.to;
        const info = await sendReleased(transporter, {
          holdId: id,
          raw: held.raw,
          envelope: named ? { ...held.envelope, to: [...named] } : held.envelope,
          ...(named ? { corrected: true } : {}),
          ...(held.customerId === undefined ? {} : { customerId: held.customerId }),
          by: options.by,
          reason: options.reason,
          ...(options.sendDespiteBlock ? { sendDespiteBlock: true } : {}),
        });
        kept.delete(id);
        return { id, envelope: held.envelope, info };
      },
      discard: async (id) => kept.delete(id),
    };
    const error = await heldError(guarded({ holdStore: memoryStore }).sendMail(order({ to: TYPO })));
    expect(error.holdId).toBe('H-1');
    expect((await memoryStore.get('H-1'))?.raw.toString()).toContain(
      'Subject: =?UTF-8?Q?Orderbekr=C3=A4ftelse_4711?=',
    );
    expect(fixture.sink.received).toEqual([]);
    const who = { by: 'lena@butiken.se', reason: 'the customer asked for it' };
    // Released unchanged, the blocked typo is checked again and refused: it stays held.
    const refused = await heldError(memoryStore.release('H-1', guarded({ holdStore: memoryStore }), who));
    expect(refused).toMatchObject({ code: 'RECIPIENT_BLOCKED', holdId: 'H-1' });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      holdId: 'H-1',
      release: who,
    });
    // Overriding the block names no one by itself: refused, the override on record.
    const unnamed = await heldError(
      memoryStore.release('H-1', guarded({ holdStore: memoryStore }), { ...who, sendDespiteBlock: true }),
    );
    expect(unnamed).toMatchObject({ code: 'RECIPIENT_BLOCKED', holdId: 'H-1' });
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'release-refused',
      release: { ...who, sendDespiteBlock: true },
    });
    // Overriding the block is a separate, named choice, to the recipients named, on record as such.
    await memoryStore.release('H-1', guarded({ holdStore: memoryStore }), {
      ...who,
      to: TYPO,
      sendDespiteBlock: true,
    });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[TYPO]]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released-despite-block',
      holdId: 'H-1',
      customerId: 'C-1001',
      release: { ...who, sendDespiteBlock: true },
      envelope: { to: [TYPO] },
    });
  });

  it('passes the customer with the message, and never sends the id on', async () => {
    const transporter = guarded({ resolveCustomer: () => 'C-2002' });
    const info = await transporter.sendMail({
      ...order({ headers: {} }),
      emailGuard: { customerId: 'C-1001' },
    });
    expect(info.envelope.to).toEqual([GOOD]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({ outcome: 'sent', customerId: 'C-1001' });
    const error = await heldError(
      transporter.sendMail({
        ...order({ headers: {}, to: 'erik.lind@telia.com' }),
        emailGuard: { customerId: 'C-1001' },
      }),
    );
    expect(error.code).toBe('RECIPIENT_NEEDS_CONFIRMATION');
    expect(fixture.sink.received.map((message) => message.raw.toString()).join('')).not.toMatch(
      /C-1001|emailGuard/,
    );
  });

  it('reads the customer id header without regard to case, and removes it before sending or holding', async () => {
    const transporter = guarded();
    await transporter.sendMail(order({ headers: { 'x-customer-id': 'C-1001' } }));
    await transporter.sendMail(order({ headers: [{ key: 'X-CUSTOMER-ID ', value: 'C-1001' }] }));
    const raw = `From: order@butiken.se\r\nTo: ${GOOD}\r\nX-Customer-ID: C-1001\r\nSubject: x\r\n\r\nTack\r\n`;
    await transporter.sendMail({ raw, to: GOOD });
    expect(fixture.sink.received).toHaveLength(3);
    for (const { raw: delivered } of fixture.sink.received) {
      expect(delivered.toString()).not.toMatch(/customer-id|C-1001/i);
    }
    expect(fixture.audit.entries.map((entry) => [entry.outcome, entry.customerId])).toEqual([
      ['sent', 'C-1001'],
      ['sent', 'C-1001'],
      ['sent', 'C-1001'],
    ]);
    const error = await heldError(
      transporter.sendMail(order({ to: TYPO, headers: { 'x-customer-id': 'C-1001' } })),
    );
    const held = await fixture.holdStore.get(error.holdId ?? '');
    expect(held?.customerId).toBe('C-1001');
    expect(held?.raw.toString()).not.toMatch(/customer-id|C-1001/i);
  });

  it('holds a message that names no customer at all', async () => {
    const transporter = smtpTransport(fixture.sink.port);
    transporter.use(
      'compile',
      nodemailerGuard({ guard: createGuard(), holdStore: fixture.holdStore, auditLog: fixture.audit }),
    );
    const error = await heldError(transporter.sendMail(order()));
    expect(error.recipients[0]?.verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      reason: 'not-found',
    });
  });

  it('refuses a send whose envelope a later compile plugin changed after the check', async () => {
    const transporter = guarded();
    transporter.use('compile', (mail, done) => {
      mail.data.envelope = { from: 'order@butiken.se', to: ['thief@example.com'] };
      done();
    });
    await expect(transporter.sendMail(order())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'envelope',
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('keeps no record with auditLog: false, and requires the choice to be made', async () => {
    const transporter = guarded({ auditLog: false });
    await transporter.sendMail(order());
    expect(fixture.sink.received).toHaveLength(1);
    const { auditLog: _omitted, ...withoutLog } = {
      guard: createGuard(),
      holdStore: fixture.holdStore,
      auditLog: false,
    } as const;
    expect(() => nodemailerGuard(withoutLog as unknown as NodemailerGuardOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.auditLog' }),
    );
  });

  it('checks a recipient the transporter adds to every message through its defaults', async () => {
    const transporter = nodemailer.createTransport(
      { host: '127.0.0.1', port: fixture.sink.port, secure: false, ignoreTLS: true },
      { bcc: TYPO },
    );
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
      }),
    );
    const error = await heldError(
      transporter.sendMail({ ...order({ headers: {} }), emailGuard: { customerId: 'C-1001' } }),
    );
    expect(error.recipients.map(({ field, address }) => `${field}:${address}`)).toContain(`bcc:${TYPO}`);
    expect(fixture.sink.received).toEqual([]);
  });

  it('does not count a reply address or a DSN original recipient as a delivery, and checks none as one', async () => {
    const info = await guarded().sendMail(
      order({ replyTo: 'someone@example.org', dsn: { notify: 'FAILURE', orcpt: 'someone@example.org' } }),
    );
    expect(info.envelope.to).toEqual([GOOD]);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
    expect(fixture.audit.entries.at(-1)?.recipients.map(({ address }) => address)).toEqual([GOOD]);
  });

  it('requires who releases a message and why in sendReleased, naming the field', async () => {
    const release = { holdId: 'H-1', raw: Buffer.from('To: a@b.se\r\n\r\nx'), envelope: { to: [GOOD] } };
    await expect(sendReleased(guarded(), { ...release, by: 'lena', reason: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'message.reason',
    });
    await expect(
      sendReleased(guarded(), { ...release, reason: 'x' } as unknown as Parameters<typeof sendReleased>[1]),
    ).rejects.toMatchObject({ field: 'message.by' });
    expect(fixture.sink.received).toEqual([]);
  });

  it('refuses options that break the schema, naming the field', () => {
    const options = {
      guard: createGuard(),
      resolveCustomer: () => undefined,
      auditLog: false,
    } as unknown as NodemailerGuardOptions;
    expect(() => nodemailerGuard(options)).toThrow(InvalidInputError);
    expect(() => nodemailerGuard(options)).toThrow(/holdStore/);
    expect(() =>
      nodemailerGuard({ ...options, holdStore: fixture.holdStore, mode: 'audit' as 'monitor' }),
    ).toThrow(/mode/);
  });
});
