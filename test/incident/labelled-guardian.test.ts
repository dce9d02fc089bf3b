import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  inventoryMessage,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { elsasMisdirectedOrder, elsasOrder } from '../support/elsas-misdirected-order.js';

const messageWith = elsasOrder;

const guardianLine =
  'Vårdnadshavare: Anna Holm, anna.holm@telia.com, 070-123 45 67, Storgatan 12, 123 45 Stockholm';

const facts = {
  ...elsasMisdirectedOrder([guardianLine]),
  customer: { id: '4711023', name: 'Elsa Holm', minor: true },
};
const now = '2024-03-11T11:00:00+01:00';

// A child's order confirmation that names the guardian with their own e-mail address, phone number or
// postal address discloses a second person's data: the guardian is a data subject of their own (GDPR
// Art. 4(1); Art. 33(3)(a) asks for the approximate number of data subjects concerned).
describe('a child’s message that names the guardian with contact details of their own', () => {
  it('finds one labelled guardian in the message', async () => {
    const inventory = await inventoryMessage(facts.message);
    expect(inventory.people).toEqual({ count: 1, labelledGuardians: 1 });
  });

  it.each([
    [
      'sv',
      '2 berörda registrerade: barnet och en vårdnadshavare som meddelandet anger med egna kontaktuppgifter.',
    ],
    [
      'en',
      '2 data subjects concerned: the child and a parent or guardian the message names with contact details of their own.',
    ],
  ] as const)('counts the guardian as a second person and says why (%s)', async (locale, sentence) => {
    const { report } = await reportMisdirected(facts, { now, locale });
    expect(report.affected.dataSubjects).toBe(2);
    expect(report.affected.basis).toEqual({ from: 'labelled-guardian' });
    expect(renderIncidentReport(report, { locale })).toContain(sentence);
  });

  it.each([
    ['sv', 'Meddelandet innehöll också en vårdnadshavares namn och egna kontaktuppgifter.'],
    ['en', 'The message also held the name and contact details of a parent or guardian.'],
  ] as const)(
    'tells the guardian that a guardian’s own details were in it (%s)',
    async (locale, sentence) => {
      const { report } = await reportMisdirected(facts, { now, locale });
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(email.text).toContain(sentence);
    },
  );

  it.each(['Förälder', 'Guardian', 'Parent', 'Vårdnadshavare 2'])('reads the label %s', async (label) => {
    const { report } = await reportMisdirected(
      { ...facts, message: messageWith([guardianLine.replace('Vårdnadshavare', label)]) },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(2);
  });

  it('counts two guardians, each with details of their own, as two more people', async () => {
    const { report } = await reportMisdirected(
      {
        ...facts,
        message: messageWith([guardianLine, 'Vårdnadshavare: Per Holm, per.holm@telia.com, 070-765 43 21']),
      },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(3);
  });
});

describe('the count of people where no guardian is a person of their own in the message', () => {
  it('is unchanged for an adult customer', async () => {
    const { report } = await reportMisdirected(
      { ...facts, customer: { ...facts.customer, minor: false } },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(1);
    expect(report.affected.basis).toEqual({ from: 'assumed' });
  });

  it('is unchanged where the guardian is named without contact details of their own', async () => {
    const { report } = await reportMisdirected(
      { ...facts, message: messageWith(['Vårdnadshavare: Anna Holm']) },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(1);
  });

  it('is unchanged where the word is not a label', async () => {
    const { report } = await reportMisdirected(
      { ...facts, message: messageWith(['Förälder eller vårdnadshavare kan ringa 070-123 45 67.']) },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(1);
  });

  it('is the number given, where one is given', async () => {
    const { report } = await reportMisdirected({ ...facts, dataSubjects: 1 }, { now });
    expect(report.affected.dataSubjects).toBe(1);
    expect(report.affected.basis).toEqual({ from: 'given' });
  });

  it('keeps a larger count from the message', async () => {
    const { report } = await reportMisdirected(
      {
        ...facts,
        message: messageWith([guardianLine, 'a@example.se', 'b@example.se', 'c@example.se']),
      },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(4);
    expect(report.affected.basis?.from).toBe('message');
  });
});
