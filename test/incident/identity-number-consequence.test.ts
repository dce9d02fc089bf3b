import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';

// The officer's S4: a loan decision with a personal identity number to a namesake, no address in it.
const loan: CreateIncidentReportInput = {
  reference: 'T-S4',
  provider: { name: 'Kredit AB', country: 'SE' },
  contact: { name: 'Dana DPO', email: 'dpo@example.com', phone: '+46 8 123 45 00' },
  regimes: ['gdpr'],
  circumstances: 'misdirected-email',
  occurredAt: '2024-05-30T09:00:00+02:00',
  detectedAt: '2024-05-30T10:00:00+02:00',
  dataCategories: ['name', 'national-id-number', 'financial'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  recipientConfirmedDeletion: true,
  measures: [{ id: 'recall-and-delete', status: 'done' }],
};
const now = { now: '2024-06-01T12:00:00+02:00' };
const render = (locale: 'sv' | 'en', input: CreateIncidentReportInput) =>
  renderIncidentReport(createIncidentReport(input, now), { locale, format: 'text' }) as string;

describe('the identity number’s consequence names only the data that came with it', () => {
  it('does not speak of an address that was not in the data, in English', () => {
    const text = render('en', loan);
    expect(text).not.toContain('With the name and address');
    expect(text).toContain('With the name, the personal identity number could be used for identity theft');
  });

  it('does not speak of an address that was not in the data, in Swedish', () => {
    const text = render('sv', loan);
    expect(text).not.toContain('tillsammans med namn och adress');
    expect(text).toContain('Personnumret kan tillsammans med namnet användas för identitetsstöld');
  });

  it('names the address where it was in the data', () => {
    const withAddress = {
      ...loan,
      dataCategories: ['name', 'postal-address', 'national-id-number'],
    } as const;
    expect(
      render('en', { ...loan, ...withAddress, dataCategories: [...withAddress.dataCategories] }),
    ).toContain('With the name and address, the personal identity number could be used');
  });
});
