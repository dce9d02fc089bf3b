import type { CreateIncidentReportInput } from '../../src/incident/index.js';

/**
 * A telecom's text message sent to a wrong number (Persónuvernd/Nova for the channel), reported the
 * next day (`wrongNumberSmsNow`). Each case adds its reference and what the message held.
 */
export const wrongNumberSmsCase = {
  provider: { name: 'Nordkabel AB', country: 'SE', customerServicePhone: '0771-40 40 40' },
  contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  regimes: ['eprivacy', 'gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  circumstances: 'misdirected-sms',
  dataSubjects: 1,
  recipient: 'unknown-individual',
} as const satisfies Omit<CreateIncidentReportInput, 'reference' | 'dataCategories'>;

export const wrongNumberSmsNow = '2024-10-02T09:00:00+02:00';
