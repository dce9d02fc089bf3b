import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createFollowUpReport,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { elsasMisdirectedOrder } from '../support/elsas-misdirected-order.js';

const facts = elsasMisdirectedOrder();
const { message } = facts;
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

// The guardian reads the notice and takes the call: the body speaks to them about the child, never to
// the child in the second person, which a note saying "you means the child" would only patch over
// (GDPR Art. 12(1): concise, intelligible and clearly worded; Recital 58 on children).
describe('the notice and phone script for a child’s guardian', () => {
  const child = {
    ...facts,
    message: `${message}\r\nLeveransadress: Storgatan 12, 123 45 Stockholm`,
    customer: { id: '4711023', name: 'Elsa Holm', birthDate: '2011-04-02' },
    measures: [{ id: 'profile-note', status: 'done' as const }],
  };
  const words = {
    sv: {
      said: [
        'Vi skriver till dig som vårdnadshavare, eftersom Elsa Holm är under 18 år.',
        'Den 11 mars 2024 kl. 09.12 skickade vi ett meddelande till ditt barn (”Orderbekräftelse”)',
        'Den personen har kunnat se de här uppgifterna om ditt barn:',
        'Vad det kan innebära för ditt barn:',
        'utge sig för att vara ditt barn, för att få veta mer om ditt barn eller göra ändringar och beställningar i ditt barns namn.',
        'när någon hör av sig om ditt barns konto.',
      ],
      phone: [
        'Talar jag med vårdnadshavare för Elsa Holm?',
        'Kan du komma på några andra följder för ditt barn',
      ],
      unsaid: [
        /Där det står "du"/,
        /uppgifterna om dig\b/,
        /\bditt konto\b/,
        /i ditt namn/,
        /Talar jag med Elsa Holm\?/,
      ],
    },
    en: {
      said: [
        'We are writing to you as parent or guardian, since Elsa Holm is under 18.',
        'On 11 March 2024 at 09:12 we sent your child a message (“Orderbekräftelse”)',
        'That person could see these details about your child:',
        'What this could mean for your child:',
        'pretending to be your child, to learn more about your child or to change or order things in your child’s name.',
        'to your child’s account',
      ],
      phone: [
        'Am I speaking to the parent or guardian of Elsa Holm?',
        'Can you think of any other consequences for your child',
      ],
      unsaid: [
        /Where this letter says/,
        /details about you\b/,
        /\byour account\b/,
        /in your name/,
        /Am I speaking to Elsa Holm\?/,
      ],
    },
  } as const;

  it.each(['sv', 'en'] as const)('speaks to the guardian about the child (%s)', async (locale) => {
    const { report } = await reportMisdirected(child, { ...now, locale });
    expect(report.affected.minor).toBe(true);
    const email = await buildCustomerNotice(report, { channel: 'email', locale, customerName: 'Elsa Holm' });
    const script = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale,
      customerName: 'Elsa Holm',
    });
    for (const sentence of words[locale].said) expect(email.text).toContain(sentence);
    for (const line of words[locale].phone) expect(script.text).toContain(line);
    for (const wrong of words[locale].unsaid) {
      expect(email.text).not.toMatch(wrong);
      expect(script.text).not.toMatch(wrong);
    }
  });

  it.each(['sv', 'en'] as const)('still speaks to an adult customer as "you" (%s)', async (locale) => {
    const { report } = await reportMisdirected(
      { ...child, customer: { id: '4711023', name: 'Elsa Holm', birthDate: '1990-04-02' } },
      { ...now, locale },
    );
    const email = await buildCustomerNotice(report, { channel: 'email', locale, customerName: 'Elsa Holm' });
    expect(email.text).toContain(locale === 'sv' ? 'uppgifterna om dig:' : 'details about you:');
    expect(email.text).not.toContain(locale === 'sv' ? 'ditt barn' : 'your child');
  });
});

// A child's data weighs as vulnerable people's does (GDPR Recital 38 and 75): the report that says so
// in its risk paragraph says the same in its assessment, and speaks of one child in the singular.
describe('the risk in the report on a child', () => {
  const words = {
    sv: {
      said: [
        'Sammantaget bedöms incidenten medföra en hög risk för den berördes rättigheter och friheter.',
        'Beräknad risk: incidenten medför en hög risk för den berördes rättigheter och friheter.',
      ],
      unsaid: ['inte en hög risk', 'Risken är inte hög', 'för de berördas rättigheter'],
    },
    en: {
      said: [
        'Overall, the breach is likely to result in a high risk to the rights and freedoms of the person concerned.',
        'Computed risk: the breach is likely to result in a high risk to the rights and freedoms of the person concerned.',
      ],
      unsaid: ['but not a high risk', 'The risk is not high', 'freedoms of the people concerned'],
    },
  } as const;

  it.each(['sv', 'en'] as const)('says one risk throughout, of one child (%s)', async (locale) => {
    const { report } = await reportMisdirected(
      { ...facts, customer: { id: '4711023', name: 'Elsa Holm', minor: true } },
      { ...now, locale },
    );
    expect(report.affected.dataSubjects).toBe(1);
    const rendered = renderIncidentReport(report, { locale });
    for (const sentence of words[locale].said) expect(rendered).toContain(sentence);
    for (const wrong of words[locale].unsaid) expect(rendered).not.toContain(wrong);
  });
});
