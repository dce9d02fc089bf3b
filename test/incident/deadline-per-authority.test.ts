import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const { recipientConfirmedDeletion: _deleted, measures: _measures, ...facts } = seedCase;

// Health data reaching a stranger: a provider notifies its e-privacy authority within 24 hours
// (Regulation 611/2013 Art. 2(2)) and the data protection authority within 72 (GDPR Art. 33(1)).
const report = (country: 'SE' | 'GB') =>
  createIncidentReport(
    {
      ...facts,
      provider: { ...facts.provider, country },
      occurredAt: '2026-11-30T11:00:00+01:00',
      detectedAt: '2026-11-30T11:40:00+01:00',
      dataCategories: [...facts.dataCategories, 'health'],
    },
    { now: '2026-11-30T12:00:00+01:00' },
  );

describe('each authority is given its own deadline', () => {
  it('names the deadline of PTS and of IMY apart, in the register line and the report, in Swedish and English', () => {
    const swedish = report('SE');
    const sv = 'PTS senast 2026-12-01 kl. 11.40 CET och IMY senast 2026-12-03 kl. 11.40 CET';
    expect(incidentRegisterEntry(swedish, { locale: 'sv' })).toContain(`ska anmälas till ${sv} |`);
    expect(renderIncidentReport(swedish, { locale: 'sv', format: 'text' })).toContain(
      `Incidenten ska anmälas till ${sv}, och`,
    );
    const en = 'PTS by 1 December 2026, 11:40 CET and IMY by 3 December 2026, 11:40 CET';
    expect(incidentRegisterEntry(swedish, { locale: 'en' })).toContain(`to be notified to ${en} |`);
    expect(renderIncidentReport(swedish, { locale: 'en', format: 'text' })).toContain(
      `The breach is to be notified to ${en}, and`,
    );
  });

  it('names an authority competent under two regimes once, with both', () => {
    const british = report('GB');
    const register = incidentRegisterEntry(british, { locale: 'en' });
    expect(register).toContain('to be notified to ICO (PECR and UK GDPR) by 1 December 2026, 10:40 GMT |');
    expect(register).not.toContain('ICO and ICO');
    const addressee =
      renderIncidentReport(british, { locale: 'en', format: 'text' }).split('Type of notification')[0] ?? '';
    expect(addressee.match(/Information Commissioner/g)).toHaveLength(1);
    expect(renderIncidentReport(british, { locale: 'sv', format: 'text' })).toContain(
      'Incidenten ska anmälas till ICO (PECR och UK GDPR) senast 2026-12-01 kl. 10.40 GMT',
    );
  });
});
