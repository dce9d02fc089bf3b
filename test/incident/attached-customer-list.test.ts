import { describe, expect, it } from 'vitest';
import {
  inventoryMessage,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';

// Twelve customers in a semicolon-separated list, attached by mistake to a quote for one customer.
const names = [
  'Anna Svensson',
  'Erik Holm',
  'Lars Berg',
  'Maria Lind',
  'Johan Ek',
  'Sara Nyström',
  'Karl Öberg',
  'Eva Sjöberg',
  'Per Åkesson',
  'Lisa Falk',
  'Olof Strand',
  'Ida Björk',
];
const rows = names.map(
  (name, index) =>
    `${name};kund${index + 1}@example.se;Storgatan ${index + 1}, 123 45 Stockholm;19121212-1212`,
);
const csv = Buffer.from(['Namn;E-post;Adress;Personnummer', ...rows].join('\n')).toString('base64');
const message = [
  'From: Nordkabel AB <order@nordkabel.se>',
  'To: kalle.andersson@gmail.com',
  'Subject: Offert',
  'Date: Tue, 01 Oct 2024 09:00:00 +0200',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hej Kalle! Här är offerten.',
  '--b',
  'Content-Type: text/csv; name="kunder.csv"',
  'Content-Disposition: attachment; filename="kunder.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  csv,
  '--b--',
].join('\r\n');

const input: ReportMisdirectedInput = {
  message,
  intended: 'kalle.andersson1@gmail.com',
  actual: 'kalle.andersson@gmail.com',
  customer: { id: '1', name: 'Kalle Andersson' },
  organisation: {
    name: 'Nordkabel AB',
    country: 'SE',
    regimes: ['gdpr'],
    contact: { name: 'Eva Lund', email: 'dpo@nordkabel.se', phone: '08-111 222 33' },
  },
  reference: 'CSV-1',
  detectedAt: '2024-10-01T10:00:00+02:00',
};
const now = '2024-10-01T12:00:00+02:00';

describe('a list of customers attached to a message', () => {
  it('finds the names in a column whose header names them', async () => {
    const inventory = await inventoryMessage(message);
    expect(inventory.counts.name).toBeGreaterThanOrEqual(12);
  });

  it('counts the people from the most numerous identifier of one person', async () => {
    const inventory = await inventoryMessage(message);
    expect(inventory.people).toEqual({ count: 12, category: 'email-address' });
  });

  it.each(['en', 'sv'] as const)(
    'reports twelve people, and says where the number came from (%s)',
    async (locale) => {
      const result = await reportMisdirected(input, { locale, now });
      expect(result.report.affected.dataSubjects).toBe(12);
      const text = renderIncidentReport(result.report, { locale });
      expect(text).toContain(
        locale === 'sv'
          ? '12 berörda registrerade, räknat från de 12 olika e-postadresserna i meddelandet.'
          : '12 data subjects concerned, counted from the 12 different e-mail addresses in the message.',
      );
    },
  );

  it.each(['en', 'sv'] as const)(
    'warns when the number given is lower than the message shows (%s)',
    async (locale) => {
      const result = await reportMisdirected({ ...input, dataSubjects: 1 }, { locale, now });
      expect(result.report.affected.dataSubjects).toBe(1);
      expect(result.inventory.notes.join(' ')).toContain(
        locale === 'sv' ? '12 olika e-postadresser' : '12 different e-mail addresses',
      );
      expect(renderIncidentReport(result.report, { locale })).toContain(
        locale === 'sv'
          ? 'Observera: meddelandet innehåller 12 olika e-postadresser, fler än det angivna antalet berörda'
          : 'The message holds 12 different e-mail addresses, more than the number of people given',
      );
    },
  );

  it('keeps one person for an ordinary order confirmation', async () => {
    const result = await reportMisdirected(
      { ...input, message: message.replace(/--b\r\nContent-Type: text\/csv[\s\S]*?(?=--b--)/, '') },
      { now },
    );
    expect(result.report.affected.dataSubjects).toBe(1);
    expect(result.inventory.people).toEqual({ count: 1 });
  });
});
