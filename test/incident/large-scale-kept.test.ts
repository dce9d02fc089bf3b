import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// A shop that counts a breach as large scale from 50 people (`largeScale: 50`): 60 customers' names,
// addresses and orders to a stranger who confirmed deleting them, unlikely to be a risk at the default
// (1000), are a risk (GDPR Recital 75). The report as rendered, and a follow-up for the same facts,
// state the risk the report was written with.
const { measures: _measures, ...facts } = seedCase;
const now = '2026-11-30T12:00:00+01:00';
const first = createIncidentReport(
  {
    ...facts,
    regimes: ['gdpr'],
    dataCategories: ['name', 'postal-address', 'order-details'],
    dataSubjects: 60,
    occurredAt: '2026-11-30T11:00:00+01:00',
    detectedAt: '2026-11-30T11:40:00+01:00',
  },
  { now, largeScale: 50 },
);

const stated = {
  sv: 'Incidenten medför en risk, men inte en hög risk, för de berördas rättigheter och friheter. Incidenten ska anmälas till IMY',
  en: 'The breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the people concerned. The breach is to be notified to IMY',
};

describe('the number of people that counts as large scale, kept with the report', () => {
  it('is the one the report was written with', () => {
    expect(first.assessment.risk).toBe('risk');
    expect(first.assessment.largeScale).toBe(50);
  });

  it.each([
    ['sv', 'Incidenten berör 60 personer, vilket höjer risken ett steg.', stated.sv],
    ['en', 'The breach concerns 60 people, which raises the risk one level.', stated.en],
  ] as const)('is read by the rendered report, which states the same risk (%s)', (locale, raised, risk) => {
    const text = renderIncidentReport(first, { locale, format: 'text' });
    expect(text).toContain(raised);
    expect(text).toContain(risk);
  });

  it.each(['sv', 'en'] as const)('is kept by a follow-up for the same facts (%s)', (locale) => {
    const next = createFollowUpReport(first, {}, { now: '2026-11-30T13:00:00+01:00', locale });
    expect(next.assessment.risk).toBe('risk');
    expect(next.decision?.notifyAuthority).toBe(true);
    expect(renderIncidentReport(next, { locale, format: 'text' })).toContain(stated[locale]);
  });
});
