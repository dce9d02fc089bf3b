import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  incidentRegisterEntry,
  inventoryMessage,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { clinicCcInput, clinicCcMessage } from './shared-fixtures.js';

const message = clinicCcMessage;
const facts: ReportMisdirectedInput = clinicCcInput;

describe('a message sent with its recipients in Cc instead of Bcc', () => {
  it('counts every address in To and Cc as a person whose address was disclosed', async () => {
    const inventory = await inventoryMessage(message, { ignore: ['info@kliniksoder.se'] });
    expect(inventory.categories).toContain('email-address');
    expect(inventory.counts['email-address']).toBe(45);
    expect(inventory.people).toEqual({ count: 45, category: 'email-address' });
    expect(inventory.items.find((item) => item.kind === 'email-address')?.foundIn).toEqual(['header']);
  });

  it('does not count the sender’s own address in To as a person', async () => {
    const inventory = await inventoryMessage(message);
    expect(inventory.counts['email-address']).toBe(45);
  });

  it('does not count a single recipient’s own address, which nobody else saw', async () => {
    const single = await inventoryMessage(
      'From: shop@example.se\r\nTo: anna@example.se\r\nSubject: Order\r\n\r\nHej!\r\n',
    );
    expect(single.categories).not.toContain('email-address');
    expect(single.people).toEqual({ count: 1 });
  });

  it('reports the 45 patients and their addresses, in both languages', async () => {
    const { report } = await reportMisdirected(facts, { now: '2024-10-01T12:00:00+02:00' });
    expect(report.affected.dataSubjects).toBe(45);
    expect(report.data.categories).toEqual(expect.arrayContaining(['email-address', 'health']));
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('45');
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain('45');
  });
});

describe('the measures proposed for a message sent to many at once', () => {
  it.each(['sv', 'en'] as const)(
    'proposes no wrong e-mail address to remove, since every address was right (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(facts, { now: '2024-10-01T12:00:00+02:00', locale });
      expect(report.measures.map((measure) => measure.id)).not.toContain('correct-address');
      expect(renderIncidentReport(report, { locale })).not.toMatch(
        locale === 'sv' ? /felaktiga e-postadressen/ : /wrong e-mail address/,
      );
    },
  );
});

describe('the register line and the consequences of a message sent to many at once', () => {
  const said = {
    sv: [
      'e-post till 46 mottagare samtidigt',
      'E-postadresser kan användas för nätfiske riktat mot dem som har dem.',
    ],
    en: [
      'e-mail to 46 recipients at once',
      'E-mail addresses could be used for phishing aimed at their owners.',
    ],
  } as const;
  const unfit = {
    sv: ['e-post till fel mottagare', 'riktat mot kunden'],
    en: ['e-mail to the wrong recipient', 'aimed at the customer'],
  } as const;

  it.each(['sv', 'en'] as const)(
    'names the group and everyone in it, not one customer (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(facts, { now: '2024-10-01T12:00:00+02:00', locale });
      expect(report.incident.misdirected?.recipients).toBe(46);
      const [registerLine, consequence] = said[locale];
      const [oneRecipient, oneCustomer] = unfit[locale];
      const line = incidentRegisterEntry(report, { locale });
      expect(line).toContain(registerLine);
      expect(line).not.toContain(oneRecipient);
      const rendered = renderIncidentReport(report, { locale });
      expect(rendered).toContain(consequence);
      expect(rendered).not.toContain(oneCustomer);
    },
  );
});

// Each person in the group is told on their own (the notice goes to one address), and the group is
// never spoken of as one person: "the person" who saw it, or "the wrong address" it went to, would be
// untrue where everyone in Cc saw every address and no address was wrong (GDPR Art. 34(2), Art. 5(1)(d)).
describe('the notice to one of a group sent to at once', () => {
  const words = {
    sv: {
      said: [
        'Vi kommer att skriva för sig till var och en vars adress syntes, så att ingen ser någon annans adress.',
        'var och en av mottagarna har kunnat se uppgifter som säger något om din hälsa.',
        'vi kontaktar dem som fick meddelandet och ber dem radera det.',
        'vi kontrollerar att inga lösenord eller inloggningslänkar har skickats till de andra mottagarnas adresser.',
      ],
      phone: 'Vi kommer att kontakta var och en vars adress syntes, en i taget.',
      unsaid: ['Personen', 'personen', ' hen ', 'den felaktiga adressen'],
    },
    en: {
      said: [
        'We will write separately to each person whose address could be seen, so that nobody sees anyone else’s address.',
        'Each recipient could see details that say something about your health.',
        'we contact those who received the message and ask them to delete it.',
        'we check that no password or login link was sent to the other recipients’ addresses.',
      ],
      phone: 'We will contact each person whose address could be seen, one at a time.',
      unsaid: ['The person', 'the person', 'the wrong address'],
    },
  } as const;

  it.each(['sv', 'en'] as const)(
    'says each will be told on their own, once that is planned, and never speaks of one person (%s)',
    async (locale) => {
      // Planned, not only proposed: a proposal is nobody's decision, and no promise to the customer.
      const { report } = await reportMisdirected(
        { ...facts, measures: [{ id: 'inform-customer', status: 'planned' }] },
        { now: '2024-10-01T12:00:00+02:00', locale },
      );
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
      for (const sentence of words[locale].said) expect(email.text).toContain(sentence);
      expect(script.text).toContain(words[locale].phone);
      expect(script.text).toContain(words[locale].said[1]);
      // The phone script's own guidance to the agent speaks of "the person" on the line: the e-mail alone.
      for (const wrong of words[locale].unsaid) expect(email.text).not.toContain(wrong);
    },
  );

  // Only a measure recorded done is told as done, and nothing records how many were told: the
  // notice gives no number of people told (GDPR Art. 5(1)(d), accuracy).
  const told = {
    sv: {
      email:
        'Vi skriver för sig till var och en vars adress syntes, så att ingen annan ser din adress i det här meddelandet.',
      phone: 'Vi kontaktar var och en vars adress syntes, en i taget.',
      unsaid: ['Vi kommer att skriva', 'av de 45 personerna för sig'],
    },
    en: {
      email:
        'We are writing separately to each person whose address could be seen, so that nobody else sees your address in this message.',
      phone: 'We are contacting each person whose address could be seen, one at a time.',
      unsaid: ['We will write', 'each of the 45 people'],
    },
  } as const;

  it.each(['sv', 'en'] as const)(
    'says each is told on their own only once telling them is recorded done (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(
        {
          ...facts,
          measures: [{ id: 'inform-customer', status: 'done' }],
          subscriberNotice: { notifiedAt: '2024-10-01T11:00:00+02:00' },
        },
        { now: '2024-10-01T12:00:00+02:00', locale },
      );
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
      expect(email.text).toContain(told[locale].email);
      expect(script.text).toContain(told[locale].phone);
      for (const wrong of told[locale].unsaid) expect(email.text).not.toContain(wrong);
    },
  );

  it.each(['sv', 'en'] as const)(
    'says each will be told while telling them is only planned (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(
        { ...facts, measures: [{ id: 'inform-customer', status: 'planned' }] },
        { now: '2024-10-01T12:00:00+02:00', locale },
      );
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(email.text).toContain(words[locale].said[0]);
      expect(email.text).not.toContain(told[locale].email);
    },
  );

  it.each(['sv', 'en'] as const)(
    'does not say each is told where telling them was decided against (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(
        { ...facts, measures: [{ id: 'inform-customer', status: 'rejected', reason: 'Low risk.' }] },
        { now: '2024-10-01T12:00:00+02:00', locale },
      );
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      expect(email.text).not.toContain(words[locale].said[0]);
      expect(email.text).not.toContain(told[locale].email);
    },
  );
});

// Swedish writes lower case after a colon unless a quotation or a proper noun follows (Språkrådet,
// Svenska skrivregler, kolon): the notice's heading and the sentence after it read as one.
describe('the sentence after a colon in the Swedish notice', () => {
  it('begins in lower case, as the English one keeps its capital', async () => {
    const { report } = await reportMisdirected(facts, { now: '2024-10-01T12:00:00+02:00', locale: 'sv' });
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(sv.text).toContain('Vad det kan innebära för dig: var och en av mottagarna har kunnat se');
    expect(sv.text).not.toContain('Vad det kan innebära för dig: Var');
    expect(en.text).toContain('What this could mean for you: Each recipient could see');
  });
});

// Those who received a message shown to a group are many: the confirmed deletion is said of them in
// the plural ("have", not "has"), and in Swedish in the subject form ("De som", not "Dem som").
describe('the confirmed deletion in the notice to one of a group', () => {
  const sentence = {
    sv: {
      said: '- De som fick meddelandet har bekräftat för oss att det är raderat.',
      unsaid: 'Dem som fick meddelandet har',
    },
    en: {
      said: '- Those who received the message have confirmed to us that it was deleted.',
      unsaid: 'received the message has confirmed',
    },
  } as const;

  it.each(['sv', 'en'] as const)(
    'says those who received it have confirmed the deletion (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(
        { ...facts, recipientConfirmedDeletion: true },
        { now: '2024-10-01T12:00:00+02:00', locale },
      );
      const email = await buildCustomerNotice(report, { channel: 'email', locale });
      const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
      expect(email.text).toContain(sentence[locale].said);
      expect(script.text).toContain(sentence[locale].said);
      expect(email.text).not.toContain(sentence[locale].unsaid);
    },
  );
});
