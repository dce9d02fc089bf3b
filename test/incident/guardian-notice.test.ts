import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMisdirected } from '../../src/incident/index.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

// A child's order confirmation (born 2014) that names her guardian with the guardian's own e-mail
// address and phone number, sent to a mistyped provider.
const message = readFileSync(join(__dirname, '../fixtures/incident/child-order.eml'));

const organisation = {
  name: 'Hemhandel AB',
  country: 'SE',
  customerServicePhone: '031-700 10 00',
  regimes: ['gdpr' as const],
  contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
};

const child = {
  id: '200777',
  name: 'Ella Nyström',
  emails: ['ella.nystrom@hotmail.com'],
  birthDate: '2014-05-09',
};

function report(
  customer: Record<string, unknown>,
  body: Buffer | string = message,
  locale: 'sv' | 'en' = 'en',
) {
  return reportMisdirected(
    {
      message: body,
      intended: 'ella.nystrom@hotmail.com',
      actual: 'ella.nystrom@hotmial.com',
      customer: { ...child, ...customer },
      organisation,
      reference: 'HH-INC-2026-0032',
      detectedAt: '2026-12-03T08:00:00+01:00',
      needsReview: [],
    },
    { now: '2026-12-03T19:00:00+01:00', locale },
  );
}

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** Sends the notice through a real SMTP server as a caller would; answers the envelope's recipients. */
async function deliver(notice: { from: string; to: string; raw: Buffer }): Promise<readonly string[]> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
  });
  const before = sink.received.length;
  await transport.sendMail({ envelope: { from: notice.from, to: [notice.to] }, raw: notice.raw });
  return sink.received[before]?.to ?? [];
}

describe("a child's notice, which is for the guardian", () => {
  it("goes to the guardian's own address that the message labels, not to the child's mailbox", async () => {
    const result = await report({});
    expect(await deliver(result.notices.email)).toEqual(['maria.nystrom@telia.com']);
    const parsed = await simpleParser(result.notices.email.raw);
    expect(Array.isArray(parsed.to) ? undefined : parsed.to?.text).toBe('maria.nystrom@telia.com');
    expect(result.inventory.notes.join(' ')).toContain('maria.nystrom@telia.com');
  });

  it("goes to the guardian's address given with the customer before one the message shows", async () => {
    const result = await report({ guardianEmail: 'jonas.nystrom@gmail.com' });
    expect(await deliver(result.notices.email)).toEqual(['jonas.nystrom@gmail.com']);
  });

  it("lists the guardian's own details as the guardian's, not as details about the child", async () => {
    const { notices } = await report({});
    const text = notices.email.text.replace(/\s+/g, ' ');
    const aboutChild = /could see these details about your child: ([^.]*)\./.exec(text)?.[1] ?? '';
    expect(aboutChild).toContain('name');
    expect(aboutChild).toContain('date of birth');
    expect(aboutChild).not.toContain('phone number');
    expect(text).toContain('The guardian’s own details in it: e-mail address and phone number.');
    expect(text).not.toMatch(/your child[^.]*phone number/);
  });

  it("stays at the child's address without a guardian's address, and says that it must reach the guardian", async () => {
    const withoutGuardian = message
      .toString('utf8')
      .replace('Vårdnadshavare: Maria Nyström, maria.nystrom@telia.com, 070-444 55 66\n', '');
    for (const locale of ['en', 'sv'] as const) {
      const result = await report({}, withoutGuardian, locale);
      expect(await deliver(result.notices.email)).toEqual(['ella.nystrom@hotmail.com']);
      const note = result.inventory.notes.find((line) => line.includes('ella.nystrom@hotmail.com'));
      expect(note).toMatch(locale === 'en' ? /guardian/ : /vårdnadshavare/);
    }
  });
});
