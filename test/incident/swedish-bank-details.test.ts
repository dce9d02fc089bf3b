import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((hit) => [hit.category, hit.kind]);

describe('Swedish bank details', () => {
  it('finds the clearing and account number an autogiro is drawn from', () => {
    expect(kinds('Autogiro från konto 8327-9 123 456 789-1 den 28:e varje månad.')).toContainEqual([
      'account-number',
      'bank-account',
    ]);
  });

  it('finds an account number given under its own label after the clearing number, on one line or two', () => {
    // One hit, the account number (its masked form is as long as "914 343 262-4").
    for (const text of [
      'Konto: clearingnummer 8327-9, kontonummer 914 343 262-4',
      'Clearingnummer: 8327-9\r\nKontonummer: 914 343 262-4',
      'Clearingnummer: 8327-9\nKontonummer: 914 343 262-4',
    ])
      expect(
        findPersonalData(text)
          .filter((hit) => hit.kind === 'bank-account')
          .map((hit) => [hit.category, hit.redacted.length]),
      ).toEqual([['account-number', 13]]);
  });

  it('finds no account where the clearing number stands alone or another label follows it', () => {
    for (const text of ['Clearingnummer: 8327-9', 'Clearingnummer: 8327-9\nKundnummer: 914 343 262-4'])
      expect(kinds(text)).not.toContainEqual(['account-number', 'bank-account']);
  });

  it("reports no bankgiro or plusgiro number: it is the payee's, not the customer's", () => {
    for (const text of ['Betala till Bankgiro 5050-1055 senast 30/10.', 'Plusgiro 90 20 03-3'])
      expect(findPersonalData(text)).toEqual([]);
  });

  it('finds an OCR reference, a payment detail of the order', () => {
    expect(kinds('OCR: 4711023000125')).toContainEqual(['order-details', 'payment-reference']);
  });

  it('calls the amount due on an invoice an order detail, not financial data', () => {
    expect(kinds('Att betala: 1 249,00 kr')).toContainEqual(['order-details', 'invoice-amount']);
  });
});

describe('the list of data read from a message', () => {
  it.each([
    ['en', 'contained, among other things:'],
    ['sv', 'innehöll bland annat:'],
  ] as const)('is not presented as complete, since free text may hold more (%s)', async (locale, words) => {
    const { createIncidentReport, renderIncidentReport } = await import('../../src/incident/index.js');
    const { seedCase } = await import('./seed-case.js');
    // As reportMisdirected writes it: the categories were read from the message's free text.
    const result = {
      report: createIncidentReport(
        { ...seedCase, dataComplete: false },
        { now: '2018-02-23T15:10:00+01:00' },
      ),
    };
    expect(renderIncidentReport(result.report, { locale })).toContain(words);
  });
});
