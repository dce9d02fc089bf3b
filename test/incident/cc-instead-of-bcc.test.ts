import { describe, expect, it } from 'vitest';
import {
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
