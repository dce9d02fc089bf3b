import fc from 'fast-check';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it, onTestFailed } from 'vitest';
import { customers, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A differential test: what the plugin checked and logged against what a real SMTP server was
// asked to deliver (RCPT TO, RFC 5321 §4.1.1.3). Every shape nodemailer reads differently from the
// plugin would show up here as a delivered recipient nobody checked.

const KNOWN = ['anna.svensson1985@gmail.com', 'anna@svenssonbygg.se'];
const STRANGERS = ['stranger@example.com', 'anna.svensson185@gmail.com', 'thief@example.org'];

const fixture = usePipelineFixture();

// Mostly known addresses, so that many messages are delivered and the comparison has something to compare.
const atom = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN), weight: 6 },
  { arbitrary: fc.constantFrom(...STRANGERS), weight: 1 },
);
const displayName = fc.constantFrom('Anna', 'Kund Svensson', 'Lind, F', 'Åsa');
const mailboxText = fc.oneof(
  atom,
  fc.tuple(displayName, atom).map(([name, address]) => `"${name}" <${address}>`),
);
const listText = fc.array(mailboxText, { minLength: 1, maxLength: 3 }).map((list) => list.join(', '));
const groupText = fc
  .tuple(fc.constantFrom('Familjen', 'Team'), fc.array(mailboxText, { maxLength: 2 }))
  .map(([group, list]) => `${group}: ${list.join(', ')};`);
const text = fc.oneof(mailboxText, listText, groupText);
const mailboxObject = fc.oneof(
  fc.record({ name: displayName, address: atom }),
  fc.record({ address: atom }),
  // One object whose address is a whole list: nodemailer does not split it.
  fc.tuple(atom, atom).map(([a, b]) => ({ address: `${a}, ${b}` })),
);
const groupObject = fc.record({ name: fc.constantFrom('Familjen', 'Team'), group: fc.array(mailboxObject) });
// An address and a group in one object: nodemailer takes the address and never reads the group.
const addressWithGroup = fc.record(
  { name: displayName, address: atom, group: fc.array(mailboxObject, { minLength: 1, maxLength: 2 }) },
  { requiredKeys: ['address', 'group'] },
);
const entry = fc.oneof(text, mailboxObject, groupObject, addressWithGroup);
const value = fc.oneof(
  entry,
  fc.array(entry, { minLength: 1, maxLength: 3 }),
  fc.array(fc.oneof(entry, fc.array(entry, { maxLength: 2 })), { minLength: 1, maxLength: 2 }),
);

const headerKey = fc
  .tuple(
    fc.constantFrom('To', 'Cc', 'Bcc', 'Reply-To', 'X-Order'),
    fc.constantFrom<(key: string) => string>(
      (key) => key,
      (key) => key.toLowerCase(),
      (key) => key.toUpperCase(),
    ),
    fc.constantFrom('', ' ', ':', ' :', '\t', '::'),
  )
  .map(([key, casing, suffix]) => casing(key) + suffix);
const headerValue = fc.oneof(
  text,
  mailboxObject,
  fc.array(text, { minLength: 1, maxLength: 2 }),
  text.map((written) => ({ prepared: true, value: written })),
);
const headerPairs = fc.array(fc.tuple(headerKey, headerValue), { minLength: 1, maxLength: 3 });
const headers = fc.oneof(
  headerPairs.map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>),
  headerPairs.map((pairs) => pairs.map(([key, written]) => ({ key, value: written }))),
);
// An envelope entry is bare addresses (RFC 5321 §4.1.2): one with a display name is refused whole,
// so those would only make fewer messages go out.
const envelopeEntry = fc.oneof(
  atom,
  fc.array(atom, { minLength: 1, maxLength: 3 }).map((list) => list.join(', ')),
  fc.record({ address: atom }),
);
const envelopeValue = fc.oneof(envelopeEntry, fc.array(envelopeEntry, { minLength: 1, maxLength: 3 }));
const envelope = fc.record(
  {
    from: fc.constant('order@butiken.se'),
    to: envelopeValue,
    cc: envelopeValue,
    bcc: envelopeValue,
    size: fc.nat(9999),
  },
  { requiredKeys: [] },
);

const composed = fc
  .record({ to: value, cc: value, bcc: value, replyTo: atom, headers, envelope }, { requiredKeys: [] })
  .map((fields) => ({
    from: 'Butiken <order@butiken.se>',
    subject: 'Orderbekräftelse 4711',
    text: 'Tack för din beställning.',
    ...fields,
  }));
const rawHeaderLine = fc
  .tuple(fc.constantFrom('To', 'Cc', 'Bcc', 'to', 'CC'), text)
  .map(([key, written]) => `${key}: ${written}\r\n`);
const prebuilt = fc
  .record(
    { lines: fc.array(rawHeaderLine, { maxLength: 3 }), to: value, envelope },
    { requiredKeys: ['lines'] },
  )
  .map(({ lines, ...fields }) => ({
    raw: `From: order@butiken.se\r\n${lines.join('')}Subject: Order 4711\r\n\r\nTack!\r\n`,
    ...fields,
  }));
const message = fc.oneof(composed, prebuilt);

describe('what nodemailer delivers through nodemailerGuard', () => {
  it('delivers only to recipients that were checked and allowed, and logs exactly those', async () => {
    const transporter = guardedTransport(fixture, customers['C-1001']);
    // A failure names its seed and the message that failed, whatever failed (an assertion, a
    // send that never settles, the test's own timeout), so it can be replayed:
    // DELIVERED_RECIPIENTS_SEED=<seed> npx vitest run test/nodemailer/delivered-recipients.test.ts
    const seed = Number(process.env.DELIVERED_RECIPIENTS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let current = '';
    onTestFailed(() => {
      console.error(`delivered-recipients: seed ${seed}; last message sent:\n${current}`);
    });
    let deliveries = 0;
    await fc.assert(
      fc.asyncProperty(message, async (mail) => {
        current = JSON.stringify(mail, null, 2);
        const receivedBefore = fixture.sink.received.length;
        const loggedBefore = fixture.audit.entries.length;
        await transporter.sendMail(mail as SendMailOptions).catch(() => undefined);
        const delivered = fixture.sink.received.slice(receivedBefore).flatMap((received) => received.to);
        if (delivered.length === 0) return;
        deliveries++;
        expect(delivered.filter((address) => STRANGERS.includes(address))).toEqual([]);
        const sent = fixture.audit.entries.slice(loggedBefore).filter((logged) => logged.outcome === 'sent');
        expect(sent).toHaveLength(1);
        const [logged] = sent;
        const allowed = logged?.recipients.filter((recipient) => recipient.action === 'send') ?? [];
        for (const address of delivered)
          expect(allowed.map((recipient) => recipient.address)).toContain(address);
        expect([...new Set(logged?.envelope?.to)].sort()).toEqual([...new Set(delivered)].sort());
      }),
      // A send that has not settled in 10 s is a failure of its own, shrunk and reported with its
      // seed like any other, rather than the whole test running into its timeout.
      { numRuns: 150, seed, timeout: 10_000 },
    );
    // Not vacuous: some messages went out.
    expect(deliveries).toBeGreaterThan(5);
  }, 60_000);
});
