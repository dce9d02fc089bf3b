import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

const { recipientConfirmedDeletion: _deleted, measures: _measures, ...facts } = seedCase;
const now = '2026-11-30T12:00:00+01:00';

// A Swedish shop with customers in the United Kingdom as well: a breach notified under the GDPR to IMY
// (Art. 33(1)) and under the UK GDPR to the ICO (Art. 33(1), Data Protection Act 2018), each on its own.
const shop = (provider: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  createIncidentReport(
    {
      ...facts,
      regimes: ['gdpr'],
      provider: { ...facts.provider, ...provider },
      occurredAt: '2026-11-30T11:00:00+01:00',
      detectedAt: '2026-11-30T11:40:00+01:00',
      dataCategories: [...facts.dataCategories, 'health'],
      ...more,
    },
    { now },
  );

describe('a breach notified to the authorities of several countries (provider.countries)', () => {
  it('finds the authority of each country, each under its own law', () => {
    const report = shop({ country: 'SE', countries: ['SE', 'GB'] });
    expect(report.authorities?.map((finding) => [finding.country, finding.authority?.abbreviation])).toEqual([
      ['SE', 'IMY'],
      ['GB', 'ICO'],
    ]);
    expect(report.authorities?.[1]?.law.citations.join(' ')).toMatch(/UK GDPR|Data Protection Act 2018/);
  });

  it('names each authority with its rule and deadline, in the report and the register line', () => {
    const report = shop({ countries: ['SE', 'GB'] });
    const sv = 'IMY (GDPR) och ICO (UK GDPR) senast 2026-12-03 kl. 11.40 CET';
    expect(renderIncidentReport(report, { locale: 'sv', format: 'text' })).toContain(
      `Incidenten ska anmälas till ${sv}`,
    );
    expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain(`ska anmälas till ${sv} |`);
    const en = 'IMY (GDPR) and ICO (UK GDPR) by 3 December 2026, 11:40 CET';
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain(`to be notified to ${en} |`);
  });

  it('lists every authority notified in the register line, the other authorities given too', () => {
    const report = shop(
      { countries: ['SE', 'GB'] },
      {
        notifications: [
          { authority: 'IMY', at: '2026-11-30T11:50:00+01:00' },
          { authority: 'ICO', at: '2026-11-30T11:55:00+01:00' },
        ],
        otherAuthoritiesNotified: ['Polismyndigheten'],
      },
    );
    const line = incidentRegisterEntry(report, { locale: 'sv' });
    expect(line).toContain(
      'anmäld till IMY (GDPR) 2026-11-30 kl. 11.50 CET och ICO (UK GDPR) 2026-11-30 kl. 11.55 CET',
    );
    expect(line).toContain('även underrättade: Polismyndigheten');
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain('also notified: Polismyndigheten');
  });

  it.each([
    [
      'sv',
      'UK GDPR art. 33.1; Data Protection Act 2018: utan onödigt dröjsmål',
      '[Dataskyddsförordningen art. 33.1 och 33.5; UK GDPR art. 33.1 och 33.5]',
    ],
    [
      'en',
      'UK GDPR Art. 33(1); Data Protection Act 2018: without undue delay',
      '[GDPR Art. 33(1) and 33(5); UK GDPR Art. 33(1) and 33(5)]',
    ],
  ] as const)(
    'cites each authority’s own law in its deadline and the reasons (%s)',
    (locale, deadline, reason) => {
      const report = shop({ country: 'SE', countries: ['SE', 'GB'] });
      expect(
        report.assessment.deadlines
          .filter((entry) => entry.to === 'authority')
          .map((entry) => [entry.country, entry.article]),
      ).toEqual([
        ['SE', 'GDPR Art. 33(1)'],
        ['GB', 'UK GDPR Art. 33(1); Data Protection Act 2018'],
      ]);
      const text = renderIncidentReport(report, { locale, format: 'text' });
      expect(text).toContain(deadline);
      expect(text).toContain(reason);
    },
  );

  it('keeps one country as before', () => {
    const report = shop({ country: 'SE' });
    expect(report.authorities?.map((finding) => finding.authority?.abbreviation)).toEqual(['IMY']);
    expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain(
      'ska anmälas till IMY senast 2026-12-03 kl. 11.40 CET |',
    );
  });

  it('refuses two countries of the EU/EEA under the GDPR, naming the field', async () => {
    const error = await refusal((async () => shop({ countries: ['SE', 'DK'] }))());
    expect(error.field).toBe('input.provider.countries');
    expect(error.message).toContain('GDPR Art. 56(1)');
  });

  it('takes the countries in reportMisdirected’s organisation', async () => {
    const result = await reportMisdirected(
      {
        ...misdirectedInput,
        organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'], countries: ['SE', 'GB'] },
        detectedAt: '2026-11-30T11:40:00+01:00',
        occurredAt: '2026-11-30T11:00:00+01:00',
        dataCategories: ['health'],
      },
      { now },
    );
    expect(result.report.authorities?.map((finding) => finding.authority?.abbreviation)).toEqual([
      'IMY',
      'ICO',
    ]);
  });
});
