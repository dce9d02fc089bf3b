import type { CreateIncidentReportInput } from '../../src/incident/index.js';

/**
 * The case the project started from, as report input: an order confirmation sent to the customer's
 * address with one digit missing, at a telecom operator (Regulation 611/2013 and the GDPR apply).
 */
export const seedCase: CreateIncidentReportInput = {
  reference: 'INC-2018-0042',
  provider: {
    name: 'Nordkabel AB',
    organisationNumber: '556677-8899',
    customerServicePhone: '0771-40 40 40',
  },
  contact: { name: 'Karin Berg', role: 'dataskyddsombud', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  regimes: ['eprivacy', 'gdpr'],
  occurredAt: '2018-02-23T13:36:00+01:00',
  detectedAt: new Date('2018-02-23T12:45:00Z'),
  circumstances: 'misdirected-email',
  misdirected: {
    intended: 'anna.svensson1985@gmail.com',
    actual: 'anna.svensson185@gmail.com',
    subject: 'Orderbekräftelse',
  },
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  recipientConfirmedDeletion: true,
  measures: [
    { id: 'recall-and-delete', status: 'done' },
    { id: 'correct-address', status: 'done' },
    { id: 'profile-note', status: 'done' },
    { id: 'check-password-reset', status: 'done' },
    { id: 'new-password', status: 'planned' },
    { id: 'seller-feedback', status: 'proposed' },
  ],
};

/** The call to the customer in the seed case, with the customer's answers to the script's questions. */
export const seedCustomerCall = {
  at: '2018-02-23T14:30:00+01:00',
  by: 'Erik Holm, kundservice',
  identityChecked: true,
  answers: [
    {
      question: 'Kan du komma på några andra konsekvenser för dig som vi behöver känna till?',
      answer: 'Nej.',
    },
    { question: 'Har du några frågor till oss?', answer: 'Nej.' },
  ],
};
