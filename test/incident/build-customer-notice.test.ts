import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, createIncidentReport, type IncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const report: IncidentReport = createIncidentReport(
  {
    ...seedCase,
    provider: { ...seedCase.provider, noticeFrom: 'kundservice@nordkabel.se' },
    measures: [
      { id: 'recall-and-delete', status: 'done' },
      { id: 'profile-note', status: 'done' },
      { id: 'inform-customer', status: 'done' },
    ],
  },
  { now: '2018-02-23T15:10:00+01:00' },
);

describe('buildCustomerNotice', () => {
  it('writes the call script in Swedish: what happened, what was seen, what was done, what to ask', async () => {
    const script = await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv' });
    expect(script.steps.filter((step) => step.kind === 'ask')).toHaveLength(2);
    expect(script.text).toMatchInlineSnapshot(`
      "Hej, jag ringer från Nordkabel AB.

      Den 2018-02-23 kl. 13:36 CET skickade vi ett meddelande (”Orderbekräftelse”) till dig, men e-postadressen vi hade registrerat var fel (en siffra saknades). Meddelandet kom därför till en annan person.

      Den personen har kunnat se namn, postadress, kundnummer och beställda tjänster och priser.

      Det här har vi gjort:
      - Mottagaren av det felskickade meddelandet har kontaktats och ombetts radera det och bekräfta att det inte har sparats eller vidarebefordrats.
      - En notering i kundprofilen anger att den som ringer om kundens engagemang ska identifieras extra noggrant.
      - Personen som fick meddelandet har bekräftat att det är raderat. Vi bedömer att risken att uppgifterna används är liten.

      Det här kan du vara uppmärksam på:
      - Var uppmärksam på post om varor eller tjänster som du inte har beställt.
      - Hör av dig till oss om du får bekräftelser på beställningar eller ändringar som du inte har gjort.
      - Om någon kontaktar dig och säger sig komma från oss, kan du alltid ringa upp oss på vårt vanliga nummer.

      Kan du komma på några andra följder för dig som vi behöver känna till?
      [Kundens svar: ]

      Har du några frågor eller funderingar kring det här?
      [Kundens svar: ]

      Du är alltid välkommen att ringa oss på 0771-40 40 40. Ange då referensnummer INC-2018-0042.
      "
    `);
  });

  it('writes the call script in English', async () => {
    const script = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'en',
      customerName: 'Anna',
    });
    expect(script.text).toMatchInlineSnapshot(`
      "Hello Anna, I am calling from Nordkabel AB.

      On 23 February 2018, 13:36 CET we sent you a message (“Orderbekräftelse”), but the e-mail address we had on file was wrong (a digit was missing). The message therefore reached someone else.

      That person could see your name, postal address, customer number and ordered services and prices.

      This is what we have done:
      - The recipient of the misdirected message was contacted and asked to delete it and to confirm that it was neither kept nor forwarded.
      - A note on the customer profile asks staff to verify the identity of anyone calling about the account with extra care.
      - The person who received the message has confirmed deleting it. We consider the risk that the details are misused to be small.

      What to watch for:
      - Watch for post about goods or services you did not order.
      - Let us know if you receive confirmations of orders or changes you did not make.
      - If anyone contacts you claiming to be from us, you can always call us back on our usual number.

      Can you think of any other consequences for you that we should know about?
      [Customer’s answer: ]

      Do you have any questions or concerns about this?
      [Customer’s answer: ]

      You are always welcome to call us on 0771-40 40 40. Please give the reference number INC-2018-0042.
      "
    `);
  });

  it('builds a real RFC 5322 message that mailparser reads back', async () => {
    const email = await buildCustomerNotice(report, {
      channel: 'email',
      locale: 'sv',
      customerName: 'Anna Svensson',
    });
    const parsed = await simpleParser(email.raw);
    expect(parsed.subject).toBe('Ditt meddelande från oss skickades till fel e-postadress');
    expect(parsed.from?.text).toBe('kundservice@nordkabel.se');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('anna.svensson1985@gmail.com');
    expect(parsed.headers.get('x-incident-reference')).toBe('INC-2018-0042');
    expect(parsed.text).toContain('Hej Anna Svensson,');
    expect(parsed.text).toContain('INC-2018-0042');
    expect(parsed.html).toContain('<p>Hej Anna Svensson,</p>');
  });

  it('never tells the customer the stranger’s address', async () => {
    const email = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    const script = await buildCustomerNotice(report, { channel: 'phone-script', locale: 'en' });
    expect(email.text).not.toContain('anna.svensson185@gmail.com');
    expect(script.text).not.toContain('anna.svensson185@gmail.com');
  });

  it('escapes the caller’s text in the HTML part', async () => {
    const hostile = { ...report, reference: '<img src=x onerror=alert(1)>' };
    const email = await buildCustomerNotice(hostile, {
      channel: 'email',
      locale: 'en',
      customerName: '<b>Anna</b>',
    });
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is sendable through a real SMTP server', async () => {
    const email = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    const received: Buffer[] = [];
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', (chunk: Buffer) => received.push(chunk));
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.server.address() as AddressInfo;
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({ envelope: { from: email.from, to: [email.to] }, raw: email.raw });
      const parsed = await simpleParser(Buffer.concat(received));
      expect(parsed.subject).toBe('Ditt meddelande från oss skickades till fel e-postadress');
      expect(parsed.text).toContain('INC-2018-0042');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a line break or a second address in to or from before anything reaches a header', async () => {
    const injected = 'anna@x.se\r\nBcc: evil@example.com';
    await expect(buildCustomerNotice(report, { channel: 'email', to: injected })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options.to',
    });
    await expect(
      buildCustomerNotice(report, { channel: 'email', from: 'kundservice@nordkabel.se, evil@example.com' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'options.from' });
  });

  it('refuses a report whose addresses are not single addresses', async () => {
    const injected = 'anna@x.se\r\nBcc: evil@example.com';
    const misdirected = { intended: injected, actual: 'anna.svensson185@gmail.com' };
    for (const [broken, field] of [
      [{ ...report, incident: { ...report.incident, misdirected } }, 'report.incident.misdirected.intended'],
      [{ ...report, provider: { ...report.provider, noticeFrom: injected } }, 'report.provider.noticeFrom'],
      [{ ...report, contact: { ...report.contact, email: injected } }, 'report.contact.email'],
    ] as const) {
      await expect(buildCustomerNotice(broken, { channel: 'email' })).rejects.toMatchObject({ field });
    }
    expect(() =>
      createIncidentReport({ ...seedCase, misdirected: { ...misdirected, actual: 'Eve <eve@example.com>' } }),
    ).toThrow(/input\.misdirected\.intended.*input\.misdirected\.actual/);
  });

  it('writes the bare address into the headers and the envelope', async () => {
    const email = await buildCustomerNotice(report, {
      channel: 'email',
      to: ' Anna.Svensson1985@GMAIL.com ',
      from: 'Kundservice@Nordkabel.SE',
    });
    expect(email.to).toBe('Anna.Svensson1985@gmail.com');
    expect(email.from).toBe('Kundservice@nordkabel.se');
    const parsed = await simpleParser(email.raw);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { address: 'Anna.Svensson1985@gmail.com', name: '' },
    ]);
    expect(parsed.headers.has('bcc')).toBe(false);
  });

  it('asks for the customer’s address when the report has none', async () => {
    const { misdirected: _misdirected, ...incident } = report.incident;
    await expect(buildCustomerNotice({ ...report, incident }, { channel: 'email' })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(buildCustomerNotice({ ...report, incident }, { channel: 'email' })).rejects.toMatchObject({
      field: 'options.to',
    });
  });
});
