import type { CreateIncidentReportInput } from '../../src/incident/index.js';

/**
 * The officer's S9 and S21 cases: an order confirmation to a wrong address at a telecom (a shop, in
 * S21, names itself and the GDPR alone). Each case adds its reference, and in S9 what the call to
 * the customer recorded.
 */
export const misdirectedOrderCase = {
  provider: { name: 'Teleab AB', country: 'SE' },
  contact: { name: 'Dana DPO', email: 'dpo@example.com', phone: '+46 8 123 45 00' },
  regimes: ['eprivacy', 'gdpr'],
  circumstances: 'misdirected-email',
  occurredAt: '2024-05-20T09:00:00+02:00',
  detectedAt: '2024-05-20T10:00:00+02:00',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
} as const satisfies Omit<CreateIncidentReportInput, 'reference'>;
