import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };
const claimsCustomerTold = {
  id: 'kund-informerad',
  text: 'Kunden har informerats om händelsen per telefon.',
  status: 'done' as const,
};

describe('a measure of the caller’s own', () => {
  it('is in the report as given, and not in the notice to the customer it speaks of in the third person', async () => {
    const report = createIncidentReport({ ...seedCase, measures: [claimsCustomerTold] }, now);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).toContain('  - Kunden har informerats om händelsen per telefon.');
    for (const locale of ['sv', 'en'] as const) {
      const notice = await buildCustomerNotice(report, { channel: 'email', locale });
      const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
      expect(notice.text).not.toContain('Kunden har informerats');
      expect(script.text).not.toContain('Kunden har informerats');
    }
  });

  it('is never taken as the customer told: telling them stays to be done in the report and the register', () => {
    const report = createIncidentReport({ ...seedCase, measures: [claimsCustomerTold] }, now);
    expect(report.measures.find((measure) => measure.id === 'inform-customer')?.status).toBe('proposed');
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).not.toContain('The customer was told what happened');
    expect(incidentRegisterEntry(report, { locale: 'en' })).not.toContain('customer told');
  });

  it('is said to the customer as written when marked for the customer', async () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        measures: [
          {
            id: 'blocked-orders',
            text: 'We blocked new orders on your account.',
            status: 'done',
            forCustomer: true,
          },
          { id: 'staff-training', text: 'Staff training on addresses.', status: 'planned' },
        ],
      },
      now,
    );
    const notice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(notice.text).toContain('- We blocked new orders on your account.');
    expect(notice.text).not.toContain('Staff training');
  });
});
