import { describe, expect, it } from 'vitest';
import { type IncidentReport, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput } from './shared-fixtures.js';

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
    'the people concerned are not told',
    'The rules do not require a notice',
    'The law does not require telling the customer here',
  ],
  sv: [
    'Ingen tillsynsmyndighet',
    'Anmäls: nej.',
    'Sammantaget bedöms det som osannolikt',
    'Det är osannolikt att incidenten medför en risk',
    'de registrerade informeras inte',
    'Underrättelse krävs inte enligt reglerna',
    'Lagen kräver inte att kunden informeras här',
  ],
} as const;

const open = {
  en: [
    'Not yet decided: which personal data the message held is not known',
    'Notified: not yet decided',
    'The risk is not yet assessed',
    'Whether the people concerned are told is not yet decided',
  ],
  sv: [
    'Inte avgjort ännu: vilka personuppgifter meddelandet innehöll är inte känt',
    'Anmäls: inte avgjort ännu',
    'Risken är inte bedömd ännu',
    'Om de registrerade ska informeras är inte avgjort ännu',
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
