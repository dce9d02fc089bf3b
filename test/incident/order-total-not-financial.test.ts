import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import {
  createIncidentReport,
  incidentRegisterEntry,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput } from './shared-fixtures.js';

// A pharmacy order with its total: the total is what the order costs, an order detail, while the
// products reveal health (GDPR Art. 9). Financial data is account, card or income data (EDPB
// Guidelines 9/2022 section IV.B), which this message holds none of.
const pharmacyOrder = (withIban: boolean) =>
  Buffer.from(
    [
      'From: Fjällbo Hem & Hälsa <order@fjallbo.se>',
      'To: elsa.johanson@gmail.com',
      'Subject: Orderbekräftelse 100301',
      'Date: Mon, 30 Nov 2026 14:12:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hej Elsa Johansson!',
      '',
      'Tack för din beställning.',
      'Ordernummer: 100301',
      'Kundnummer: 90017',
      '',
      'Leveransadress:',
      'Elsa Johansson',
      'Björkvägen 3',
      '831 40 Östersund',
      '',
      '1 st Graviditetstest 2-pack   79,00 kr',
      '1 st Akne-kräm Differin        149,00 kr',
      'Att betala 228,00 kr',
      ...(withIban ? ['Återbetalning till IBAN SE45 5000 0000 0583 9825 7466'] : []),
      '',
    ].join('\r\n'),
  );

// The seed case's organisation, a shop under the GDPR alone.
const facts = (withIban: boolean): ReportMisdirectedInput => ({
  ...misdirectedInput,
  message: pharmacyOrder(withIban),
  intended: 'elsa.johansson@gmail.com',
  actual: 'elsa.johanson@gmail.com',
  customer: { id: '90017', name: 'Elsa Johansson', emails: ['elsa.johansson@gmail.com'] },
  organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'] },
  detectedAt: '2026-12-01T09:30:00+01:00',
});
const now = '2026-12-03T06:00:00Z';

describe('an order total sent to the wrong person', () => {
  it('reads the amount due and the OCR reference as order details', () => {
    const kinds = (text: string) => findPersonalData(text).map((hit) => [hit.category, hit.kind]);
    expect(kinds('Att betala: 1 249,00 kr')).toContainEqual(['order-details', 'invoice-amount']);
    expect(kinds('Amount due: EUR 45.00')).toContainEqual(['order-details', 'invoice-amount']);
    expect(kinds('OCR: 4711023000125')).toContainEqual(['order-details', 'payment-reference']);
  });

  it.each([
    ['sv', /ekonomisk/i, 'beställningar med priser'],
    ['en', /financial/i, 'orders with prices'],
  ] as const)(
    'never calls the total financial data in the %s report, register or notice',
    async (locale, financial, orders) => {
      const result = await reportMisdirected(facts(false), { locale, now });
      expect(result.report.data.categories).not.toContain('financial');
      expect(result.report.data.categories).toContain('order-details');
      const report = renderIncidentReport(result.report, { locale });
      const register = incidentRegisterEntry(result.report, { locale });
      const notice = result.notices.email?.text ?? '';
      for (const text of [report, register, notice, result.notices.phoneScript.text])
        expect(text).not.toMatch(financial);
      expect(notice).toContain(orders);
      // Piraeus Bank's account data is another kind than an order total: it is not cited as the same.
      expect(report).not.toContain('Piraeus');
    },
  );

  it.each([
    ['sv', 'kontonummer'],
    ['en', 'account number'],
  ] as const)('still reports an account number beside the total as such, in %s', async (locale, label) => {
    const result = await reportMisdirected(facts(true), { locale, now });
    expect(result.report.data.categories).toContain('account-number');
    expect(renderIncidentReport(result.report, { locale }).toLowerCase()).toContain(label);
  });
});

// Financial data the caller names (`financial`) is account or payment data: an amount on an invoice or
// order is an order detail (`order-details`), and the report does not call the caller's data one.
describe('financial data the caller judged to give little insight', () => {
  it.each([
    [
      'sv',
      'limited',
      'De ekonomiska uppgifterna (om konton eller betalningar) ger enligt bedömningen bara en allmän bild av kundens ekonomi.',
    ],
    [
      'en',
      'limited',
      'The financial details (about accounts or payments) give, as judged, only a general picture of the customer’s finances.',
    ],
    [
      'sv',
      'minimal',
      'De ekonomiska uppgifterna (om konton eller betalningar) ger enligt bedömningen ingen egentlig insyn i kundens ekonomi.',
    ],
    [
      'en',
      'minimal',
      'The financial details (about accounts or payments) give, as judged, no real insight into the customer’s finances.',
    ],
  ] as const)(
    'is said in %s as account or payment data (%s insight), not as an amount due',
    (locale, insight, said) => {
      const report = createIncidentReport(
        { ...seedCase, dataCategories: ['name', 'financial'], insight },
        { locale, now: '2018-02-26T09:00:00+01:00' },
      );
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(said);
      expect(text).not.toMatch(/faktura|invoice/i);
    },
  );
});
