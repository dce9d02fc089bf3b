import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createFollowUpReport, reportMisdirected } from '../../src/incident/index.js';

const message = [
  'From: Nordkabel AB <order@nordkabel.se>',
  'To: elsa.holm12@gmail.com',
  'Subject: Orderbekräftelse',
  'Date: Mon, 11 Mar 2024 09:12:00 +0100',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hej Elsa Holm!',
  'Kundnummer: 4711023',
].join('\r\n');

const facts = {
  message,
  intended: 'elsa.holm2012@gmail.com',
  actual: 'elsa.holm12@gmail.com',
  organisation: {
    name: 'Nordkabel AB',
    contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  },
  reference: 'NK-INC-2024-0311',
  detectedAt: '2024-03-11T10:05:00+01:00',
};
const now = { now: '2024-03-11T11:00:00+01:00' };

// A child's notice is for the guardian to read (GDPR Recital 38, Art. 8(1), Art. 12(1) and Recital 58;
// under 18: föräldrabalken 9 kap. 1 §): the report records that the customer is a child.
describe('a customer who is a child', () => {
  it('is recorded as one where the facts say so', async () => {
    const { report } = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', minor: true } },
      now,
    );
    expect(report.affected.minor).toBe(true);
  });

  it('is recorded as one where the birth date shows it on the day of detection, and kept in a follow-up', async () => {
    const { report } = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2012-05-01' } },
      now,
    );
    expect(report.affected.minor).toBe(true);
    const followUp = createFollowUpReport(
      report,
      { cause: 'A digit was left out.' },
      { now: '2024-03-12T09:00:00+01:00' },
    );
    expect(followUp.affected.minor).toBe(true);
  });

  it('is an adult from the 18th birthday, read in the organisation’s time zone', async () => {
    const eighteen = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2006-03-11' } },
      now,
    );
    expect(eighteen.report.affected.minor).toBe(false);
    const dayBefore = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2006-03-12' } },
      now,
    );
    expect(dayBefore.report.affected.minor).toBe(true);
  });

  it('says nothing where neither the facts nor a birth date say, and the facts win over the birth date', async () => {
    const unknown = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm' } },
      now,
    );
    expect(unknown.report.affected.minor).toBeUndefined();
    const stated = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2012-05-01', minor: false } },
      now,
    );
    expect(stated.report.affected.minor).toBe(false);
  });
});

// A child merits specific protection (GDPR Recital 38): the risk weighs as it does for vulnerable
// people, and the notice is addressed to the guardian, who acts for the child (Art. 8(1), Art. 12(1)).
describe('a breach of a child’s data', () => {
  const child = { ...facts, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2011-04-02' } };

  it('weighs as a breach of vulnerable people’s data, without the flag', async () => {
    const asChild = await reportMisdirected(child, now);
    const asVulnerable = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm' }, vulnerableDataSubjects: true },
      now,
    );
    expect(asChild.report.assessment.risk).toBe(asVulnerable.report.assessment.risk);
    expect(asChild.report.assessment.notifyDataSubjects).toBe(true);
  });

  it.each([
    ['sv', 'Till vårdnadshavare för Elsa Holm,', 'Hej Elsa Holm'],
    ['en', 'To the parent or guardian of Elsa Holm,', 'Dear Elsa Holm'],
  ] as const)('addresses the notice to the guardian (%s)', async (locale, greeting, toChild) => {
    const { report } = await reportMisdirected(child, { ...now, locale });
    const notice = await buildCustomerNotice(report, { channel: 'email', locale, customerName: 'Elsa Holm' });
    expect(notice.text.startsWith(greeting)).toBe(true);
    expect(notice.text).not.toContain(toChild);
  });
});

describe('a date of birth in the message', () => {
  it('is found under its label where the customer record has none', async () => {
    const { report } = await reportMisdirected(
      {
        ...facts,
        message: `${message}\r\nFödelsedatum: 2011-04-02`,
        customer: { id: '4711023', name: 'Elsa Holm' },
      },
      now,
    );
    expect(report.data.categories).toContain('date-of-birth');
  });
});
