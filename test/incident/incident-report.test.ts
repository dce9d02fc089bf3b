import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  type CreateIncidentReportInput,
  createIncidentReport,
  IncidentReportSchema,
  incidentReportJsonSchema,
  misdirectedEmailMeasureIds,
  renderIncidentReport,
  reportHeadings,
} from '../../src/incident/index.js';
import { fixtureDecisions } from './fixture-decisions.js';
import { seedCase as input } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
// The measures for a letter, and asking the recipient again (only after a failed request): not
// proposed for an e-mail at first.
const letterMeasures: ReadonlySet<string> = new Set([
  'return-or-destroy-letter',
  'correct-postal-address',
  'contact-recipient-again',
]);

describe('createIncidentReport', () => {
  it('proposes the usual measures for a misdirected e-mail, for the caller to confirm', () => {
    // Without a confirmed deletion, which makes asking for it done.
    const { measures: _given, recipientConfirmedDeletion: _deleted, ...rest } = input;
    const report = createIncidentReport(rest, { now });
    // No login in the data: no new password to send and no link or code to invalidate (see the next
    // test); no attachment's password sent with it.
    expect(report.measures.map((measure) => measure.id)).toEqual(
      misdirectedEmailMeasureIds.filter(
        (id) =>
          id !== 'new-password' &&
          id !== 'invalidate-login' &&
          id !== 'retire-attachment-password' &&
          !letterMeasures.has(id),
      ),
    );
    expect(report.measures.every((measure) => measure.status === 'proposed')).toBe(true);
  });

  it('proposes a new password only where login details were in the data', () => {
    const { measures: _given, recipientConfirmedDeletion: _deleted, ...rest } = input;
    const report = createIncidentReport(
      { ...rest, dataCategories: [...rest.dataCategories, 'credentials'] },
      { now },
    );
    expect(report.measures.map((measure) => measure.id)).toEqual(
      misdirectedEmailMeasureIds.filter(
        (id) => id !== 'retire-attachment-password' && !letterMeasures.has(id),
      ),
    );
  });

  it.each([
    ['en', 'The recipient of the misdirected letter is to be contacted and asked to return or destroy it'],
    [
      'sv',
      'Mottagaren av det felskickade brevet ska kontaktas och ombes skicka tillbaka det eller förstöra det',
    ],
  ] as const)(
    'proposes asking for a misdirected letter back and correcting the postal address (%s)',
    (locale, said) => {
      const { measures: _given, recipientConfirmedDeletion: _deleted, ...rest } = input;
      const report = createIncidentReport({ ...rest, circumstances: 'misdirected-post' }, { now, locale });
      expect(report.measures.map((measure) => measure.id)).toEqual([
        'return-or-destroy-letter',
        'correct-postal-address',
        'profile-note',
        'inform-customer',
        'seller-feedback',
      ]);
      expect(renderIncidentReport(report, { locale }).replace(/\s+/g, ' ')).toContain(said);
    },
  );

  it('proposes neither asking for a published letter back nor correcting an address', () => {
    const { measures: _given, recipientConfirmedDeletion: _deleted, ...rest } = input;
    const report = createIncidentReport(
      { ...rest, circumstances: 'misdirected-post', recipient: 'public' },
      { now },
    );
    expect(report.measures.map((measure) => measure.id)).toEqual([
      'profile-note',
      'inform-customer',
      'seller-feedback',
    ]);
  });

  it('keeps the measures the caller confirmed or edited, with each usual proposal they did not name beside them', () => {
    const own = { id: 'own', status: 'done', text: 'Säljaren har gått en utbildning.' } as const;
    const { measures: _given, ...facts } = input;
    const proposals = createIncidentReport(facts, { now }).measures;
    expect(proposals.length).toBeGreaterThan(0);
    const report = createIncidentReport({ ...input, measures: [own] }, { now });
    expect(report.measures).toEqual([own, ...proposals]);
  });

  it('proposes no usual measure again that the caller gave or declined', () => {
    const report = createIncidentReport(
      {
        ...input,
        measures: [
          { id: 'profile-note', status: 'done' },
          { id: 'seller-feedback', status: 'rejected', reason: 'Ingen säljare var inblandad.' },
        ],
      },
      { now },
    );
    const ids = report.measures.map((measure) => `${measure.id}: ${measure.status}`);
    expect(ids.filter((id) => id.startsWith('profile-note'))).toEqual(['profile-note: done']);
    expect(ids.filter((id) => id.startsWith('seller-feedback'))).toEqual(['seller-feedback: rejected']);
    expect(ids).toContain('correct-address: proposed');
  });

  it('stores every time as UTC ISO 8601 and the assessment with it', () => {
    const report = createIncidentReport(input, { now });
    expect(report.incident.occurredAt).toBe('2018-02-23T12:36:00.000Z');
    expect(report.createdAt).toBe('2018-02-23T14:10:00.000Z');
    expect(report.assessment.notifyAuthority).toBe(true);
    expect(IncidentReportSchema.safeParse(report).success).toBe(true);
  });

  it('rejects an incomplete report with the path of each missing field', () => {
    const { contact: _contact, detectedAt: _detected, ...incomplete } = input;
    const attempt = () =>
      createIncidentReport({ ...incomplete, provider: {} } as unknown as CreateIncidentReportInput, { now });
    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
      expect((error as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'input.provider.name',
        'input.contact',
        'input.detectedAt',
      ]);
    }
  });

  it('rejects a time without an explicit offset, which would depend on the machine', () => {
    expect(() => createIncidentReport({ ...input, occurredAt: '2018-02-23T13:36:00' }, { now })).toThrow(
      /input\.occurredAt/,
    );
  });

  it('publishes its shape as JSON Schema', () => {
    const schema = incidentReportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['reference', 'incident', 'data', 'measures']));
  });
});

describe('renderIncidentReport', () => {
  // The fixture decisions, not the built-in table: the rendering stays the same as the corpus grows.
  const report = createIncidentReport(input, { now, decisions: fixtureDecisions });

  it('rejects an incomplete report naming the missing fields', () => {
    const { reference: _reference, ...broken } = report;
    expect(() =>
      renderIncidentReport({ ...broken, incident: { ...report.incident, detectedAt: '' } } as never),
    ).toThrow(/report\.reference.*report\.incident\.detectedAt/);
  });

  it('uses every heading of the Swedish regulator’s form', () => {
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    for (const heading of Object.values(reportHeadings.sv).slice(1)) expect(text).toContain(`\n${heading}\n`);
  });

  it('renders the Swedish report as text', () => {
    expect(renderIncidentReport(report, { locale: 'sv', format: 'text' })).toMatchInlineSnapshot(`
      "INTEGRITETSINCIDENT – RAPPORT OM INCIDENTEN DEN 23 FEBRUARI 2018

      Mottagare
        Post- och telestyrelsen (PTS)

      Typ av anmälan
        Första anmälan.
        Upprättad 2018-02-23 kl. 15.10 CET.

      Tillsynsmyndighet och rättslig grund
        Post- och telestyrelsen (PTS): Nordkabel AB tillhandahåller allmänt tillgängliga elektroniska kommunikationstjänster, och incidenten gäller uppgifter som behandlas i den verksamheten. En integritetsincident anmäls enligt 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation och kommissionens förordning (EU) nr 611/2013, i den lydelse som gällde när incidenten inträffade (23 februari 2018). Ska anmälas senast 2018-02-24 kl. 13.45 CET.
        Incidenten förs in i leverantörens förteckning över integritetsincidenter (6 kap. 4 c § lagen (2003:389) om elektronisk kommunikation).
        Datainspektionen: dataskyddsförordningen tillämpas först från den 25 maj 2018, efter incidenten (23 februari 2018). Personuppgiftslagen (1998:204), som gällde då, hade ingen allmän skyldighet att anmäla personuppgiftsincidenter. Anmäls: nej.

      Tjänsteleverantör
        Nordkabel AB (org.nr 556677-8899)

      Kontaktpunkt
        Karin Berg, dataskyddsombud, dpo@nordkabel.se, 08-123 456 00

      Datum för när incidenten inträffade respektive upptäcktes
        Inträffade: 2018-02-23 kl. 13.36 CET
        Upptäcktes: 2018-02-23 kl. 13.45 CET

      Antal berörda abonnenter eller användare
        En berörd abonnent.

      Beskrivning av incidenten
        Ett e-postmeddelande med ämnet ”Orderbekräftelse” som skulle till kundens adress anna.svensson1985@gmail.com skickades till anna.svensson185@gmail.com, som tillhör en annan person. Den personen har därmed kunnat läsa kundens uppgifter.

      Berörda uppgifternas art och innehåll
        Meddelandet ”Orderbekräftelse” innehöll: namn, postadress, kundnummer och beställningar med priser.

      Orsak
        Orsaken har inte registrerats ännu.

      Bedömda konsekvenser för berörda abonnenter och/eller användare
        Adressen kan användas för oönskade kontakter eller för att beställa varor i kundens namn.
        Med namn och kundnummer kan någon ringa kundtjänst, utge sig för att vara kunden, ta del av fler uppgifter och göra ändringar eller beställningar.
        Uppgifterna om beställningar och priser visar vad kunden köper och betalar.
        Sammantaget bedöms incidenten medföra en risk, men inte en hög risk, för den berördes rättigheter och friheter.

      Åtgärder
        Mottagaren har bekräftat att meddelandet är raderat.
        - Mottagaren av det felskickade meddelandet har kontaktats och ombetts radera det.
        - Den felaktiga e-postadressen har tagits bort och kundens rätta adress har lagts in.
        - En notering i kundprofilen anger att den som ringer om kundens konto ska identifieras extra noggrant.
        - Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.
        - Ett nytt lösenord ska beställas till kunden. (planerad)
        - När orsaken har registrerats ska den återkopplas till de inblandade, så att den inte upprepas. (föreslagen)
        - Det rekommenderas att informera kunden som en service, även om lagen inte kräver det här, så att kunden kan vara uppmärksam på missbruk av uppgifterna (dataskyddsförordningen skäl 86). (föreslagen)

      Tekniska och organisatoriska skyddsåtgärder för de berörda uppgifterna
        Meddelandet skickades som vanlig, okrypterad e-post.

      Underrättelse till berörda abonnenter eller användare
        Rekommendation: lagen kräver inte att den berörde underrättas, men det rekommenderas att informera hen som en service, så att hen kan vara uppmärksam om någon utger sig för att vara hen, till exempel hos kundtjänst.
        Föreslaget sätt: telefon, e-post.

      Berörda i andra medlemsstater
        Inte angivet.

      Bedömning och tidsfrister
        Beräknad risk: incidenten medför en risk, men inte en hög risk, för den berördes rättigheter och friheter. Allvarlighetsgrad enligt ENISA: 2 × 1 + 0,25 = 2,25.
        - Förordning (EU) nr 611/2013 art. 2.2: inom 24 timmar från upptäckten (senast 2018-02-24 kl. 13.45 CET)
        - Förordning (EU) nr 611/2013 art. 2.3: fullständig anmälan inom tre dagar efter den första, om den första saknade uppgifter
        - Direktiv 2002/58/EG art. 4.4: dokumenteras alltid, oavsett anmälan
        - Där tillsynsmyndigheterna bedömer olika tillämpas EDPB:s och de flesta myndigheters läsning. [EDPB:s riktlinjer 01/2021 om exempel på anmälan av personuppgiftsincidenter och 9/2022 om anmälan av personuppgiftsincidenter]
        - Namn tillsammans med kundnummer räcker för att utge sig för att vara kunden hos kundtjänst. [ENISA:s metod för att bedöma personuppgiftsincidenters allvar (2013), avsnitt 3.1; dataskyddsförordningen skäl 85]
        - Allvarlighetsgrad enligt ENISA: 2 × 1 + 0,25 = 2,25 (medel). [ENISA:s rekommendationer om en metod för att bedöma hur allvarlig en personuppgiftsincident är (2013), avsnitt 2]
        - Incidenten inträffade innan dataskyddsförordningen började tillämpas (2018-05-25): artiklarna 33 och 34 gäller inte, och anmälan till dataskyddsmyndigheten krävs inte enligt dem. [Dataskyddsförordningen art. 99.2]
        - Som leverantör av elektroniska kommunikationstjänster ska varje personuppgiftsincident anmälas till tillsynsmyndigheten, oavsett risk. [Förordning (EU) nr 611/2013 art. 2.1]
        - Incidenten kan inte antas påverka abonnentens personuppgifter eller integritet negativt (EDPB:s och de flesta myndigheters läsning): att underrätta abonnenten är inte obligatoriskt. [Förordning (EU) nr 611/2013 art. 3.1 och 3.2]

      Jämförbara beslut från tillsynsmyndigheter
        Publicerade beslut om liknande incidenter, de närmaste först:
        - FIXTURE (SE), Testfall: en teleoperatörs orderbekräftelse med en kunds namn, adress och beställning gick till en främlings e-postadress, 2026-12-01 (beslutat enligt förordning 611/2013 och dataskyddsförordningen): anmälan till myndigheten: ja; underrätta de berörda: nej. Jämförelse: samma slags mottagare (en privatperson utanför organisationen); samma slags uppgifter (namn och kontaktuppgifter, beställningar); ett liknande antal berörda (en person); där raderades eller återfanns uppgifterna inte; myndigheten drog samma slutsats om anmälan som denna bedömning. test/incident/fixtures/breach-decisions/README.md
        - FIXTURE (SE), Testfall: en anställd mejlade en kunds namn och en anteckning om hälsan till fel kollega, som genast raderade den och bekräftade det, 2026-12-01 (beslutat enligt dataskyddsförordningen, artikel 33 och 34): anmälan till myndigheten: nej; underrätta de berörda: nej; risk: osannolik. Jämförelse: beslutat enligt dataskyddsförordningen, som ännu inte tillämpades när denna incident inträffade; där var mottagaren någon inom organisationen, en annan slags mottagare än här; där omfattade uppgifterna även hälsouppgifter, vilket inte har angetts här; ett liknande antal berörda (en person); uppgifterna raderades eller återlämnades, som här. test/incident/fixtures/breach-decisions/README.md
        - FIXTURE (SE), Testfall: två kunders handlingar med personnummer och kontouppgifter skickades till en annan bank med banksekretess, som intygade att den inte behöll någon kopia, 2026-12-01 (beslutat enligt dataskyddsförordningen, artikel 33 och 34): anmälan till myndigheten: ja; underrätta de berörda: ja; risk: hög. Jämförelse: beslutat enligt dataskyddsförordningen, som ännu inte tillämpades när denna incident inträffade; där var mottagaren en känd mottagare som kan hållas ansvarig, en annan slags mottagare än här; där omfattade uppgifterna även personnummer eller id-handling och ekonomiska uppgifter, vilket inte har angetts här; där berördes 2 personer, ett annat antal än här; uppgifterna raderades eller återlämnades, som här. test/incident/fixtures/breach-decisions/README.md

      Slutsats
        Incidenten medför en risk, men inte en hög risk, för den berördes rättigheter och friheter. Incidenten ska anmälas till PTS senast 2018-02-24 kl. 13.45 CET, och underrättelse krävs inte, men det rekommenderas att informera kunden som en service.

      Tidslinje
        - 2018-02-23 kl. 13.36 CET – Meddelandet skickades till fel adress.
        - 2018-02-23 kl. 13.45 CET – Incidenten upptäcktes.

      Internt referensnummer
        INC-2018-0042

      Medverkan av andra tjänsteleverantörer
        Inte angivet.

      Underskrift
        Ort och datum: ........................................
        Namnteckning: ........................................
        Namnförtydligande: Karin Berg, dataskyddsombud
        Nordkabel AB
      "
    `);
  });

  it('renders the English report as Markdown', () => {
    expect(renderIncidentReport(report, { locale: 'en', format: 'markdown' })).toMatchInlineSnapshot(`
      "# Personal data breach – report on the breach of 23 February 2018

      ## To

      Swedish Post and Telecom Authority (PTS)

      ## Type of notification

      First notification.

      Written 23 February 2018, 15:10 CET.

      ## Supervisory authority and legal basis

      Swedish Post and Telecom Authority (PTS): Nordkabel AB provides publicly available electronic communications services, and the breach concerns data processed in providing them. A personal data breach is notified under 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation and Commission Regulation (EU) No 611/2013, in force when the breach happened (23 February 2018). To be notified by 24 February 2018, 13:45 CET.

      The breach is entered in the provider’s own register of breaches (6 kap. 4 c § lagen (2003:389) om elektronisk kommunikation).

      Swedish Data Protection Authority: The GDPR applies only from 25 May 2018, after the breach (23 February 2018). Personuppgiftslagen (1998:204), in force then, had no general duty to notify personal data breaches. Notified: no.

      ## Provider

      Nordkabel AB (reg. no. 556677-8899)

      ## Contact point

      Karin Berg, dataskyddsombud, dpo@nordkabel.se, 08-123 456 00

      ## Date and time of the incident and of its detection

      Occurred: 23 February 2018, 13:36 CET

      Detected: 23 February 2018, 13:45 CET

      ## Number of subscribers or individuals concerned

      One subscriber concerned.

      ## Description of the incident

      An e-mail with the subject “Orderbekräftelse” meant for the customer’s address anna.svensson1985@gmail.com was sent to anna.svensson185@gmail.com, which belongs to someone else. That person could read the customer’s details.

      ## Nature and content of the personal data concerned

      The message “Orderbekräftelse” contained: name, postal address, customer number and orders with prices.

      ## Cause

      The cause has not been recorded yet.

      ## Likely consequences for the subscribers and/or individuals concerned

      The address could be used for unwanted contact or to order goods in the customer’s name.

      With the name and customer number, someone could call customer service as the customer, learn more about them and change or order services.

      The orders and prices show what the customer buys and pays.

      Overall, the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the person concerned.

      ## Measures

      The recipient confirmed that the message was deleted.

      - The recipient of the misdirected message was contacted and asked to delete it.
      - The wrong e-mail address was removed and the customer’s correct address entered.
      - A note on the customer profile asks staff to verify the identity of anyone calling about the account with extra care.
      - We checked that no password or login link was sent to the wrong address.
      - A new password is to be issued to the customer. (planned)
      - Once the cause is recorded, those involved are to be given feedback on it so that it is not repeated. (proposed)
      - Telling the customer as a courtesy is recommended, though the law does not require it here, so they can stay alert to misuse of their details (GDPR Recital 86). (proposed)

      ## Technical and organisational measures applied to the data concerned

      The message was sent as ordinary, unencrypted e-mail.

      ## Notification of the subscribers or individuals concerned

      Recommendation: The law does not require telling the person concerned, but telling them as a courtesy is recommended, so they can stay alert to someone posing as them, at customer service for example.

      Proposed means: phone, e-mail.

      ## Individuals in other Member States

      Not stated.

      ## Assessment and deadlines

      Computed risk: the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the person concerned. ENISA severity: 2 × 1 + 0.25 = 2.25.

      - Regulation 611/2013 Art. 2(2): within 24 hours of detection (by 24 February 2018, 13:45 CET)
      - Regulation 611/2013 Art. 2(3): complete notification within three days of the first, if the first was incomplete
      - Directive 2002/58/EC Art. 4(4): always documented, notified or not
      - Where supervisory authorities disagree, the reading of the EDPB and most authorities is applied. \\[EDPB Guidelines 01/2021 and 9/2022\\]
      - A name with a customer number is enough to pass as the customer when calling customer service. \\[ENISA 2013 section 3.1; GDPR Recital 85\\]
      - ENISA severity: 2 × 1 + 0.25 = 2.25 (medium). \\[ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches, section 2\\]
      - The breach happened before the GDPR applied (2018-05-25): Articles 33 and 34 do not apply, and they require no notification to the data protection authority. \\[GDPR Art. 99(2)\\]
      - As a provider of electronic communications services, every personal data breach is notified to the authority, whatever the risk. \\[Regulation 611/2013 Art. 2(1)\\]
      - The breach is not likely to adversely affect the subscriber’s personal data or privacy (the reading of the EDPB and most authorities): telling the subscriber is not mandatory. \\[Regulation 611/2013 Art. 3(1) and 3(2)\\]

      ## Comparable decisions of supervisory authorities

      Published decisions on similar breaches, the closest first:

      - FIXTURE (SE), Test fixture, not a published decision: the third error named in issue 10, 2026-12-01 (decided under Regulation 611/2013 and the GDPR): notify the authority: yes; tell the people: no. Compared: the same kind of recipient (a private person outside the organisation); the same kinds of data (names and contact details, orders); a similar number of people (one person); there the data was neither deleted nor recovered; the authority reached the same conclusion on notifying as this assessment. test/incident/fixtures/breach-decisions/README.md
      - FIXTURE (SE), Test fixture, not a published decision: the first error named in issue 10, 2026-12-01 (decided under the GDPR, Art. 33 and 34): notify the authority: no; tell the people: no; risk: unlikely. Compared: decided under the GDPR, which did not yet apply when this breach happened; there the recipient was someone inside the organisation, another kind than here; there the data also held health data, which was not recorded here; a similar number of people (one person); the data was deleted or returned, as here. test/incident/fixtures/breach-decisions/README.md
      - FIXTURE (SE), Test fixture, not a published decision: the second error named in issue 10, 2026-12-01 (decided under the GDPR, Art. 33 and 34): notify the authority: yes; tell the people: yes; risk: high. Compared: decided under the GDPR, which did not yet apply when this breach happened; there the recipient was a known recipient who can be held to account, another kind than here; there the data also held identity numbers and financial data, which was not recorded here; there 2 people were affected, another number than here; the data was deleted or returned, as here. test/incident/fixtures/breach-decisions/README.md

      ## Conclusion

      The breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the person concerned. The breach is to be notified to PTS by 24 February 2018, 13:45 CET, and no notice is required, but telling the customer as a courtesy is recommended.

      ## Timeline

      - 23 February 2018, 13:36 CET – The message was sent to the wrong address.
      - 23 February 2018, 13:45 CET – The breach was detected.

      ## Internal reference number

      INC-2018-0042

      ## Involvement of other providers

      Not stated.

      ## Signature

      Place and date: ........................................

      Signature: ........................................

      Name in print: Karin Berg, dataskyddsombud

      Nordkabel AB
      "
    `);
  });

  it('dates the complete notification three days after the first one once that is made', () => {
    const notified = createIncidentReport(
      { ...input, initialNotificationAt: '2018-02-23T16:00:00+01:00' },
      // Written after the first notification it records.
      { now: '2018-02-23T16:10:00+01:00' },
    );
    expect(renderIncidentReport(notified, { locale: 'en' })).toContain(
      'Regulation 611/2013 Art. 2(3): complete notification within three days of the first, if the first was incomplete (by 26 February 2018, 16:00 CET)',
    );
  });

  it('uses the caller’s headings where given', () => {
    const text = renderIncidentReport(report, { locale: 'en', headings: { cause: 'Root cause' } });
    expect(text).toContain('\nRoot cause\n');
    expect(text).toContain('\nDescription of the incident\n');
  });

  it('writes times in the zone it is asked for, naming it', () => {
    const text = renderIncidentReport(report, { locale: 'en', timeZone: 'Europe/London' });
    expect(text).toContain('Detected: 23 February 2018, 12:45 GMT');
  });

  it('escapes everything the caller gave in HTML', () => {
    const hostile = createIncidentReport(
      {
        ...input,
        reference: '<script>alert(1)</script>',
        description: 'A & B "quoted" <b>bold</b>',
        provider: { name: "O'Brien <Ltd>" },
      },
      { now },
    );
    const html = renderIncidentReport(hostile, { locale: 'en', format: 'html' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &lt;Ltd&gt;');
    expect(html).toContain('A &amp; B &quot;quoted&quot;');
  });

  it('renders the Swedish report as HTML', () => {
    const html = renderIncidentReport(report, { locale: 'sv', format: 'html' });
    expect(html.split('\n').slice(0, 6).join('\n')).toMatchInlineSnapshot(`
      "<!doctype html>
      <html lang="sv">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Integritetsincident – rapport om incidenten den 23 februari 2018 – INC-2018-0042</title>"
    `);
  });
});
