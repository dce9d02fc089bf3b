import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import {
  assessBreach,
  authorities,
  createIncidentReport,
  findAuthority,
  renderIncidentReport,
} from '../../src/incident/index.js';

// S3: a payslip with a National Insurance number and an account number reached a former employee.
const payslip = {
  reference: 'HS-2024-17',
  contact: { name: 'Dana Reed', email: 'dpo@example.co.uk', phone: '+44 20 7946 0001' },
  circumstances: 'misdirected-email',
  dataSubjects: 1,
  recipient: 'unknown-individual',
  provider: { name: 'High Street Ltd', country: 'GB' },
  regimes: ['gdpr'],
  occurredAt: '2024-05-30T09:00:00+01:00',
  detectedAt: '2024-05-30T15:00:00+01:00',
  dataCategories: ['name', 'postal-address', 'national-id-number', 'account-number', 'financial'],
} satisfies CreateIncidentReportInput;

describe('the authority and the law of the organisation’s country', () => {
  it('addresses a UK breach to the ICO under the UK GDPR, in English and Swedish', () => {
    const report = createIncidentReport(payslip, { now: '2024-06-01T12:00:00+01:00' });
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).toContain('To\n  Information Commissioner’s Office (ICO)');
    expect(en).not.toContain('No supervisory authority');
    expect(en).toContain('UK GDPR Art. 33 and 34');
    expect(en).toContain('UK GDPR Art. 33(1)');
    expect(en).not.toMatch(/(?<!UK )GDPR Art\. 3[34]/);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).toContain('Information Commissioner’s Office (ICO)');
    expect(sv).toContain('UK GDPR');
  });

  it('writes the times of a UK report in UK time unless a time zone is given', () => {
    const report = createIncidentReport(payslip, { now: '2024-06-01T12:00:00+01:00' });
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).toContain('Occurred: 30 May 2024, 09:00 BST');
    const stockholm = renderIncidentReport(report, {
      locale: 'en',
      format: 'text',
      timeZone: 'Europe/Stockholm',
    });
    expect(stockholm).toContain('Occurred: 30 May 2024, 10:00 CEST');
  });

  it('names PECR reg. 5A and the ICO for a UK provider of electronic communications', () => {
    const finding = findAuthority({ country: 'GB', regime: 'eprivacy', at: '2024-05-20T09:00:00+01:00' });
    expect(finding.authority?.abbreviation).toBe('ICO');
    expect(finding.law.citations.join('; ')).toContain('PECR reg. 5A');
    expect(finding.law.notificationDuty).toBe(true);
  });

  it('cites the GDPR itself for a UK breach before the end of the transition period', () => {
    const finding = findAuthority({ country: 'GB', regime: 'gdpr', at: '2020-06-01T09:00:00+01:00' });
    expect(finding.law.citations[0]).toBe('GDPR Art. 33 and 34');
    const { regimes, dataCategories, dataSubjects, recipient } = payslip;
    const facts = { regimes, dataCategories, dataSubjects, recipient, country: 'GB' };
    const before = assessBreach({
      ...facts,
      occurredAt: '2020-06-01T09:00:00+01:00',
      detectedAt: '2020-06-01T10:00:00+01:00',
    });
    expect(before.deadlines.map((deadline) => deadline.article)).toContain('GDPR Art. 33(1)');
    const after = assessBreach({
      ...facts,
      occurredAt: '2021-06-01T09:00:00+01:00',
      detectedAt: '2021-06-01T10:00:00+01:00',
    });
    expect(after.deadlines.map((deadline) => deadline.article)).toContain('UK GDPR Art. 33(1)');
  });

  it('finds a data protection authority for every country in the table', () => {
    const countries = [...new Set(authorities.map((authority) => authority.country))].sort();
    expect(countries).toContain('GB');
    for (const country of countries) {
      const finding = findAuthority({ country, regime: 'gdpr', at: '2024-05-20T09:00:00Z' });
      expect(finding.authority, country).toBeDefined();
      expect(finding.law.notificationDuty, country).toBe(true);
    }
  });
});
