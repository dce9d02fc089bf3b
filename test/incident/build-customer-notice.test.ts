import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, createIncidentReport, type IncidentReport } from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const report: IncidentReport = createIncidentReport(
  {
    ...seedCase,
    provider: { ...seedCase.provider, noticeFrom: 'kundservice@nordkabel.se' },
    measures: [
      { id: 'recall-and-delete', status: 'done' },
      { id: 'profile-note', status: 'done' },
      { id: 'inform-customer', status: 'done' },
    ],
    customerCall: seedCustomerCall,
  },
  { now: '2018-02-23T15:10:00+01:00' },
);

describe('buildCustomerNotice', () => {
  it('writes the call script in Swedish: what happened, what was seen, what was done, what to ask', async () => {
    const script = await buildCustomerNotice(report, { channel: 'phone-script', locale: 'sv' });
    expect(script.steps.filter((step) => step.kind === 'ask')).toHaveLength(3);
    expect(script.text).toMatchInlineSnapshot(`
      "Hej, jag heter [ditt namn] och ringer från Nordkabel AB.

      Talar jag med kunden själv?
      [Svar: ]

      Innan jag berättar varför jag ringer behöver jag kontrollera att jag talar med rätt person. Kan du säga de fyra sista siffrorna i ditt personnummer eller ditt födelsedatum? (Fråga bara efter uppgifter som inte stod i det felskickade meddelandet, som de här: den som fick meddelandet har uppgifterna i det och kan utge sig för att vara kunden med dem. Jämför svaret med kundkortet. Kan personen inte svara: avsluta samtalet och ring upp på det telefonnummer som kundkortet hade före incidenten (inte ett nummer personen uppger nu). Läs aldrig upp en uppgift för personen att bekräfta, och säg inte personnummer, adress, e-postadress, telefonnummer eller vad meddelandet innehöll förrän kontrollen är klar.)

      (Om det inte är rätt person, eller svaren inte stämmer med kundkortet: säg bara att du hör av dig igen, säg ingenting om ärendet och lämna inget röstmeddelande om det. Anteckna att identiteten inte kunde kontrolleras, och underrätta kunden på annat sätt, till exempel med brev till adressen i kundkortet.)

      Den 23 februari 2018 kl. 13.36 skickade vi ett meddelande till dig (”Orderbekräftelse”), men det gick till fel e-postadress (en siffra saknades). Meddelandet kom därför till en annan person. Vi ber om ursäkt för det.

      Den personen har kunnat se de här uppgifterna om dig: namn, postadress, kundnummer och beställningar med priser.

      Vad det kan innebära för dig: personen känner nu till din adress och skulle kunna beställa varor i ditt namn. Med ditt namn och kundnummer skulle personen kunna ringa vår kundtjänst och utge sig för att vara du, för att få veta mer om dig eller göra ändringar och beställningar i ditt namn.

      Det här har vi gjort:
      - Vi har kontaktat personen som fick meddelandet och bett hen radera det.
      - Vi har lagt in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om ditt konto.
      - Personen som fick meddelandet har bekräftat för oss att det är raderat.

      Det här kan du vara uppmärksam på:
      - Var uppmärksam på post om varor eller tjänster som du inte har beställt.
      - Hör av dig till oss om du får bekräftelser på beställningar eller ändringar som du inte har gjort.
      - Om någon kontaktar dig och säger sig komma från oss, kan du alltid ringa upp oss på vårt vanliga nummer.

      Kan du komma på några andra följder för dig som vi behöver känna till?
      [Svar: ]

      Har du några frågor eller funderingar kring det här?
      [Svar: ]

      Du är alltid välkommen att ringa oss på 0771-40 40 40. Ange då referensnummer INC-2018-0042. Än en gång: vi ber om ursäkt.
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
      "Hello, my name is [your name] and I am calling from Nordkabel AB.

      Am I speaking to Anna?
      [Answer: ]

      Before I tell you why I am calling, I need to check that I am speaking to the right person. Could you tell me the last four digits of your personal identity number or your date of birth? (Ask only for details that were not in the misdirected message, as these: whoever received the message holds the details in it and could pose as the customer with them. Compare the answer with the customer record. If the person cannot answer: end the call and call back on the phone number the customer record held before the incident (not a number the person gives now). Never read a detail out for the person to confirm, and do not say the personal identity number, address, e-mail address, phone number or what the message said until the check is done.)

      (If it is not the right person, or the answers do not match the customer record: say only that you will be in touch again, say nothing about the matter and leave no voicemail about it. Note that the identity could not be checked, and tell the customer another way, for example by letter to the address in the customer record.)

      On 23 February 2018 at 13:36 we sent you a message (“Orderbekräftelse”), but it went to a wrong e-mail address (a digit was missing). The message therefore reached someone else. We are sorry.

      That person could see these details about you: name, postal address, customer number and orders with prices.

      What this could mean for you: The person now knows your address and could order goods in your name. With your name and customer number, that person could call our customer service pretending to be you, to learn more about you or to change or order things in your name.

      This is what we have done:
      - We contacted the person who received the message and asked them to delete it.
      - We added a note to your account so that we take extra care to check who we are speaking to when anyone contacts us about it.
      - The person who received the message has confirmed to us that it was deleted.

      What to watch for:
      - Watch for post about goods or services you did not order.
      - Let us know if you receive confirmations of orders or changes you did not make.
      - If anyone contacts you claiming to be from us, you can always call us back on our usual number.

      Can you think of any other consequences for you that we should know about?
      [Answer: ]

      Do you have any questions or concerns about this?
      [Answer: ]

      You are always welcome to call us on 0771-40 40 40. Please give the reference number INC-2018-0042. Once again, we are sorry.
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
    expect(parsed.subject).toBe('Uppgifter om dig skickades av misstag till en annan person');
    expect(parsed.from?.value).toEqual([{ name: 'Nordkabel AB', address: 'kundservice@nordkabel.se' }]);
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
      expect(parsed.subject).toBe('Uppgifter om dig skickades av misstag till en annan person');
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

  it('says only what was done under what we have done, what is planned under what we will do, and never a proposed measure', async () => {
    const { measures: _measures, ...facts } = seedCase;
    const proposed = createIncidentReport({ ...facts, recipientConfirmedDeletion: false });
    expect(proposed.measures.every((measure) => measure.status === 'proposed')).toBe(true);
    const recallProposed = createIncidentReport({
      ...facts,
      recipientConfirmedDeletion: false,
      measures: [{ id: 'recall-and-delete', status: 'proposed' }],
    });
    for (const unagreed of [proposed, recallProposed]) {
      for (const locale of ['sv', 'en'] as const) {
        const email = await buildCustomerNotice(unagreed, { channel: 'email', locale });
        const script = await buildCustomerNotice(unagreed, { channel: 'phone-script', locale });
        for (const text of [email.text, script.text]) {
          expect(text).not.toMatch(/har vi gjort|what we have done|har kontaktat|We contacted/);
          expect(text).not.toMatch(/kommer vi att|what we will do|We will/);
          expect(text).not.toMatch(/radera det|delete it|lösenord|password/);
        }
      }
    }
    const mixed = createIncidentReport({
      ...seedCase,
      measures: [
        { id: 'recall-and-delete', status: 'done' },
        { id: 'new-password', status: 'planned' },
        { id: 'profile-note', status: 'proposed' },
        { id: 'seller-feedback', status: 'rejected' },
        { id: 'own', status: 'proposed', text: 'Vi överväger att byta e-postleverantör.' },
      ],
    });
    const email = await buildCustomerNotice(mixed, { channel: 'email', locale: 'sv' });
    const done = email.text.slice(
      email.text.indexOf('Det här har vi gjort:'),
      email.text.indexOf('Det här kommer vi'),
    );
    const planned = email.text.slice(
      email.text.indexOf('Det här kommer vi att göra:'),
      email.text.indexOf('Det här kan du'),
    );
    expect(done).toContain('Vi har kontaktat personen som fick meddelandet');
    expect(done).not.toContain('lösenord');
    expect(planned).toContain('Vi kommer att skicka ett nytt lösenord till dig');
    expect(email.text).not.toContain('notering');
    expect(email.text).not.toContain('Vi överväger att byta e-postleverantör.');
    expect(email.text).not.toMatch(/gått igenom|gå igenom/);
  });

  it('speaks to the customer: the consequence, an apology, times as people say them, no time zone read aloud', async () => {
    const email = await buildCustomerNotice(report, { channel: 'email', locale: 'sv', customerName: 'Anna' });
    expect(email.text).toContain('23 februari 2018 kl. 13.36');
    expect(email.text).not.toMatch(/CET|13:36|2018-02-23/);
    expect(email.text).toContain('ringa vår kundtjänst och utge sig för att vara du');
    expect(email.text).toContain('Vi ber om ursäkt');
    expect(email.text).not.toMatch(/\bkunden\b|säljare/);
    const english = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(english.text).toContain('23 February 2018 at 13:36');
    expect(english.text).toContain('call our customer service pretending to be you');
    expect(english.text).toContain('We are sorry');
    expect(english.text).not.toMatch(/\bthe customer\b|seller|CET/);
  });

  it('checks who answered before the call says anything about the matter', async () => {
    const script = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'sv',
      customerName: 'Anna Svensson',
    });
    expect(script.steps[1]).toMatchObject({
      kind: 'ask',
      text: expect.stringMatching(/^Talar jag med Anna Svensson\?/),
    });
    expect(script.steps.findIndex((step) => step.text.includes('en annan person'))).toBeGreaterThan(1);
  });

  it('writes the seed case’s e-mail in Swedish and English', async () => {
    const seed = createIncidentReport(
      { ...seedCase, provider: { ...seedCase.provider, noticeFrom: 'kundservice@nordkabel.se' } },
      { now: '2018-02-23T15:10:00+01:00' },
    );
    const swedish = await buildCustomerNotice(seed, {
      channel: 'email',
      locale: 'sv',
      customerName: 'Anna Svensson',
    });
    expect(`${swedish.subject}\n\n${swedish.text}`).toMatchInlineSnapshot(`
      "Uppgifter om dig skickades av misstag till en annan person

      Hej Anna Svensson,

      Den 23 februari 2018 kl. 13.36 skickade vi ett meddelande till dig (”Orderbekräftelse”), men det gick till fel e-postadress (en siffra saknades). Meddelandet kom därför till en annan person. Vi ber om ursäkt för det.

      Den personen har kunnat se de här uppgifterna om dig: namn, postadress, kundnummer och beställningar med priser.

      Vad det kan innebära för dig: personen känner nu till din adress och skulle kunna beställa varor i ditt namn. Med ditt namn och kundnummer skulle personen kunna ringa vår kundtjänst och utge sig för att vara du, för att få veta mer om dig eller göra ändringar och beställningar i ditt namn.

      Det här har vi gjort:
      - Vi har kontaktat personen som fick meddelandet och bett hen radera det.
      - Vi har tagit bort den felaktiga e-postadressen och lagt in din rätta adress.
      - Vi har lagt in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om ditt konto.
      - Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.
      - Personen som fick meddelandet har bekräftat för oss att det är raderat.

      Det här kommer vi att göra:
      - Vi kommer att skicka ett nytt lösenord till dig.

      Det här kan du vara uppmärksam på:
      - Var uppmärksam på post om varor eller tjänster som du inte har beställt.
      - Hör av dig till oss om du får bekräftelser på beställningar eller ändringar som du inte har gjort.
      - Om någon kontaktar dig och säger sig komma från oss, kan du alltid ringa upp oss på vårt vanliga nummer.

      Har du frågor är du välkommen att ringa oss på 0771-40 40 40. Ange referensnummer INC-2018-0042.

      Vänliga hälsningar
      Nordkabel AB
      "
    `);
    const english = await buildCustomerNotice(seed, {
      channel: 'email',
      locale: 'en',
      customerName: 'Anna Svensson',
    });
    expect(`${english.subject}\n\n${english.text}`).toMatchInlineSnapshot(`
      "Details about you were sent to someone else by mistake

      Dear Anna Svensson,

      On 23 February 2018 at 13:36 we sent you a message (“Orderbekräftelse”), but it went to a wrong e-mail address (a digit was missing). The message therefore reached someone else. We are sorry.

      That person could see these details about you: name, postal address, customer number and orders with prices.

      What this could mean for you: The person now knows your address and could order goods in your name. With your name and customer number, that person could call our customer service pretending to be you, to learn more about you or to change or order things in your name.

      This is what we have done:
      - We contacted the person who received the message and asked them to delete it.
      - We removed the wrong e-mail address and entered your correct one.
      - We added a note to your account so that we take extra care to check who we are speaking to when anyone contacts us about it.
      - We checked that no password or login link was sent to the wrong address.
      - The person who received the message has confirmed to us that it was deleted.

      This is what we will do:
      - We will send you a new password.

      What to watch for:
      - Watch for post about goods or services you did not order.
      - Let us know if you receive confirmations of orders or changes you did not make.
      - If anyone contacts you claiming to be from us, you can always call us back on our usual number.

      If you have questions, call us on 0771-40 40 40 and give the reference number INC-2018-0042.

      Kind regards
      Nordkabel AB
      "
    `);
  });
});
