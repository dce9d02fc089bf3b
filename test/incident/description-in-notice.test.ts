import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';

// A receipt to one customer carried a file with three other customers' data: the description,
// written for the report, names the customer it went to, and the notice goes to another one.
const description =
  "A receipt e-mailed to customer Jonas Berg had a file with three other customers' names, personal identity numbers and addresses attached by mistake.";

const report = createIncidentReport(
  {
    reference: 'HH-INC-2026-0034',
    provider: { name: 'Hemhandel AB', country: 'SE', customerServicePhone: '031-700 10 00' },
    contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
    regimes: ['gdpr'],
    occurredAt: '2026-12-03T10:00:00+01:00',
    detectedAt: '2026-12-03T11:00:00+01:00',
    circumstances: 'other',
    dataCategories: ['name', 'postal-address', 'national-id-number', 'order-details'],
    dataSubjects: 3,
    recipient: 'unknown-individual',
    description,
  },
  { now: '2026-12-03T19:00:00+01:00' },
);

describe("the report's description in the notice to a customer", () => {
  it('is not quoted by default: the notice says what happened in its own words', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const email = await buildCustomerNotice(report, {
        channel: 'email',
        locale,
        customerName: 'Lars Ek',
        to: 'lars.ek@example.se',
      });
      const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
      for (const text of [email.text, email.html, email.raw.toString('utf8'), script.text])
        expect(text).not.toContain('Jonas Berg');
      expect(email.text).toContain(
        locale === 'en'
          ? 'an incident involving your personal data'
          : 'en incident som rör dina personuppgifter',
      );
    }
  });

  it('is quoted where the caller says it is written for the customer', async () => {
    const email = await buildCustomerNotice(report, {
      channel: 'email',
      to: 'lars.ek@example.se',
      descriptionForCustomer: true,
    });
    expect(email.text.replace(/\s+/g, ' ')).toContain(description);
  });
});
