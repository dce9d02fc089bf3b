import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  type IncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
  reportMisdirected,
  reportMisdirectedSms,
} from '../../src/incident/index.js';
import { misdirectedInput, misdirectedSmsInput } from './shared-fixtures.js';

const now = '2026-11-02T15:00:00+01:00';
const detectedAt = '2026-11-02T12:00:00+01:00';
const head =
  'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nSubject: Order 8\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <a@butiken.se>\r\n';

/** A message to a stranger as a controller under the GDPR alone reports it, nothing else given. */
const reported = async (message: string, locale: 'sv' | 'en') =>
  (
    await reportMisdirected(
      {
        ...misdirectedInput,
        message,
        detectedAt,
        organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'] },
      },
      { locale, now },
    )
  ).report;

const rendered = (report: IncidentReport, locale: 'sv' | 'en') =>
  (['text', 'markdown', 'html'] as const).map((format) =>
    (renderIncidentReport(report, { locale, format }) as string).replace(/\s+/g, ' '),
  );

// What the computed assessment would conclude from a message with no data recognised in it.
const conclusions = {
  en: [
    'No supervisory authority',
    'Notified: no.',
    'Overall, the breach is unlikely',
    'The breach is unlikely to result in a risk',
    'the person concerned is not told',
    'The rules do not require a notice',
    'The law does not require telling the customer here',
  ],
  sv: [
    'Ingen tillsynsmyndighet',
    'Anmäls: nej.',
    'Sammantaget bedöms det som osannolikt',
    'Det är osannolikt att incidenten medför en risk',
    'den registrerade informeras inte',
    'Underrättelse krävs inte enligt reglerna',
    'Lagen kräver inte att kunden informeras här',
  ],
} as const;

const open = {
  en: [
    'Not yet decided: which personal data the message held is not known',
    'Notified: not yet decided',
    'The risk is not yet assessed',
    'Whether the person concerned is told is not yet decided',
  ],
  sv: [
    'Inte avgjort ännu: vilka personuppgifter meddelandet innehöll är inte känt',
    'Anmäls: inte avgjort ännu',
    'Risken är inte bedömd ännu',
    'Om den registrerade ska informeras är inte avgjort ännu',
  ],
} as const;

describe('a report of a message in which nothing personal could be read', () => {
  it.each([
    ['headers only', `${head}\r\n`],
    ['a body with no personal data', `${head}\r\nHej!\r\nTack.\r\n`],
  ])('leaves the risk and both notifications open until a person has read it (%s)', async (_, message) => {
    for (const locale of ['en', 'sv'] as const) {
      const report = await reported(message, locale);
      for (const text of rendered(report, locale)) {
        for (const stated of conclusions[locale]) expect(text).not.toContain(stated);
        for (const said of open[locale]) expect(text).toContain(said);
      }
    }
  });

  it('states the conclusions once the data it held is given', async () => {
    const report = (
      await reportMisdirected(
        {
          ...misdirectedInput,
          message: `${head}\r\n`,
          detectedAt,
          organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'] },
          dataCategories: ['name', 'order-details'],
          needsReview: [],
        },
        { locale: 'en', now },
      )
    ).report;
    const [text] = rendered(report, 'en');
    expect(text).toContain('No supervisory authority');
    expect(text).not.toContain('not yet decided');
  });
});

describe('a report of a message in which nothing personal could be read, everywhere it is read', () => {
  const headersOnly = `${head}\r\n`;

  it.each([
    ['en', ['risk unlikely', 'not notified', 'not told'], 'open until the message is reviewed'],
    ['sv', ['osannolik risk', 'anmäls inte', 'underrättas inte'], 'öppet tills meddelandet granskats'],
  ] as const)(
    'keeps the risk and the notifications open in the register line (%s)',
    async (locale, stated, open) => {
      const entry = incidentRegisterEntry(await reported(headersOnly, locale), { locale });
      for (const text of stated) expect(entry).not.toContain(text);
      expect(entry.split(open).length - 1).toBe(3);
    },
  );

  it.each([
    ['en', 'other data', 'content not yet established'],
    ['sv', 'övriga uppgifter', 'innehållet är inte fastställt ännu'],
  ] as const)(
    'says in the register line that the content is not yet established (%s)',
    async (locale, unsaid, said) => {
      const entry = incidentRegisterEntry(await reported(headersOnly, locale), { locale });
      expect(entry).not.toContain(unsaid);
      expect(entry).toContain(said);
    },
  );

  it('says in the data that the decision is provisional, and not once the data is given', async () => {
    const report = await reported(headersOnly, 'en');
    expect(report.decision?.provisional).toBe(true);
    const followUp = createFollowUpReport(report, { dataCategories: ['name'] }, { now });
    expect(followUp.decision?.provisional).toBeUndefined();
  });

  it('carries the unknown content into a follow-up that does not give the data', async () => {
    const report = await reported(headersOnly, 'en');
    const followUp = createFollowUpReport(
      report,
      { measures: [{ id: 'recall-and-delete', status: 'done' }] },
      { now },
    );
    expect(followUp.data.contentUnknown).toBe(true);
    expect(followUp.decision?.provisional).toBe(true);
    const [text] = rendered(followUp, 'en');
    expect(text).toContain('The risk is not yet assessed');
    expect(text).not.toContain('Overall, the breach is unlikely');
  });

  it('states the conclusions in a follow-up that gives the data, without the note that it is unknown', async () => {
    const report = await reported(headersOnly, 'en');
    const followUp = createFollowUpReport(report, { dataCategories: ['name', 'order-details'] }, { now });
    expect(followUp.data.contentUnknown).toBeUndefined();
    expect(followUp.data.content).toBeUndefined();
    const [text] = rendered(followUp, 'en');
    expect(text).toContain('No supervisory authority');
    expect(text).not.toContain('This conclusion is provisional');
    expect(followUp.facts.needsReview).toEqual([]);
  });

  it.each([
    [
      'en',
      [
        'same conclusion on notifying',
        'concluded otherwise',
        'decided differently',
        'matches this assessment',
      ],
    ],
    [
      'sv',
      [
        'samma slutsats om anmälan',
        'annan slutsats om anmälan',
        'beslutade annorlunda',
        'stämmer med denna bedömnings',
      ],
    ],
  ] as const)(
    'shows the precedents as what similar cases decided, not as agreeing or differing (%s)',
    async (locale, compared) => {
      const report = await reported(headersOnly, locale);
      expect(report.assessment.precedents.length).toBeGreaterThan(0);
      for (const text of rendered(report, locale)) {
        for (const phrase of compared) expect(text).not.toContain(phrase);
        expect(text).toContain(
          locale === 'en' ? 'with what the authority decided there' : 'med vad myndigheten beslutade där',
        );
      }
    },
  );

  it.each([
    ['en', 'This conclusion is provisional', 'the content of the message, in which'],
    ['sv', 'Slutsatsen är preliminär', 'meddelandets innehåll, där'],
  ] as const)(
    'calls no open conclusion provisional, nor names the unread content twice (%s)',
    async (locale, provisional, content) => {
      for (const text of rendered(await reported(headersOnly, locale), locale)) {
        expect(text).not.toContain(provisional);
        // Once, as the item left to review among the reasons; not again under the conclusion.
        expect(text.split(content).length - 1).toBe(1);
      }
    },
  );

  it('leaves the conclusions open for a text message in which nothing personal could be read', async () => {
    const { report } = await reportMisdirectedSms(
      { ...misdirectedSmsInput, text: 'Hej! Välkommen som kund.' },
      { now: '2024-10-02T09:00:00+02:00' },
    );
    expect(report.data.contentUnknown).toBe(true);
    expect(report.decision?.provisional).toBe(true);
    expect(renderIncidentReport(report, { locale: 'en', format: 'text' })).toContain(
      'The risk is not yet assessed',
    );
  });
});

describe('the customer notice of a message in which nothing personal could be read', () => {
  const headersOnly = `${head}\r\n`;

  it.each([
    [
      'en',
      ['other data', 'could see these details', 'What this could mean'],
      'still establishing which details',
    ],
    [
      'sv',
      ['övriga uppgifter', 'har kunnat se de här uppgifterna', 'Vad det kan innebära'],
      'håller fortfarande på att ta reda på vilka uppgifter',
    ],
  ] as const)(
    'names no kind of data in the e-mail or the phone script (%s)',
    async (locale, unsaid, said) => {
      const { notices } = await reportMisdirected(
        {
          ...misdirectedInput,
          message: headersOnly,
          detectedAt,
          organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'] },
        },
        { locale, now },
      );
      for (const text of [notices.email?.text ?? '', notices.phoneScript.text]) {
        for (const words of unsaid) expect(text).not.toContain(words);
        expect(text.replace(/\s+/g, ' ')).toContain(said);
      }
    },
  );
});
