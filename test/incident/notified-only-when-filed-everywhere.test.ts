import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// A retailer under the GDPR alone: IMY, 72 hours from detection (GDPR Art. 33(1)).
const shop: CreateIncidentReportInput = {
  ...misdirectedOrderCase,
  reference: 'T-S21',
  provider: { name: 'Butik AB', country: 'SE' },
  regimes: ['gdpr'],
};
const now = { now: '2024-05-22T12:00:00+02:00' };

describe('the register and the conclusion state a notification only once the filing is recorded', () => {
  it('says "to be notified to IMY by" the deadline before any filing, in English and Swedish', () => {
    const report = createIncidentReport(shop, now);
    const en = incidentRegisterEntry(report, { locale: 'en' });
    expect(en).toContain('to be notified to IMY by 23 May 2024, 10:00 CEST');
    expect(en).not.toContain('| notified to IMY');
    expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain(
      'ska anmälas till IMY senast 2024-05-23 kl. 10.00 CEST',
    );
    const english = renderIncidentReport(report, { locale: 'en', format: 'text' }) as string;
    expect(english).toContain('The breach is to be notified to IMY by 23 May 2024, 10:00 CEST');
    expect(english).not.toContain('The breach is notified to IMY');
    const swedish = renderIncidentReport(report, { locale: 'sv', format: 'text' }) as string;
    expect(swedish).toContain('Incidenten ska anmälas till IMY senast 2024-05-23 kl. 10.00 CEST');
    expect(swedish).not.toContain('Incidenten anmäls till IMY');
  });

  it('says notified, with the date, once the first notification is recorded', () => {
    const report = createIncidentReport({ ...shop, initialNotificationAt: '2024-05-21T10:00:00+02:00' }, now);
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain(
      'notified to IMY 21 May 2024, 10:00 CEST',
    );
    expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain(
      'anmäld till IMY 2024-05-21 kl. 10.00 CEST',
    );
    expect(renderIncidentReport(report, { locale: 'en', format: 'text' })).toContain(
      'The breach was notified to IMY on 21 May 2024, 10:00 CEST',
    );
    expect(renderIncidentReport(report, { locale: 'sv', format: 'text' })).toContain(
      'Incidenten anmäldes till IMY 2024-05-21 kl. 10.00 CEST',
    );
  });
});
