import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  type CreateIncidentReportInput,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

/** A Swedish web shop under the GDPR alone; the confirmation listed health products. */
const retailer: CreateIncidentReportInput = {
  reference: 'HS-2024-117',
  provider: { name: 'Hälsoshoppen i Norden AB', organisationNumber: '559012-3456', country: 'SE' },
  contact: { name: 'Lena Ek', role: 'dataskyddsombud', email: 'dpo@halsoshoppen.se', phone: '08-555 123 40' },
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:12:00+02:00',
  detectedAt: '2024-10-01T11:40:00+02:00',
  circumstances: 'misdirected-email',
  misdirected: {
    intended: 'goran.lind@telia.com',
    actual: 'goran.lind@telia.se',
    subject: 'Din order 88412',
  },
  dataCategories: ['name', 'postal-address', 'order-details', 'health'],
  dataContent: 'Orderbekräftelse med namn, leveransadress, en blodsockermätare och inkontinensskydd.',
  dataSubjects: 1,
  recipient: 'unknown-individual',
};

/** A telecom case in 2023 where the stranger confirmed deleting the message within the hour. */
const telecom: CreateIncidentReportInput = {
  ...seedCase,
  reference: 'INC-2023-0310',
  occurredAt: '2023-03-10T10:02:00+01:00',
  detectedAt: '2023-03-10T10:20:00+01:00',
  recipientConfirmedDeletion: true,
};

describe('the authority and the law in the report', () => {
  it('files the seed case of 23 February 2018 with PTS under lag (2003:389) and 611/2013, without a GDPR deadline', () => {
    const report = createIncidentReport(seedCase, { now });
    expect(report.authorities?.map((finding) => [finding.regime, finding.authority?.id])).toEqual([
      ['eprivacy', 'se-pts'],
      ['gdpr', 'se-imy'],
    ]);
    expect(report.decision?.notifyAuthorityUnder).toEqual(['eprivacy']);
    expect(report.assessment.deadlines.some((deadline) => deadline.article.startsWith('GDPR'))).toBe(false);
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(text).toMatch(
      /^INTEGRITETSINCIDENT – RAPPORT OM INCIDENTEN DEN 23 FEBRUARI 2018\n\nMottagare\n {2}Post- och telestyrelsen \(PTS\)\n/,
    );
    expect(text).toContain(
      'En integritetsincident anmäls enligt 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation och kommissionens förordning (EU) nr 611/2013',
    );
    expect(text).toContain(
      'Förordning (EU) nr 611/2013 art. 2.2: inom 24 timmar från upptäckten (senast 2018-02-24 kl. 13.45 CET)',
    );
    expect(text).toContain(
      'Personuppgiftslagen (1998:204), som gällde då, hade ingen allmän skyldighet att anmäla',
    );
    expect(text).toContain(
      'förteckning över integritetsincidenter (6 kap. 4 c § lagen (2003:389) om elektronisk kommunikation)',
    );
    expect(text).not.toMatch(/72 timmar|art\. 33\.1/);
  });

  it('files a retailer’s breach of health data with IMY under the GDPR, in a controller’s words', () => {
    const report = createIncidentReport(retailer, { now: '2024-10-01T13:00:00+02:00' });
    expect(report.decision).toMatchObject({ risk: 'high', notifyAuthority: true, notifyDataSubjects: true });
    expect(report.decision?.notifyAuthorityUnder).toEqual(['gdpr']);
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(text).toMatch(
      /^PERSONUPPGIFTSINCIDENT – RAPPORT OM INCIDENTEN DEN 1 OKTOBER 2024\n\nMottagare\n {2}Integritetsskyddsmyndigheten \(IMY\)\n/,
    );
    expect(text).toContain('\nPersonuppgiftsansvarig\n  Hälsoshoppen i Norden AB');
    expect(text).toContain('\nAntal berörda registrerade\n  En berörd registrerad.');
    expect(text).toContain('Information till de registrerade');
    expect(text).toContain(
      'Hälsoshoppen i Norden AB är personuppgiftsansvarig för uppgifterna. En personuppgiftsincident anmäls enligt dataskyddsförordningen art. 33 och 34',
    );
    expect(text).toContain(
      'Dataskyddsförordningen art. 33.1: utan onödigt dröjsmål och om möjligt inom 72 timmar från kännedom (senast 2024-10-04 kl. 11.40 CEST)',
    );
    expect(text).not.toMatch(/Tjänsteleverantör|abonnent|integritetsincident/i);
  });

  it('writes times as a Swedish authority does, kl. 13.36', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase, { now }), { locale: 'sv' });
    expect(text).toContain('Inträffade: 2018-02-23 kl. 13.36 CET');
    expect(text).not.toMatch(/kl\. \d{2}:\d{2}/);
  });
});

describe('the officer’s judgment', () => {
  const judgment = {
    by: 'Karin Berg, dataskyddsombud',
    at: '2023-03-10T11:30:00+01:00',
    reason:
      'Mottagaren ringde själv in, är en privatperson utan koppling till kunden och bekräftade skriftligen inom en timme att meddelandet raderats utan att ha vidarebefordrats.',
    risk: 'unlikely' as const,
    notifyDataSubjects: false,
  };

  it('computes a risk for the telecom case with confirmed deletion: PTS and IMY, a courtesy call recommended', () => {
    const report = createIncidentReport(telecom, { now: '2023-03-10T11:45:00+01:00' });
    expect(report.assessment.recommendations.map((recommendation) => recommendation.code)).toEqual([
      'courtesy-notice',
    ]);
    expect(report.decision).toMatchObject({
      risk: 'risk',
      notifyAuthority: true,
      notifyDataSubjects: false,
      notifyAuthorityUnder: ['eprivacy', 'gdpr'],
      judged: [],
    });
  });

  it('uses the judgment for the decision and the notice, and shows it beside the computed conclusion', () => {
    const report = createIncidentReport({ ...telecom, judgment }, { now: '2023-03-10T11:45:00+01:00' });
    expect(report.assessment.risk).toBe('risk');
    expect(report.decision).toEqual({
      risk: 'unlikely',
      notifyAuthority: true,
      notifyDataSubjects: false,
      notifyAuthorityUnder: ['eprivacy'],
      judged: ['risk'],
      warnings: [],
    });
    expect(report.subscriberNotice.required).toBe(false);
    expect(report.judgment?.at).toBe('2023-03-10T10:30:00.000Z');

    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const conclusion = text.slice(text.indexOf('\nSlutsats\n'), text.indexOf('\nTidslinje\n'));
    expect(conclusion).toContain(
      'Beräknad bedömning: incidenten medför en risk, men inte en hög risk, för den berördes rättigheter och friheter. Anmälan till tillsynsmyndigheten: ja. Underrättelse till den berörde: nej.',
    );
    expect(conclusion).toContain(
      'Den ansvarigas bedömning, Karin Berg, dataskyddsombud (2023-03-10 kl. 11.30 CET): det är osannolikt att incidenten medför en risk för den berördes rättigheter och friheter; den berörde ska inte underrättas. Motivering: Mottagaren ringde själv in',
    );
    expect(conclusion).toContain(
      'Slutsats enligt den ansvarigas bedömning: det är osannolikt att incidenten medför en risk för den berördes rättigheter och friheter. Incidenten ska anmälas till PTS senast 2023-03-11 kl. 10.20 CET, och den berörde underrättas inte.',
    );
    // The deadlines that remain are those of the notifications made: PTS's 24 hours, not IMY's 72.
    expect(text).toContain('Förordning (EU) nr 611/2013 art. 2.2: inom 24 timmar');
    expect(text).not.toContain('art. 33.1: utan onödigt dröjsmål');
    expect(text).not.toContain('art. 3.1: utan onödigt dröjsmål');
    expect(text).toMatch(/\nMottagare\n {2}Post- och telestyrelsen \(PTS\)\n\n/);

    for (const format of ['markdown', 'html'] as const) {
      const rendered = renderIncidentReport(report, { locale: 'en', format });
      expect(rendered).toContain('The responsible person’s judgment, Karin Berg, dataskyddsombud');
      expect(rendered).toContain(
        'Computed assessment: the breach is likely to result in a risk, but not a high risk',
      );
    }
  });

  it('keeps the notification to PTS when the judgment says the authority is not notified: 611/2013 has no risk exception', () => {
    const report = createIncidentReport(
      {
        ...telecom,
        judgment: { by: 'Karin Berg', reason: 'Raderat inom en timme.', notifyAuthority: false },
      },
      { now: '2023-03-10T11:45:00+01:00' },
    );
    // The judgment lowers the GDPR side only (IMY); PTS is notified whatever the risk.
    expect(report.decision).toMatchObject({ notifyAuthority: true, notifyAuthorityUnder: ['eprivacy'] });
    expect(report.decision?.warnings).toEqual([
      { code: 'eprivacy-always-notified', source: 'Regulation 611/2013 Art. 2(1)' },
    ]);
    const swedish = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(swedish).not.toContain('anmäls inte till någon tillsynsmyndighet');
    expect(swedish).toContain('Incidenten ska anmälas till PTS senast 2023-03-11 kl. 10.20 CET');
    expect(swedish).toContain(
      'Den ansvarigas bedömning att incidenten inte ska anmälas gäller bara anmälan enligt dataskyddsförordningen: en leverantör av allmänt tillgängliga elektroniska kommunikationstjänster ska anmäla varje integritetsincident till PTS, oavsett risk',
    );
    const english = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(english).not.toContain('not notified to any authority');
    expect(english).toContain('The breach is to be notified to PTS by 11 March 2023, 10:20 CET');
    expect(english).toContain(
      'The responsible person’s judgment that the breach is not notified applies to the GDPR notification only: a provider of publicly available electronic communications services notifies every personal data breach to PTS, whatever the risk',
    );
  });

  it('refuses a judgment without who or why, or one that decides nothing', () => {
    const attempt = (given: unknown) => () =>
      createIncidentReport({ ...telecom, judgment: given } as CreateIncidentReportInput, { now });
    expect(attempt({ reason: 'x', risk: 'high' })).toThrow(/input\.judgment\.by/);
    expect(attempt({ by: 'Karin Berg', reason: ' ', risk: 'high' })).toThrow(/input\.judgment\.reason/);
    expect(attempt({ by: 'Karin Berg', reason: 'x' })).toThrow(InvalidInputError);
  });
});

describe('the notice section follows the decision', () => {
  it('says the data subjects are not told when the officer decided so, instead of claiming they are', () => {
    const report = createIncidentReport(
      {
        ...telecom,
        judgment: {
          by: 'Karin Berg, dataskyddsombud',
          reason: 'Raderat inom en timme.',
          notifyDataSubjects: false,
        },
      },
      { now: '2023-03-10T11:45:00+01:00' },
    );
    const text = renderIncidentReport(report, { locale: 'sv' });
    const notice = text.slice(
      text.indexOf('\nUnderrättelse till berörda'),
      text.indexOf('\nBerörda i andra'),
    );
    expect(notice).toContain('Den berörde underrättas inte, enligt den ansvarigas bedömning (se Slutsats).');
    expect(notice).not.toMatch(/informeras|Sätt:/);
  });

  it('speaks of the data subjects in a controller’s report', () => {
    const text = renderIncidentReport(createIncidentReport(retailer, { now: '2024-10-01T13:00:00+02:00' }), {
      locale: 'sv',
    });
    expect(text).toContain('\nInformation till de registrerade\n  Den registrerade ska informeras.');
    expect(text).toContain('Informationen beskriver vad som hänt');
  });
});

describe('reportMisdirected', () => {
  it('carries the judgment, the timeline and the call into the report', async () => {
    const { reportMisdirected } = await import('../../src/incident/index.js');
    const result = await reportMisdirected(
      {
        message:
          'Date: Fri, 10 Mar 2023 10:02:00 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Tack\r\n\r\nHej Anna Svensson! Kundnummer: 4711023\r\n',
        intended: 'anna.svensson1985@gmail.com',
        actual: 'anna.svensson185@gmail.com',
        customer: { id: '4711023', name: 'Anna Svensson' },
        organisation: {
          ...seedCase.provider,
          country: 'SE',
          regimes: ['eprivacy', 'gdpr'],
          contact: seedCase.contact,
        },
        reference: 'INC-2023-0310',
        detectedAt: '2023-03-10T10:20:00+01:00',
        recipientConfirmedDeletion: true,
        judgment: { by: 'Karin Berg', reason: 'Raderat inom en timme.', risk: 'unlikely' },
        timeline: [
          { at: '2023-03-10T10:40:00+01:00', what: 'Mottagaren raderade meddelandet.', kind: 'contained' },
        ],
        customerCall: { at: '2023-03-10T11:00:00+01:00', answers: [{ question: 'Frågor?', answer: 'Nej.' }] },
        initialNotificationAt: '2023-03-10T12:00:00+01:00',
      },
      { now: '2023-03-10T12:30:00+01:00' },
    );
    expect(result.report.decision?.risk).toBe('unlikely');
    expect(result.report.authorities?.map((finding) => finding.authority?.abbreviation)).toEqual([
      'PTS',
      'IMY',
    ]);
    expect(result.report.timeline).toHaveLength(1);
    expect(result.report.customerCall?.answers).toHaveLength(1);
    expect(result.report.facts.initialNotificationAt).toBe('2023-03-10T11:00:00.000Z');
  });
});
